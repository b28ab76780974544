// How each kind of container is filled, resumably. A fill method runs either inline, for a
// container just started (`f` undefined, state in its arguments), or for a frame resumed from
// the heap stack (`f`, state read from it). When an element is left unfinished (PENDING), the
// method records its position: into `f`, or into a new frame inserted beneath the frames that
// element took (`mark` is the stack depth before the element began). Frames are thus only
// written for values too deep to finish inline, and ordinary values cost what recursion does.
import { ANY_MAP, FrameStack, LIST, NO_KEY, STRING_MAP, STRUCT, type Frame } from './decode-frame';
import { GobError } from './errors';
import { setOwn, type GobValue } from './values';
import type { Reader } from './wire-primitives';
import type { WireField } from './wire-types';

// Returned when a container was left unfinished on the heap stack.
export const PENDING: unique symbol = Symbol('gob.pending');
export type Started = GobValue | typeof PENDING;

type Obj = Record<string, GobValue>;
type AnyMap = Map<GobValue, GobValue>;

export abstract class ContainerDecoder {
  protected readonly stack: FrameStack;

  constructor(
    protected readonly r: Reader,
    maxDepth?: number,
  ) {
    this.stack = new FrameStack(maxDepth);
  }

  // Decodes one value of type `id`: a scalar, a finished container, or PENDING.
  protected abstract start(id: number): Started;

  protected resume(f: Frame): Started {
    switch (f.kind) {
      case STRUCT:
        return this.fillStruct(f, f.out as Obj, f.fields, f.i, f.iface);
      case LIST:
        return this.fillList(f, f.out as GobValue[], f.n, f.elemId, f.i, f.iface);
      case STRING_MAP:
        return this.fillStringMap(f, f.out as Obj, f.n, f.elemId, f.i, f.iface);
      case ANY_MAP:
        return this.fillAnyMap(f, f.out as AnyMap, f.n, f.keyId, f.elemId, f.i, f.key, f.iface);
    }
  }

  // Hands a finished nested value to the container it belongs to.
  protected store(f: Frame, v: GobValue): void {
    const out = f.out;
    switch (f.kind) {
      case STRUCT:
        setOwn(out as Obj, f.fields[f.i].name, v);
        return;
      case LIST:
        (out as GobValue[]).push(v);
        return;
      case STRING_MAP:
        (out as Obj)[f.key as string] = v;
        return;
      case ANY_MAP:
        if (f.key === NO_KEY) {
          f.key = v; // the key was the nested value; its element comes next
        } else {
          (out as AnyMap).set(f.key, v);
          f.key = NO_KEY;
        }
    }
  }

  protected fillStruct(f: Frame | undefined, out: Obj, fields: readonly WireField[], i: number, iface: string | undefined): Started {
    const r = this.r;
    // As in Go, running out of message ends the struct even without its zero terminator.
    while (r.pos < r.end) {
      const delta = r.readSmallUint('field delta');
      if (delta === 0) break;
      if (i >= fields.length - delta) throw new GobError('bad data: field numbers out of bounds');
      i += delta;
      const field = fields[i];
      const mark = this.stack.depth;
      const v = this.start(field.id);
      if (v === PENDING) {
        f ??= this.stack.insert(mark, STRUCT, out, i, iface);
        f.fields = fields;
        f.i = i;
        return v;
      }
      setOwn(out, field.name, v);
    }
    return out;
  }

  protected fillList(f: Frame | undefined, out: GobValue[], n: number, elemId: number, i: number, iface: string | undefined): Started {
    while (i < n) {
      this.elementGuard(n);
      i++;
      const mark = this.stack.depth;
      const v = this.start(elemId);
      if (v === PENDING) {
        f ??= this.stack.insert(mark, LIST, out, i, iface);
        f.n = n;
        f.elemId = elemId;
        f.i = i;
        return v;
      }
      out.push(v);
    }
    return out;
  }

  protected fillStringMap(f: Frame | undefined, out: Obj, n: number, elemId: number, i: number, iface: string | undefined): Started {
    const r = this.r;
    while (i < n) {
      this.elementGuard(n);
      i++;
      const k = r.readString();
      const mark = this.stack.depth;
      const v = this.start(elemId);
      if (v === PENDING) {
        f ??= this.stack.insert(mark, STRING_MAP, out, i, iface);
        f.n = n;
        f.elemId = elemId;
        f.i = i;
        f.key = k;
        return v;
      }
      out[k] = v;
    }
    return out;
  }

  // Keys may be containers themselves (struct or array keys), so a key can be pending too.
  protected fillAnyMap(
    f: Frame | undefined, out: AnyMap, n: number, keyId: number, elemId: number, i: number,
    key: GobValue | typeof NO_KEY, iface: string | undefined,
  ): Started {
    for (;;) {
      const mark = this.stack.depth;
      let v: Started;
      if (key === NO_KEY) {
        if (i >= n) return out;
        this.elementGuard(n);
        i++;
        v = this.start(keyId);
        if (v !== PENDING) key = v;
      }
      if (key !== NO_KEY) {
        v = this.start(elemId);
        if (v !== PENDING) {
          out.set(key, v);
          key = NO_KEY;
          continue;
        }
      }
      f ??= this.stack.insert(mark, ANY_MAP, out, i, iface);
      f.n = n;
      f.keyId = keyId;
      f.elemId = elemId;
      f.i = i;
      f.key = key;
      return PENDING;
    }
  }

  // Every element a Go encoder writes starts with at least one byte in the current message
  // (interface payloads only move to later messages part-way through), so checking that
  // bytes remain bounds the loop by the input size instead of the untrusted count.
  private elementGuard(n: number): void {
    if (this.r.pos >= this.r.end) throw new GobError(`corrupted data: ${n} elements exceed message`);
  }
}
