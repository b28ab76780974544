// Schemas for the values we encode. Go's decoder matches struct fields by name and ignores
// the type names in our definitions, so a schema only needs the fields we actually send.
import type { OpaqueKind } from './values';

export type PrimitiveKind = 'bool' | 'int' | 'uint' | 'float' | 'string' | 'bytes' | 'interface' | 'complex';

export interface PrimitiveType {
  readonly kind: PrimitiveKind;
}
export interface SliceType {
  readonly kind: 'slice';
  readonly elem: GobType;
}
export interface ArrayType {
  readonly kind: 'array';
  readonly elem: GobType;
  readonly len: number;
}
export interface MapType {
  readonly kind: 'map';
  readonly key: GobType;
  readonly elem: GobType;
}
export interface OpaqueType {
  readonly kind: 'opaque';
  readonly name: string;
  readonly opaque: OpaqueKind;
}

export type FieldList = readonly (readonly [string, GobType])[];

// Fields are supplied lazily so that recursive types (CommandResponse.ExtraResponses) can refer
// to the struct being defined.
export class StructType {
  readonly kind = 'struct';
  private resolved: FieldList | undefined;

  constructor(
    readonly name: string,
    private readonly fieldThunk: () => FieldList,
  ) {}

  get fields(): FieldList {
    this.resolved ??= this.fieldThunk();
    return this.resolved;
  }
}

export type GobType = PrimitiveType | SliceType | ArrayType | MapType | StructType | OpaqueType;

const prim = (kind: PrimitiveKind): PrimitiveType => Object.freeze({ kind });

export const t = {
  bool: prim('bool'),
  int: prim('int'),
  uint: prim('uint'),
  float: prim('float'),
  string: prim('string'),
  bytes: prim('bytes'),
  complex: prim('complex'),
  interface: prim('interface'),
  slice: (elem: GobType): SliceType => ({ kind: 'slice', elem }),
  array: (elem: GobType, len: number): ArrayType => ({ kind: 'array', elem, len }),
  map: (key: GobType, elem: GobType): MapType => ({ kind: 'map', key, elem }),
  struct: (name: string, fields: () => FieldList): StructType => new StructType(name, fields),
  // A Go type with its own marshalling (time.Time: 'gob', url.URL: 'binary'); the value is its bytes.
  opaque: (name: string, opaque: OpaqueKind): OpaqueType => ({ kind: 'opaque', name, opaque }),
} as const;

// Names written into our type definitions. Go only shows them in error messages.
export function typeName(type: GobType): string {
  switch (type.kind) {
    case 'bool':
    case 'int':
    case 'uint':
    case 'string':
      return type.kind;
    case 'float':
      return 'float64';
    case 'complex':
      return 'complex128';
    case 'bytes':
      return '[]uint8';
    case 'interface':
      return 'interface {}';
    case 'slice':
      return `[]${typeName(type.elem)}`;
    case 'array':
      return `[${type.len}]${typeName(type.elem)}`;
    case 'map':
      return `map[${typeName(type.key)}]${typeName(type.elem)}`;
    case 'struct':
    case 'opaque':
      return type.name;
  }
}
