// Schemas for the values we encode and check. Each schema also carries, as a phantom type,
// the TypeScript type of its values, so one declaration gives both (`Infer<typeof PostType>`),
// as zod's z.infer does. Go's decoder matches struct fields by name and ignores the type names
// in our definitions, so a schema may list a superset of the fields of any server version.
import type { GobOpaque, OpaqueKind } from './values';

declare const carried: unique symbol;
/** Never set at run time: it only tells the compiler what values of this type look like. */
interface Carries<T> {
  readonly [carried]?: T;
}

/** The TypeScript type of values of a schema. */
export type Infer<G> = G extends Carries<infer T> ? T : never;

export type PrimitiveKind = 'bool' | 'int' | 'uint' | 'float' | 'string' | 'bytes' | 'interface' | 'complex';

export interface PrimitiveType<K extends PrimitiveKind = PrimitiveKind, T = unknown> extends Carries<T> {
  readonly kind: K;
}
export interface SliceType<E extends GobType = GobType> extends Carries<Array<Infer<E>>> {
  readonly kind: 'slice';
  readonly elem: E;
}
export interface ArrayType<E extends GobType = GobType> extends Carries<Array<Infer<E>>> {
  readonly kind: 'array';
  readonly elem: E;
  readonly len: number;
}
/** Maps with string keys are plain (null-prototype) objects; any other key kind is a Map. */
export type MapValue<K extends GobType, V extends GobType> =
  K extends PrimitiveType<'string'> ? Record<string, Infer<V>> : Map<Infer<K>, Infer<V>>;
export interface MapType<K extends GobType = GobType, V extends GobType = GobType> extends Carries<MapValue<K, V>> {
  readonly kind: 'map';
  readonly key: K;
  readonly elem: V;
}
/** Bytes of a Go type with its own marshalling; decoded as GobOpaque, encoded from either. */
export interface OpaqueType extends Carries<GobOpaque | Uint8Array> {
  readonly kind: 'opaque';
  readonly name: string;
  readonly opaque: OpaqueKind;
}

export type FieldList = readonly (readonly [string, GobType])[];

type Simplify<T> = { [K in keyof T]: T[K] } & {};
/** Every field optional: Go omits zero values, so a decoded struct lacks them. */
export type StructValue<F extends FieldList> = Simplify<{ -readonly [E in F[number] as E[0]]?: Infer<E[1]> }>;

// Fields are supplied lazily so that recursive types (CommandResponse.ExtraResponses) can refer
// to the struct being defined.
export class StructType<T = object> implements Carries<T> {
  declare readonly [carried]?: T;
  readonly kind = 'struct';
  private resolved: FieldList | undefined;
  private byName: Map<string, GobType> | undefined;

  constructor(
    readonly name: string,
    private readonly fieldThunk: () => FieldList,
  ) {}

  get fields(): FieldList {
    this.resolved ??= this.fieldThunk();
    return this.resolved;
  }

  field(name: string): GobType | undefined {
    this.byName ??= new Map(this.fields.map(([n, ty]) => [n, ty]));
    return this.byName.get(name);
  }
}

export type GobType =
  | PrimitiveType
  | SliceType<GobType>
  | ArrayType<GobType>
  | MapType<GobType, GobType>
  | StructType<object>
  | OpaqueType;

function prim<K extends PrimitiveKind, T>(kind: K): PrimitiveType<K, T> {
  return Object.freeze({ kind });
}

export const t = {
  bool: prim<'bool', boolean>('bool'),
  // int64 beyond 2^53 decodes as bigint; check() refuses those where a schema says number.
  int: prim<'int', number>('int'),
  uint: prim<'uint', number>('uint'),
  float: prim<'float', number>('float'),
  string: prim<'string', string>('string'),
  bytes: prim<'bytes', Uint8Array>('bytes'),
  complex: prim<'complex', import('./values').GobComplex>('complex'),
  // Decoded: GobInterface or null. To encode: a GobInterface or a bare JS value (see inferInterface).
  interface: prim<'interface', unknown>('interface'),
  slice: <E extends GobType>(elem: E): SliceType<E> => ({ kind: 'slice', elem }),
  array: <E extends GobType>(elem: E, len: number): ArrayType<E> => ({ kind: 'array', elem, len }),
  map: <K extends GobType, V extends GobType>(key: K, elem: V): MapType<K, V> => ({ kind: 'map', key, elem }),
  struct: <const F extends FieldList>(name: string, fields: () => F): StructType<StructValue<F>> => new StructType(name, fields),
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
