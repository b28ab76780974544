// Schema-less value decoding driven by the sender's wire types, mirroring Go's decoder: it
// reads from the current message only, except inside interface values, where (like Go's
// decodeTypeSequence(isInterface=true)) it may move on to the following messages.
//
// Not bounded by the JS stack: any user can create a post whose props nest 10,000 JSON levels
// (the limit of the server's encoding/json), Go's growable stacks decode that, and recursion
// on Node's ~1 MB stack gives out at a few thousand. Containers are filled recursively while
// fewer than INLINE_DEPTH are in progress on the JS stack, which keeps ordinary values as fast
// as plain recursion; a deeper one goes on a heap stack (FrameStack) unfilled, the ones
// around it follow it there as they return (see decode-containers.ts), and run() finishes
// them from a loop.
import { ANY_MAP, LIST, NO_KEY, STRING_MAP, STRUCT, type Container, type Frame, type FrameKind } from './decode-frame';
import { ContainerDecoder, PENDING, type Started } from './decode-containers';
import { readConcreteTypeId, readInterfaceName } from './decode-interface';
import { GobError } from './errors';
import type { TypeTable } from './type-table';
import { GobComplex, GobInterface, GobOpaque, type GobValue } from './values';
import type { Reader } from './wire-primitives';
import {
  ID_BOOL, ID_BYTES, ID_COMPLEX, ID_FLOAT, ID_INT, ID_INTERFACE, ID_STRING, ID_UINT, type WireType,
} from './wire-types';

// Each level costs a handful of JS frames, so 32 stays far below any stack limit.
const INLINE_DEPTH = 32;

type Obj = Record<string, GobValue>;

// One per stream direction, reused for every value; the caller positions `r`.
export class ValueDecoder extends ContainerDecoder {
  private inline = 0;
  // Where the received bytes end: messages beyond it have not arrived yet.
  limit = 0;

  constructor(
    r: Reader,
    private readonly types: TypeTable,
    maxDepth?: number,
  ) {
    super(r, maxDepth);
  }

  // A top-level value: structs are sent bare, anything else after a zero "singleton" delta.
  decodeTopLevel(id: number): GobValue {
    this.stack.reset(); // a value that failed may have left frames behind
    this.inline = 0;
    const v = this.startTopLevel(id, undefined);
    return v === PENDING ? this.run() : v;
  }

  // Finishes the containers left on the heap stack, innermost first, handing each completed
  // one to the container below it.
  private run(): GobValue {
    const stack = this.stack;
    for (;;) {
      const f = stack.top();
      const v = this.resume(f);
      if (v === PENDING) continue;
      const done = f.iface === undefined ? v : new GobInterface(f.iface, v);
      stack.pop();
      if (stack.depth === 0) {
        stack.reset();
        return done;
      }
      this.store(stack.top(), done);
    }
  }

  // Decodes a scalar in place; a container is filled or deferred (startComposite).
  protected start(id: number): Started {
    const r = this.r;
    switch (id) {
      case ID_BOOL:
        return r.readUint() !== 0;
      case ID_INT:
        return r.readInt();
      case ID_UINT:
        return r.readUint();
      case ID_FLOAT:
        return r.readFloat();
      case ID_BYTES:
        return r.readBytes('[]byte');
      case ID_STRING:
        return r.readString();
      case ID_COMPLEX:
        return new GobComplex(r.readFloat(), r.readFloat());
      case ID_INTERFACE:
        return this.startInterface();
    }
    const wt = this.types.get(id);
    if (!wt) throw new GobError(`bad data: undefined type id ${id}`);
    return this.startComposite(wt, undefined);
  }

  // `iface` names the interface this value is the concrete value of, if any.
  private startTopLevel(id: number, iface: string | undefined): Started {
    const wt = this.types.resolve(id);
    if (wt?.kind === 'struct') return this.startComposite(wt, iface);
    if (this.r.readUint() !== 0) throw new GobError('decode: corrupted data: non-zero delta for singleton');
    if (wt) return this.startComposite(wt, iface);
    const v = this.start(id);
    return iface === undefined ? v : new GobInterface(iface, v);
  }

  // Fills the container right away, unless the JS stack already holds INLINE_DEPTH of them:
  // then it goes on the heap stack untouched, for run() to fill.
  private startComposite(wt: WireType, iface: string | undefined): Started {
    const r = this.r;
    const deep = this.inline >= INLINE_DEPTH;
    let v: Started;
    switch (wt.kind) {
      case 'struct': {
        const out: Obj = {};
        if (deep) {
          this.defer(STRUCT, out, iface).fields = wt.fields;
          return PENDING;
        }
        this.inline++;
        v = this.fillStruct(undefined, out, wt.fields, -1, iface);
        break;
      }
      case 'slice':
      case 'array': {
        const n = r.readSmallUint(wt.kind === 'slice' ? 'slice length' : 'array length');
        if (wt.kind === 'array' && n !== wt.len) throw new GobError('length mismatch in decodeArray');
        const out: GobValue[] = [];
        if (deep) return this.deferCollection(LIST, out, n, 0, wt.elem, iface);
        this.inline++;
        v = this.fillList(undefined, out, n, wt.elem, 0, iface);
        break;
      }
      case 'map': {
        const n = r.readSmallUint('map length');
        if (wt.key === ID_STRING) {
          const out = Object.create(null) as Obj;
          if (deep) return this.deferCollection(STRING_MAP, out, n, ID_STRING, wt.elem, iface);
          this.inline++;
          v = this.fillStringMap(undefined, out, n, wt.elem, 0, iface);
        } else {
          const out = new Map<GobValue, GobValue>();
          if (deep) return this.deferCollection(ANY_MAP, out, n, wt.key, wt.elem, iface);
          this.inline++;
          v = this.fillAnyMap(undefined, out, n, wt.key, wt.elem, 0, NO_KEY, iface);
        }
        break;
      }
      case 'opaque': {
        const b = new GobOpaque(wt.name, wt.opaque, r.readBytes(wt.name));
        return iface === undefined ? b : new GobInterface(iface, b);
      }
    }
    this.inline--;
    if (v === PENDING) return v;
    return iface === undefined ? v : new GobInterface(iface, v);
  }

  private defer(kind: FrameKind, out: Container, iface: string | undefined): Frame {
    return this.stack.insert(this.stack.depth, kind, out, kind === STRUCT ? -1 : 0, iface);
  }

  private deferCollection(kind: FrameKind, out: Container, n: number, keyId: number, elemId: number, iface: string | undefined): Started {
    const f = this.defer(kind, out, iface);
    f.n = n;
    f.keyId = keyId;
    f.elemId = elemId;
    return PENDING;
  }

  private startInterface(): Started {
    const name = readInterfaceName(this.r);
    if (name === null) return null;
    return this.startTopLevel(readConcreteTypeId(this.r, this.types, this.limit), name);
  }
}
