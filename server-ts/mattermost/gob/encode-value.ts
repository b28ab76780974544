// Schema-driven value encoding. Produces exactly what Go's encoder would for the equivalent Go
// value, so that Go's decoder (which checks little beyond structure) accepts it.
import { inspect } from 'node:util';
import { GobError } from './errors';
import { inferInterface, interfaceType, isPlainObject } from './interface-names';
import type { GobType, MapType, StructType } from './schema';
import { GobComplex, GobInterface, GobOpaque } from './values';
import type { Writer } from './wire-primitives';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v === 'object' ? (v.constructor?.name ?? 'object') : `${typeof v} ${inspect(v).slice(0, 40)}`;
}

function mismatch(type: GobType, v: unknown): GobError {
  return new GobError(`cannot encode ${describe(v)} as ${type.kind}`);
}

// Go omits struct fields holding their type's zero value (arrays and non-nil maps excepted).
function isZero(type: GobType, v: unknown): boolean {
  if (v === undefined || v === null) return true;
  switch (type.kind) {
    case 'bool':
      return v === false;
    case 'int':
    case 'uint':
    case 'float':
      return v === 0 || v === 0n;
    case 'string':
      return v === '';
    case 'bytes':
    case 'slice':
      return (v as { length?: number }).length === 0;
    default:
      return false;
  }
}

function entriesOf(type: MapType, v: unknown): Iterable<[unknown, unknown]> {
  if (v instanceof Map) return v;
  if (isPlainObject(v)) return Object.entries(v);
  throw mismatch(type, v);
}

export class ValueEncoder {
  constructor(
    private readonly w: Writer,
    private readonly typeId: (type: GobType) => number,
  ) {}

  // Top-level values, and the payload of an interface: structs bare, others after a zero delta.
  encodeTopLevel(type: GobType, v: unknown): void {
    if (type.kind === 'struct') {
      this.encodeStruct(type, v ?? {});
    } else {
      this.w.writeByte(0);
      this.encode(type, v);
    }
  }

  private encodeStruct(type: StructType, v: unknown): void {
    if (typeof v !== 'object' || v === null) throw mismatch(type, v);
    const obj = v as Record<string, unknown>;
    const fields = type.fields;
    let last = -1;
    for (let i = 0; i < fields.length; i++) {
      const [name, ft] = fields[i];
      const fv = obj[name];
      if (isZero(ft, fv)) continue;
      this.w.writeUint(i - last);
      last = i;
      try {
        this.encode(ft, fv);
      } catch (e) {
        if (e instanceof GobError) e.message = e.message.replace(/^gob: /, `gob: ${type.name}.${name}: `);
        throw e;
      }
    }
    this.w.writeByte(0);
  }

  private encode(type: GobType, v: unknown): void {
    const w = this.w;
    switch (type.kind) {
      case 'bool':
        if (typeof v !== 'boolean') throw mismatch(type, v);
        return w.writeUint(v ? 1 : 0);
      case 'int':
        if (typeof v === 'number' ? !Number.isInteger(v) || v < -(2 ** 63) || v >= 2 ** 63 : typeof v !== 'bigint' || v < INT64_MIN || v > INT64_MAX) {
          throw mismatch(type, v);
        }
        return w.writeInt(v as number | bigint);
      case 'uint':
        if (typeof v === 'number' ? !Number.isInteger(v) || v < 0 || v >= 2 ** 64 : typeof v !== 'bigint' || v < 0n || v > UINT64_MAX) {
          throw mismatch(type, v);
        }
        return w.writeUint(typeof v === 'number' && v > Number.MAX_SAFE_INTEGER ? BigInt(v) : (v as number | bigint));
      case 'float':
        if (typeof v !== 'number') throw mismatch(type, v);
        return w.writeFloat(v);
      case 'complex':
        if (!(v instanceof GobComplex)) throw mismatch(type, v);
        w.writeFloat(v.real);
        return w.writeFloat(v.imag);
      case 'string':
        if (typeof v !== 'string') throw mismatch(type, v);
        return w.writeString(v);
      case 'bytes':
        if (v === undefined || v === null) return w.writeUint(0);
        if (!(v instanceof Uint8Array)) throw mismatch(type, v);
        return w.writeBytes(v);
      case 'opaque':
        // A value read from the server comes back as GobOpaque and is written back unchanged.
        if (v instanceof GobOpaque) return w.writeBytes(v.bytes);
        if (typeof v === 'string') return w.writeString(v);
        if (!(v instanceof Uint8Array)) throw mismatch(type, v);
        return w.writeBytes(v);
      case 'interface':
        return this.encodeInterface(v);
      case 'slice':
      case 'array': {
        const list = v ?? [];
        if (!Array.isArray(list)) throw mismatch(type, v);
        if (type.kind === 'array' && list.length !== type.len) {
          throw new GobError(`array needs ${type.len} elements, got ${list.length}`);
        }
        w.writeUint(list.length);
        for (const e of list) this.encodeElement(type.elem, e);
        return;
      }
      case 'map': {
        const entries = [...entriesOf(type, v ?? {})];
        w.writeUint(entries.length);
        for (const [k, e] of entries) {
          this.encodeElement(type.key, k);
          this.encodeElement(type.elem, e);
        }
        return;
      }
      case 'struct':
        return this.encodeStruct(type, v);
    }
  }

  // Inside slices and maps zero values are sent too; only a nil *struct cannot be.
  private encodeElement(type: GobType, v: unknown): void {
    if ((v === null || v === undefined) && (type.kind === 'struct' || type.kind === 'opaque')) {
      throw new GobError(`cannot encode nil element of type ${type.name}`);
    }
    this.encode(type, v ?? zeroOf(type));
  }

  private encodeInterface(v: unknown): void {
    const w = this.w;
    if (v === undefined || v === null) return w.writeUint(0);
    let name: string;
    let type: GobType | undefined;
    let payload: unknown;
    if (v instanceof GobInterface) {
      ({ name, value: payload } = v);
      type = v.type ?? interfaceType(name);
      if (!type) throw new GobError(`no schema for interface type ${JSON.stringify(name)}; pass one to GobInterface`);
      if (name === '') throw new GobError('interface value needs a type name');
    } else {
      const inferred = inferInterface(v);
      if (!inferred) throw new GobError(`cannot put ${describe(v)} in an interface without a GobInterface name`);
      ({ name, type } = inferred);
      payload = v;
    }
    if ((payload === null || payload === undefined) && type.kind === 'struct') {
      throw new GobError(`cannot encode nil pointer of type ${name} inside interface`);
    }
    w.writeString(name);
    w.writeInt(this.typeId(type));
    const start = w.pos;
    this.encodeTopLevel(type, payload);
    w.insertUintAt(start, w.pos - start);
  }
}

function zeroOf(type: GobType): unknown {
  switch (type.kind) {
    case 'bool':
      return false;
    case 'int':
    case 'uint':
    case 'float':
      return 0;
    case 'string':
      return '';
    case 'complex':
      return new GobComplex(0, 0);
    default:
      return null;
  }
}
