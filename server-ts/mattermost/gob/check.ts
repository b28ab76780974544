// The wire boundary: decoding is schema-less, so a decoded value is only known to have the
// shape its schema promises once check() has looked. Fields the schema does not list (from a
// newer server) are kept as they came; interface values are left to their readers (toPlain).
import { GobError } from './errors';
import type { GobType, Infer } from './schema';
import { GobComplex, GobInterface, GobOpaque } from './values';

function fail(where: string, expected: string, v: unknown): never {
  const got = v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'bigint' ? 'an integer beyond 2^53' : typeof v;
  throw new GobError(`${where}: expected ${expected}, got ${got}`);
}

/** A decoded struct or string-keyed map: an object that is none of the other decoded classes. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Map) && !(v instanceof Uint8Array) &&
    !(v instanceof GobInterface) && !(v instanceof GobOpaque) && !(v instanceof GobComplex);
}

/** Returns `value` typed by its schema, or throws a GobError naming the first field that is off. */
export function check<G extends GobType>(type: G, value: unknown, where = type.kind === 'struct' ? type.name : 'value'): Infer<G> {
  visit(type, value, where);
  return value as Infer<G>;
}

function visit(type: GobType, v: unknown, where: string): void {
  switch (type.kind) {
    case 'bool':
      if (typeof v !== 'boolean') fail(where, 'a bool', v);
      return;
    case 'int':
    case 'uint':
      if (typeof v !== 'number' || !Number.isInteger(v)) fail(where, 'an integer', v);
      return;
    case 'float':
      if (typeof v !== 'number') fail(where, 'a number', v);
      return;
    case 'string':
      if (typeof v !== 'string') fail(where, 'a string', v);
      return;
    case 'bytes':
      if (!(v instanceof Uint8Array)) fail(where, 'bytes', v);
      return;
    case 'complex':
      if (!(v instanceof GobComplex)) fail(where, 'a complex number', v);
      return;
    case 'interface':
      if (v !== null && !(v instanceof GobInterface)) fail(where, 'an interface value', v);
      return;
    case 'opaque':
      if (!(v instanceof GobOpaque)) fail(where, type.name, v);
      return;
    case 'slice':
    case 'array':
      if (!Array.isArray(v)) fail(where, 'a list', v);
      for (let i = 0; i < v.length; i++) visit(type.elem, v[i], `${where}[${i}]`);
      return;
    case 'map':
      if (type.key.kind === 'string') {
        if (!isRecord(v)) fail(where, 'a map', v);
        for (const k of Object.keys(v)) visit(type.elem, v[k], `${where}[${JSON.stringify(k)}]`);
      } else {
        if (!(v instanceof Map)) fail(where, 'a map', v);
        for (const [k, e] of v) {
          visit(type.key, k, `${where} key`);
          visit(type.elem, e, `${where}[…]`);
        }
      }
      return;
    case 'struct':
      if (!isRecord(v)) fail(where, `a ${type.name}`, v);
      for (const k of Object.keys(v)) {
        const field = type.field(k);
        if (field) visit(field, v[k], `${where}.${k}`);
      }
      return;
  }
}
