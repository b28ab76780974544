// fast-check arbitraries for random nested values as programs for the Go "encode" mode
// (see test/gob-vectors/encode.go): a program pushes one value, children before parents.
// Deep values are a random pattern of levels repeated up to hundreds of times around a random
// leaf; each level puts the value inside a map (string or struct keys), a list, an interface
// or a struct (field, pointer, slice element), among random siblings. Go's encoder slows down badly with many
// nested interfaces (seconds for a thousand), so those stay below INTERFACE_LEVELS; nesting
// through struct pointers and slices of structs goes to thousands of levels.
import fc from 'fast-check';
import type { Op } from './go-encode';

export interface Program {
  readonly ops: Op[];
  // Whether the value is a *Node (only those can be Node.Next or Node.Kids elements).
  readonly node: boolean;
}

const key = fc.string({ maxLength: 6 });
const INTERFACE_LEVELS = 100;

const scalar: fc.Arbitrary<Program> = fc.oneof(
  fc.string({ maxLength: 12, unit: 'binary' }).map((s): Op => ['s', s]),
  fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }).map((i): Op => ['i', i]),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map((b): Op => ['i', b.toString()]),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((f): Op => ['f', f]),
  fc.boolean().map((b): Op => ['b', b]),
  fc.constant<Op>(['n']),
).map((op) => ({ ops: [op], node: false }));

const typed: fc.Arbitrary<Program> = fc.oneof(
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }).map((ss) => ({
    ops: [...ss.map((s): Op => ['s', s]), ['S', ss.length] as Op], node: false,
  })),
  fc.uniqueArray(fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.string({ maxLength: 4 })), { selector: (e) => e[0], maxLength: 3 })
    .map((es) => ({ ops: [...es.map(([, s]): Op => ['s', s]), ['I', ...es.map(([k]) => k)] as Op], node: false })),
);

interface NodeParts {
  name: string;
  kids: Program[];
  props: Array<[string, Program]>;
  any: Program | null;
  next: Program | null;
}

function nodeOp(n: NodeParts, hasAny: boolean, hasNext: boolean): Op {
  return ['node', n.name, n.kids.length, ...n.props.map(([k]) => k), hasAny, hasNext];
}

const flat = (ps: Program[]): Op[] => ps.flatMap((p) => p.ops);

function nodeProgram(n: NodeParts): Program {
  const ops = [...flat(n.kids), ...flat(n.props.map(([, p]) => p)), ...(n.any?.ops ?? []), ...(n.next?.ops ?? [])];
  return { ops: [...ops, nodeOp(n, n.any !== null, n.next !== null)], node: true };
}

function uniqueEntries(entries: Array<[string, Program]>): Array<[string, Program]> {
  return [...new Map(entries)];
}

const leafNode = fc.string({ maxLength: 4 }).map((name) => nodeProgram({ name, kids: [], props: [], any: null, next: null }));

// Small random values of every shape, at most a few levels deep (when the depth is reached,
// oneof takes its first, non-recursive choice).
const depth = { maxDepth: 3, depthIdentifier: 'shallow' } as const;
export const shallow = fc.letrec<{ value: Program; anyNode: Program; map: Program; list: Program; node: Program }>((tie) => ({
  value: fc.oneof(depth, scalar, typed, tie('map'), tie('list'), tie('node')),
  anyNode: fc.oneof(depth, leafNode, tie('node')),
  map: fc.array(fc.tuple(key, tie('value')), { maxLength: 3 }).map((es) => {
    const u = uniqueEntries(es);
    return { ops: [...flat(u.map(([, p]) => p)), ['m', ...u.map(([k]) => k)] as Op], node: false };
  }),
  list: fc.array(tie('value'), { maxLength: 3 }).map((vs) => ({ ops: [...flat(vs), ['l', vs.length] as Op], node: false })),
  node: fc.record({
    name: fc.string({ maxLength: 4 }),
    kids: fc.array(tie('anyNode'), { maxLength: 2 }),
    props: fc.array(fc.tuple(key, tie('value')), { maxLength: 2 }).map(uniqueEntries),
    any: fc.option(tie('value')),
    next: fc.option(tie('anyNode')),
  }).map(nodeProgram),
}));

// One level around a child: the ops before the child, and after it (ending with the op that
// builds the container).
interface Level {
  wrap(child: Program): { before: Op[]; after: Op[]; node: boolean };
  // Whether the child ends up inside an interface value (map and list elements, Any, Props).
  viaInterface(child: Program): boolean;
}

const siblings = fc.array(fc.tuple(key, shallow.value), { maxLength: 1 }).map(uniqueEntries);

const nodeLevel = fc.record({
  name: fc.string({ maxLength: 4 }),
  kids: fc.array(shallow.anyNode, { maxLength: 1 }),
  props: siblings,
  any: fc.option(shallow.value),
  next: fc.option(shallow.anyNode),
  at: fc.constantFrom('any', 'prop', 'next', 'kid'),
});

