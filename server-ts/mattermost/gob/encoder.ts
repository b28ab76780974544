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

  // Returns every message to write, in order (type definitions first, then the value), each
  // already length-prefixed. If encoding fails nothing is recorded as sent, so the stream stays
  // usable.
  encode(type: GobType, value: unknown): Uint8Array[] {
    const defs: Uint8Array[] = [];
    const added: string[] = [];
    const typeId = (ty: GobType): number => {
      const builtin = BUILTIN_IDS[ty.kind];
      if (builtin !== undefined) return builtin;
      const key = typeKey(ty);
      const known = this.sent.get(key);
      if (known !== undefined) return known;
      const id = this.nextId++;
      this.sent.set(key, id);
      added.push(key);
      // Components are defined first; Go's decoder only needs every definition before the value.
      const w = new Writer(64);
      writeDefinition(w, id, ty, typeId);
      defs.push(frame(w));
      return id;
    };
    try {
      const w = this.scratch;
      w.reset();
      w.writeInt(typeId(type));
      new ValueEncoder(w, typeId).encodeTopLevel(type, value);
      defs.push(frame(w));
      return defs;
    } catch (e) {
      for (const key of added) this.sent.delete(key);
      if (e instanceof RangeError) throw new GobError(`value nesting too deep to encode: ${e.message}`);
      throw e;
    }
  }

  // Several values that must reach the stream together (a net/rpc header and its body): if any
  // fails to encode, none of them counts as sent, so no definition is left recorded but unwritten.
  encodeAll(parts: ReadonlyArray<readonly [GobType, unknown]>): Uint8Array[] {
    const knownBefore = this.sent.size;
    try {
      return parts.flatMap(([type, value]) => this.encode(type, value));
    } catch (e) {
      // Map keys keep insertion order: everything after the first `knownBefore` is new.
      [...this.sent.keys()].slice(knownBefore).forEach((key) => this.sent.delete(key));
      throw e;
    }
  }
}

function frame(w: Writer): Uint8Array {
  w.insertUintAt(0, w.pos);
  return w.bytes();
}
