// Schema-less value decoding driven by the sender's wire types, mirroring Go's decoder: it
// reads from the current message only, except inside interface values, where (like Go's
// decodeTypeSequence(isInterface=true)) it may move on to the following messages.
import { GobError, NEED_MORE } from './errors';
import { readFrame } from './frame';
import { parseWireType } from './parse-wire-type';
import type { TypeTable } from './type-table';
import { GobComplex, GobInterface, GobOpaque, setOwn, type GobValue } from './values';
import type { Reader } from './wire-primitives';
import {
  ID_BOOL, ID_BYTES, ID_COMPLEX, ID_FLOAT, ID_INT, ID_INTERFACE, ID_STRING, ID_UINT, MAX_TYPE_ID,
  type WireType,
} from './wire-types';

// Go has no nesting limit for values it decodes, but JS stacks are shallower; real Mattermost
// payloads nest a handful of levels.
const MAX_DEPTH = 1000;
const MAX_NAME_LENGTH = 2 ** 31;

export class ValueDecoder {
  private depth = 0;

  // `limit` is where the received bytes end: messages beyond it have not arrived yet.
  constructor(
    private readonly r: Reader,
    private readonly types: TypeTable,
    private readonly limit: number,
  ) {}

  // A top-level value (or the concrete value inside an interface): structs are sent bare,
  // anything else after a zero "singleton" field delta.
  decodeTopLevel(id: number): GobValue {
    const wt = this.types.resolve(id);
    if (wt?.kind === 'struct') return this.decodeStruct(wt);
    if (this.r.readUint() !== 0) throw new GobError('decode: corrupted data: non-zero delta for singleton');
    return this.decode(id, wt);
  }

  // Receives one "-id wireType" definition whose id was already read (negated).
  receiveType(negId: number | bigint): void {
    const id = typeof negId === 'number' ? -negId : Number.NaN;
    if (!(id > 0 && id <= MAX_TYPE_ID)) throw new GobError(`bad data: invalid type id ${negId}`);
    this.types.define(id, parseWireType(this.r));
  }

  private decode(id: number, wt?: WireType): GobValue {
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
        return this.decodeInterface();
    }
    wt ??= this.types.get(id);
    if (!wt) throw new GobError(`bad data: undefined type id ${id}`);
    if (++this.depth > MAX_DEPTH) throw new GobError('value nesting too deep');
    try {
      switch (wt.kind) {
        case 'struct':
          return this.decodeStruct(wt);
        case 'slice':
          return this.decodeList(r.readSmallUint('slice length'), wt.elem);
        case 'array': {
          const n = r.readUint();
          if (n !== wt.len) throw new GobError('length mismatch in decodeArray');
          return this.decodeList(n, wt.elem);
        }
        case 'map':
          return this.decodeMap(wt.key, wt.elem);
        case 'opaque':
          return new GobOpaque(wt.name, wt.opaque, r.readBytes(wt.name));
      }
    } finally {
      this.depth--;
    }
  }

  private decodeStruct(wt: WireType & { kind: 'struct' }): Record<string, GobValue> {
    const r = this.r;
    const fields = wt.fields;
    const obj: Record<string, GobValue> = {};
    let field = -1;
    // As in Go, running out of message ends the struct even without its zero terminator.
    while (r.pos < r.end) {
      const delta = r.readSmallUint('field delta');
      if (delta === 0) break;
      if (field >= fields.length - delta) throw new GobError('bad data: field numbers out of bounds');
      field += delta;
      const f = fields[field];
      setOwn(obj, f.name, this.decode(f.id));
    }
    return obj;
  }

  // Every element a Go encoder writes starts with at least one byte in the current message
  // (interface payloads only move to later messages part-way through), so checking that
  // bytes remain bounds the loop by the input size instead of the untrusted count.
  private elementGuard(n: number): void {
    if (this.r.pos >= this.r.end) throw new GobError(`corrupted data: ${n} elements exceed message`);
  }

  private decodeList(n: number, elem: number): GobValue[] {
    const out: GobValue[] = [];
    for (let i = 0; i < n; i++) {
      this.elementGuard(n);
      out.push(this.decode(elem));
    }
    return out;
  }

  private decodeMap(key: number, elem: number): GobValue {
    const n = this.r.readSmallUint('map length');
    if (key === ID_STRING) {
      const obj: Record<string, GobValue> = Object.create(null);
      for (let i = 0; i < n; i++) {
        this.elementGuard(n);
        const k = this.r.readString();
        obj[k] = this.decode(elem);
      }
      return obj;
    }
    const map = new Map<GobValue, GobValue>();
    for (let i = 0; i < n; i++) {
      this.elementGuard(n);
      const k = this.decode(key);
      map.set(k, this.decode(elem));
    }
    return map;
  }

  private decodeInterface(): GobInterface | null {
    const r = this.r;
    const nameLen = r.readUint();
    if (typeof nameLen !== 'number' || nameLen > MAX_NAME_LENGTH) {
      throw new GobError(`invalid type name length ${nameLen}`);
    }
    if (nameLen > r.remaining()) throw new GobError(`invalid type name length ${nameLen}: exceeds input size`);
    if (nameLen === 0) return null;
    const name = r.buf.toString('utf8', r.pos, r.pos + nameLen);
    r.pos += nameLen;
    const id = this.concreteTypeId();
    r.readUint(); // byte count of the concrete value; only useful for skipping
    if (++this.depth > MAX_DEPTH) throw new GobError('value nesting too deep');
    try {
      return new GobInterface(name, this.decodeTopLevel(id));
    } finally {
      this.depth--;
    }
  }

  // Definitions of types first met inside this interface may precede its id, possibly in
  // messages of their own: when the current message is used up, continue with the next.
  private concreteTypeId(): number {
    const r = this.r;
    for (;;) {
      if (r.pos >= r.end) this.nextMessage();
      const id = r.readInt();
      if (typeof id === 'number' && id >= 0) return id;
      this.receiveType(id);
      // Any bytes left belong to a delimited value whose leading count we skip, as Go does.
      if (r.pos < r.end) r.readUint();
    }
  }

  private nextMessage(): void {
    const frame = readFrame(this.r.buf, this.r.end, this.limit);
    if (!frame) throw NEED_MORE;
    this.r.pos = frame.bodyStart;
    this.r.end = frame.bodyEnd;
  }
}