const level: fc.Arbitrary<Level> = fc.oneof(
  fc.record({ entries: siblings, childKey: key, at: fc.nat() }).map(({ entries, childKey, at }) => ({
    viaInterface: () => true,
    wrap(): { before: Op[]; after: Op[]; node: boolean } {
      const others = entries.filter(([k]) => k !== childKey);
      const cut = at % (others.length + 1);
      const keys = [...others.slice(0, cut).map(([k]) => k), childKey, ...others.slice(cut).map(([k]) => k)];
      const build: Op = ['m', ...keys];
      return { before: flat(others.slice(0, cut).map(([, p]) => p)), after: [...flat(others.slice(cut).map(([, p]) => p)), build], node: false };
    },
  })),
  fc.record({ before: fc.array(shallow.value, { maxLength: 1 }), after: fc.array(shallow.value, { maxLength: 1 }) }).map((l) => ({
    viaInterface: () => true,
    wrap: () => {
      const build: Op = ['l', l.before.length + l.after.length + 1];
      return { before: flat(l.before), after: [...flat(l.after), build], node: false };
    },
  })),
  nodeLevel.map((n) => ({
    // Next and Kids hold *Nodes only; any other child goes into Any instead.
    slot: (child: Program) => (!child.node && (n.at === 'next' || n.at === 'kid') ? 'any' : n.at),
    viaInterface(child: Program): boolean {
      const at = this.slot(child);
      return at === 'any' || at === 'prop';
    },
    wrap(child: Program): { before: Op[]; after: Op[]; node: boolean } {
      const at = this.slot(child);
      const parts: NodeParts = { ...n, kids: [...n.kids], props: [...n.props] };
      const childSlot: Program = { ops: [], node: child.node };
      if (at === 'any') parts.any = childSlot;
      else if (at === 'next') parts.next = childSlot;
      else if (at === 'kid') parts.kids.splice(n.kids.length >> 1, 0, childSlot);
      else parts.props = [...n.props.filter(([k]) => k !== ''), ['', childSlot]];
      // The child's own ops are spliced in where the empty placeholder sits.
      const whole = nodeProgram(parts).ops;
      const order = [...parts.kids, ...parts.props.map(([, p]) => p), ...(parts.any ? [parts.any] : []), ...(parts.next ? [parts.next] : [])];
      const offset = flat(order.slice(0, order.indexOf(childSlot))).length;
      return { before: whole.slice(0, offset), after: whole.slice(offset), node: true };
    },
  })),
);

// map[Pair]*Node: struct keys, so a decoder may have to leave a key unfinished, not only an
// element. A child that is not a Node gets one around it (its Any) first.
const keyedLevel: fc.Arbitrary<Level> = fc
  .record({
    others: fc.uniqueArray(fc.tuple(fc.integer({ min: -50, max: 50 }), fc.string({ maxLength: 3 }), shallow.anyNode), {
      selector: ([a, b]) => `${a}/${b}`, maxLength: 2,
    }),
    childKey: fc.tuple(fc.integer({ min: 51, max: 99 }), fc.string({ maxLength: 3 })),
    at: fc.nat(),
  })
  .map(({ others, childKey, at }) => ({
    viaInterface: () => true,
    wrap(child: Program): { before: Op[]; after: Op[]; node: boolean } {
      const cut = at % (others.length + 1);
      const keys = [...others.slice(0, cut), childKey, ...others.slice(cut)].flatMap(([a, b]) => [a, b]);
      const boxChild: Op[] = child.node ? [] : [['node', 'box', 0, true, false]];
      const build: Op = ['K', ...keys];
      return {
        before: flat(others.slice(0, cut).map(([, , n]) => n)),
        after: [...boxChild, ...flat(others.slice(cut).map(([, , n]) => n)), build],
        node: false,
      };
    },
  }));

const anyLevel = fc.oneof(level, keyedLevel);

// A leaf wrapped in `repeat` rounds of a random pattern of levels (depth up to ~3,000).
export const deepValue: fc.Arbitrary<Program> = fc
  .record({
    leaf: shallow.value,
    pattern: fc.array(anyLevel, { minLength: 1, maxLength: 5 }),
    repeat: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 600 })),
  })
  .map(({ leaf, pattern, repeat }) => {
    // Postfix: the outer levels' "before" ops, outermost first, then the leaf, then the
    // "after" ops, innermost first. Built without copying the growing program per level.
    const befores: Op[][] = [];
    const afters: Op[][] = [];
    let node = leaf.node;
    let interfaces = 0;
    for (let r = 0; r < repeat; r++) {
      for (const l of pattern) {
        const child = { ops: [], node };
        if (l.viaInterface(child) && ++interfaces > INTERFACE_LEVELS) continue;
        const w = l.wrap(child);
        befores.push(w.before);
        afters.push(w.after);
        node = w.node;
      }
    }
    const ops: Op[] = [];
    for (let i = befores.length - 1; i >= 0; i--) ops.push(...befores[i]);
    ops.push(...leaf.ops);
    for (const a of afters) ops.push(...a);
    return { ops, node };
  });

// Top-level values of the property test are Nodes; anything else goes into a Node's Any.
export function asNode(p: Program): Op[] {
  return p.node ? p.ops : [...p.ops, ['node', 'top', 0, true, false]];
}
