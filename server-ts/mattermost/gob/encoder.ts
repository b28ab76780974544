// Stream encoder: one instance per stream direction, because a type definition only holds on
// the stream it was sent on and an id may be defined there only once.
import { GobError } from './errors';
import type { GobType, StructType } from './schema';
import { writeDefinition } from './type-definitions';
import { ValueEncoder } from './encode-value';
import { Writer } from './wire-primitives';
import { FIRST_USER_ID, ID_BOOL, ID_BYTES, ID_COMPLEX, ID_FLOAT, ID_INT, ID_INTERFACE, ID_STRING, ID_UINT } from './wire-types';

const BUILTIN_IDS: Partial<Record<GobType['kind'], number>> = {
  bool: ID_BOOL, int: ID_INT, uint: ID_UINT, float: ID_FLOAT, bytes: ID_BYTES, string: ID_STRING,
  complex: ID_COMPLEX, interface: ID_INTERFACE,
};

// Structs are identified by schema object; everything else structurally, so that calling
// t.slice(x) twice does not define the same Go type twice on a stream.
const structKeys = new WeakMap<StructType, string>();
let structSerial = 0;

function typeKey(type: GobType): string {
  switch (type.kind) {
    case 'struct': {
      let k = structKeys.get(type);
      if (!k) structKeys.set(type, (k = `S${++structSerial}`));
      return k;
    }
    case 'slice':
      return `[]${typeKey(type.elem)}`;
    case 'array':
      return `[${type.len}]${typeKey(type.elem)}`;
    case 'map':
      return `map[${typeKey(type.key)}]${typeKey(type.elem)}`;
    case 'opaque':
      return `O:${type.opaque}:${type.name}`;
    default:
      return type.kind;
  }
}

export class GobEncoder {
  private readonly sent = new Map<string, number>();
  private nextId = FIRST_USER_ID;
  // Reused across calls: values are encoded here and copied out once complete.
  private readonly scratch = new Writer(1024);
  // Reused by encodeAll: every message of one call, back to back.
  private readonly out = new Writer(1024);
  // State of the call in progress. Kept on the instance (not in a closure made per call)
  // because encoding runs for every RPC and per-call closures are garbage the scavenger
  // has to chase; a GobEncoder is never re-entered, so one set suffices.
  private defs: Uint8Array[] = [];
  private readonly added: string[] = [];
  private readonly typeId = (ty: GobType): number => this.idOf(ty);
  private readonly values = new ValueEncoder(this.scratch, this.typeId);

  // Returns every message to write, in order (type definitions first, then the value), each
  // already length-prefixed. If encoding fails nothing is recorded as sent, so the stream stays
  // usable.
  encode(type: GobType, value: unknown): Uint8Array[] {
    try {
      this.encodeValue(type, value);
    } catch (e) {
      throw this.rollback(e);
    }
    const messages = this.defs;
    this.defs = [];
    this.added.length = 0;
    messages.push(this.scratch.bytes());
    return messages;
  }

  // Encodes several values (e.g. a net/rpc header and its body) into one buffer holding all
  // their messages in order, ready for a single write. All or nothing: if any value fails,
  // no type definition of this call is recorded as sent.
  encodeAll(parts: ReadonlyArray<readonly [GobType, unknown]>): Buffer {
    const out = this.out;
    out.reset();
    try {
      for (const [type, value] of parts) {
        this.encodeValue(type, value);
        if (this.defs.length > 0) {
          for (const def of this.defs) out.writeRaw(def);
          this.defs.length = 0;
        }
        out.writeRaw(this.scratch.buf, this.scratch.pos);
      }
    } catch (e) {
      throw this.rollback(e);
    }
    this.added.length = 0;
    return out.toBuffer();
  }

  // Leaves the framed value message in scratch and any new definitions in this.defs.
  private encodeValue(type: GobType, value: unknown): void {
    const w = this.scratch;
    w.reset();
    w.writeInt(this.typeId(type));
    this.values.encodeTopLevel(type, value);
    w.insertUintAt(0, w.pos);
  }

  private idOf(ty: GobType): number {
    const builtin = BUILTIN_IDS[ty.kind];
    if (builtin !== undefined) return builtin;
    const key = typeKey(ty);
    const known = this.sent.get(key);
    if (known !== undefined) return known;
    const id = this.nextId++;
    this.sent.set(key, id);
    this.added.push(key);
    // Components are defined first; Go's decoder only needs every definition before the value.
    const w = new Writer(64);
    writeDefinition(w, id, ty, this.typeId);
    this.defs.push(frame(w));
    return id;
  }

  private rollback(e: unknown): unknown {
    for (const key of this.added) this.sent.delete(key);
    this.added.length = 0;
    this.defs = [];
    if (e instanceof RangeError) return new GobError(`value nesting too deep to encode: ${e.message}`);
    return e;
  }
}

function frame(w: Writer): Uint8Array {
  w.insertUintAt(0, w.pos);
  return w.bytes();
}
