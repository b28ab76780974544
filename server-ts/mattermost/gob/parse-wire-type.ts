// Reads a wireType value. Its shape is fixed by the gob spec, so it is parsed directly rather
// than through the generic decoder, with the same struct rules (field deltas, omitted zero
// fields, terminator optional at the end of the message).
import { GobError } from './errors';
import type { Reader } from './wire-primitives';
import { MAX_TYPE_ID, type WireField, type WireType } from './wire-types';
import type { OpaqueKind } from './values';

// wireType field order: ArrayT, SliceT, StructT, MapT, GobEncoderT, BinaryMarshalerT, TextMarshalerT.
const OPAQUE_KINDS: readonly OpaqueKind[] = ['gob', 'binary', 'text'];

// Calls onField(fieldIndex) for each field present; the callback must consume the field value.
function readStruct(r: Reader, fieldCount: number, onField: (field: number) => void): void {
  let field = -1;
  while (r.pos < r.end) {
    const delta = r.readSmallUint('field delta');
    if (delta === 0) return;
    if (field >= fieldCount - delta) throw new GobError('bad data: field numbers out of bounds');
    field += delta;
    onField(field);
  }
}

function readTypeId(r: Reader): number {
  const id = r.readSmallInt('type id');
  if (id < 0 || id > MAX_TYPE_ID) throw new GobError(`bad data: invalid type id ${id}`);
  return id;
}

interface Common {
  name: string;
}

function readCommon(r: Reader, into: Common): void {
  readStruct(r, 2, (f) => {
    if (f === 0) into.name = r.readString();
    else readTypeId(r); // the sender's own note of the id; Go ignores it too
  });
}

function readFieldList(r: Reader): WireField[] {
  const n = r.readSmallUint('field count');
  const fields: WireField[] = [];
  for (let i = 0; i < n; i++) {
    if (r.pos >= r.end) throw new GobError('unexpected end of message in field list');
    const f = { name: '', id: 0 };
    readStruct(r, 2, (k) => {
      if (k === 0) f.name = r.readString();
      else f.id = readTypeId(r);
    });
    fields.push(f);
  }
  return fields;
}

export function parseWireType(r: Reader): WireType {
  let result: WireType | undefined;
  readStruct(r, 7, (kind) => {
    if (result) throw new GobError('bad data: wire type defines more than one kind');
    const c: Common = { name: '' };
    let elem = 0;
    let key = 0;
    let len = 0;
    let fields: WireField[] = [];
    const inner = kind === 0 ? 3 : kind === 1 ? 2 : kind === 2 ? 2 : kind === 3 ? 3 : 1;
    readStruct(r, inner, (f) => {
      if (f === 0) return readCommon(r, c);
      if (kind === 0 && f === 2) {
        len = r.readSmallInt('array length');
        if (len < 0) throw new GobError(`bad data: negative array length ${len}`);
      } else if (kind === 2) fields = readFieldList(r);
      else if (kind === 3 && f === 1) key = readTypeId(r);
      else elem = readTypeId(r);
    });
    if (kind === 0) result = { kind: 'array', name: c.name, elem, len };
    else if (kind === 1) result = { kind: 'slice', name: c.name, elem };
    else if (kind === 2) result = { kind: 'struct', name: c.name, fields };
    else if (kind === 3) result = { kind: 'map', name: c.name, key, elem };
    else result = { kind: 'opaque', name: c.name, opaque: OPAQUE_KINDS[kind - 4] };
  });
  if (!result) throw new GobError('bad data: empty wire type');
  return result;
}
