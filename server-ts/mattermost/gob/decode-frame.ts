// Containers (struct, slice/array, map) left unfinished by the value decoder, kept on a heap
// stack instead of the JS stack. A single Frame class for every kind keeps property accesses
// monomorphic, and frames are reused from one value to the next.
import { GobError } from './errors';
import type { GobValue } from './values';
import type { WireField } from './wire-types';

export const STRUCT = 0;
export const LIST = 1;
export const STRING_MAP = 2;
export const ANY_MAP = 3;
export type FrameKind = typeof STRUCT | typeof LIST | typeof STRING_MAP | typeof ANY_MAP;

// Marks "no map key decoded yet" for ANY_MAP frames; no decoded value can be this symbol.
export const NO_KEY: unique symbol = Symbol('gob.noKey');

export type Container = Record<string, GobValue> | GobValue[] | Map<GobValue, GobValue>;

const NO_FIELDS: readonly WireField[] = [];
const RELEASED: GobValue[] = [];

export class Frame {
  kind: FrameKind = STRUCT;
  out: Container = RELEASED;
  // Struct field list; element count, key and element types of lists and maps.
  fields: readonly WireField[] = NO_FIELDS;
  n = 0;
  keyId = 0;
  elemId = 0;
  // Structs: index of the last field read. Lists and maps: elements begun.
  i = 0;
  // The key of the map element in progress: a string for STRING_MAP; for ANY_MAP, NO_KEY while
  // the key itself is still being decoded.
  key: GobValue | typeof NO_KEY = NO_KEY;
  // Set when this container is the concrete value of an interface: it completes as a
  // GobInterface of that name, so interfaces need no frame of their own.
  iface: string | undefined = undefined;
}

// Only a guard against memory blow-up from hostile input (a recursive struct type nests one
// level per byte). It counts frames, not levels: interfaces take none, and the innermost few
// dozen containers are finished on the JS stack without one. A 10,000-level post needs about
// 10,000 frames; Go itself dies of stack overflow (1 GB) on a million levels of a recursive
// struct, so nothing Go sends gets much past this.
export const MAX_DEPTH = 1 << 20;
// Frames kept for the next value; a deep value's extra frames go back to the garbage collector.
const KEEP = 64;

export class FrameStack {
  private readonly frames: Frame[] = [];
  depth = 0;

  constructor(private readonly maxDepth = MAX_DEPTH) {}

  // Puts a frame at position `at`, moving the frames above it up by one: a container whose
  // element was left unfinished goes beneath the frames that element's own containers took.
  insert(at: number, kind: FrameKind, out: Container, i: number, iface: string | undefined): Frame {
    const frames = this.frames;
    const d = this.depth;
    if (d >= this.maxDepth) throw new GobError('value nesting too deep');
    const f = frames[d] ?? new Frame();
    for (let k = d; k > at; k--) frames[k] = frames[k - 1];
    frames[at] = f;
    this.depth = d + 1;
    f.kind = kind;
    f.out = out;
    f.i = i;
    f.key = NO_KEY;
    f.iface = iface;
    return f;
  }

  top(): Frame {
    return this.frames[this.depth - 1];
  }

  pop(): void {
    const f = this.frames[--this.depth];
    f.out = RELEASED; // a reused frame must not keep an old value alive
    f.key = NO_KEY;
  }

  // Before each value: a failed value may have left frames behind.
  reset(): void {
    while (this.depth > 0) this.pop();
    if (this.frames.length > KEEP) this.frames.length = KEEP;
  }
}
