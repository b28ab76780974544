// Mattermost's registry methods accept positional arguments or one object of named ones
// (utils/func.ts reArg): registerPostTypeComponent(type, c) or registerPostTypeComponent({type, component: c}).
type Named = Record<string, unknown>;

const isNamedObject = (v: unknown, names: string[]): v is Named =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && names.some((n) => n in v);

export function reArg<R>(names: string[], fn: (args: Named) => R): (...args: unknown[]) => R {
  return (...args: unknown[]) => {
    if (args.length === 1 && isNamedObject(args[0], names)) return fn(args[0]);
    return fn(Object.fromEntries(names.map((n, i) => [n, args[i]])));
  };
}
