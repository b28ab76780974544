// Test helpers for values nesting thousands of levels, where recursion (tagged(), Jest's
// toEqual, JSON.stringify) would overflow the stack: an iterative tagged() and an iterative
// comparison that names the first difference.
import { GobInterface, type GobValue } from '../../../server-ts/mattermost/gob';
import { tagged, type Tagged } from './tagged';

type Slot = Record<string | number, unknown>;

// Same result as tagged(), without recursion: every container is made empty and attached at
// once, and its children are filled in from a work list.
export function taggedDeep(v: GobValue): Tagged {
  const root: Slot = {};
  const work: Array<[Slot, string | number, GobValue]> = [[root, 'v', v]];
  for (let w = work.pop(); w !== undefined; w = work.pop()) {
    const [into, at, value] = w;
    if (value instanceof GobInterface) {
      const out: Slot = { $iface: value.name };
      into[at] = out;
      work.push([out, 'value', value.value as GobValue]);
    } else if (Array.isArray(value)) {
      const out: unknown[] = new Array(value.length);
      into[at] = out;
      value.forEach((e, i) => work.push([out as unknown as Slot, i, e]));
    } else if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) !== null
      && Object.getPrototypeOf(value) !== Object.prototype) {
      into[at] = tagged(value); // Uint8Array, Map, GobOpaque, GobComplex: shallow in these tests
    } else if (value !== null && typeof value === 'object') {
      const out: Slot = {};
      into[at] = out;
      const obj = value as Record<string, GobValue>;
      for (const k of Object.keys(obj)) work.push([out, k, obj[k]]);
    } else {
      into[at] = tagged(value);
    }
  }
  return root.v;
}

interface Pair {
  a: unknown;
  b: unknown;
  parent: Pair | undefined;
  key: string;
}

function pathOf(p: Pair): string {
  const keys: string[] = [];
  for (let q: Pair | undefined = p; q?.parent; q = q.parent) keys.push(q.key);
  const shown = keys.reverse();
  if (shown.length === 0) return '(top)';
  return shown.length > 12 ? `${shown.slice(0, 4).join('.')}…(${shown.length} levels)…${shown.slice(-6).join('.')}` : shown.join('.');
}

function kind(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

// Structural equality of JSON-like data (key order ignored), without recursion. Returns a
// description of the first difference, or undefined when equal.
export function firstDifference(a: unknown, b: unknown): string | undefined {
  const work: Pair[] = [{ a, b, parent: undefined, key: '' }];
  for (let p = work.pop(); p !== undefined; p = work.pop()) {
    if (kind(p.a) !== kind(p.b)) return `${pathOf(p)}: ${kind(p.a)} vs ${kind(p.b)}`;
    if (Array.isArray(p.a)) {
      const b = p.b as unknown[];
      if (p.a.length !== b.length) return `${pathOf(p)}: length ${p.a.length} vs ${b.length}`;
      for (let i = 0; i < b.length; i++) work.push({ a: p.a[i], b: b[i], parent: p, key: String(i) });
    } else if (typeof p.a === 'object' && p.a !== null) {
      const ao = p.a as Record<string, unknown>;
      const bo = p.b as Record<string, unknown>;
      const ak = Object.keys(ao).sort();
      const bk = Object.keys(bo).sort();
      if (ak.join('\0') !== bk.join('\0')) return `${pathOf(p)}: keys [${ak.join(',')}] vs [${bk.join(',')}]`;
      for (const k of ak) work.push({ a: ao[k], b: bo[k], parent: p, key: k });
    } else if (!Object.is(p.a, p.b)) {
      return `${pathOf(p)}: ${String(p.a)} vs ${String(p.b)}`;
    }
  }
  return undefined;
}
