// Builds the "-id wireType" message body that introduces one of our types on a stream.
import type { GobType } from './schema';
import { typeName } from './schema';
import type { Writer } from './wire-primitives';

// Positions in Go's wireType struct.
const ARRAY_T = 0;
const SLICE_T = 1;
const STRUCT_T = 2;
const MAP_T = 3;
const OPAQUE_T = { gob: 4, binary: 5, text: 6 } as const;

// CommonType and fieldType share one shape, {Name string; Id typeId}: an empty name is a
// zero field and is skipped, so Id's delta becomes 2.
function writeNameAndId(w: Writer, name: string, id: number): void {
  if (name !== '') {
    w.writeUint(1);
    w.writeString(name);
    w.writeUint(1);
  } else {
    w.writeUint(2);
  }
  w.writeInt(id);
  w.writeByte(0);
}

function writeCommon(w: Writer, name: string, id: number): void {
  w.writeUint(1); // CommonType is field 0 of every inner type
  writeNameAndId(w, name, id);
}

// `ids` resolves the already-allocated ids of the type's components.
export function writeDefinition(w: Writer, id: number, type: GobType, ids: (t: GobType) => number): void {
  w.writeInt(-id);
  const name = typeName(type);
  switch (type.kind) {
    case 'array':
      w.writeUint(ARRAY_T + 1);
      writeCommon(w, name, id);
      w.writeUint(1);
      w.writeInt(ids(type.elem));
      if (type.len !== 0) {
        w.writeUint(1);
        w.writeInt(type.len);
      }
      break;
    case 'slice':
      w.writeUint(SLICE_T + 1);
      writeCommon(w, name, id);
      w.writeUint(1);
      w.writeInt(ids(type.elem));
      break;
    case 'map':
      w.writeUint(MAP_T + 1);
      writeCommon(w, name, id);
      w.writeUint(1);
      w.writeInt(ids(type.key));
      w.writeUint(1);
      w.writeInt(ids(type.elem));
      break;
    case 'struct': {
      w.writeUint(STRUCT_T + 1);
      writeCommon(w, name, id);
      const fields = type.fields;
      if (fields.length > 0) {
        w.writeUint(1);
        w.writeUint(fields.length);
        for (const [fname, ftype] of fields) writeNameAndId(w, fname, ids(ftype));
      }
      break;
    }
    case 'opaque':
      w.writeUint(OPAQUE_T[type.opaque] + 1);
      writeCommon(w, name, id);
      break;
    default:
      throw new Error(`builtin type ${type.kind} needs no definition`);
  }
  w.writeByte(0); // end of inner type
  w.writeByte(0); // end of wireType
}
