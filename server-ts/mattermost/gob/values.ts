// JS representation of decoded gob values (and of values handed to the encoder).
//
//   Go wire kind                      JS value
//   --------------------------------  ---------------------------------------------------------------
//   bool                              boolean
//   int*, uint*                       number if |v| <= Number.MAX_SAFE_INTEGER, else bigint
//   float32/64                        number
//   complex64/128                     GobComplex
//   string                            string (decoded as UTF-8; invalid sequences become U+FFFD)
//   []byte / []uint8                  Uint8Array (a copy; never aliases the stream buffer)
//   slice, array                      Array
//   struct                            ordinary object keyed by wire field name; fields the sender
//                                     omitted (zero values) are absent. A field literally named
//                                     "__proto__" becomes an own property, never the prototype.
//   map with string keys              null-prototype object (Object.create(null)): no inherited keys,
//                                     so props["constructor"] is undefined unless sent, and a
//                                     "__proto__" key is just data (no prototype pollution)
//   map with any other key kind       Map
//   interface                         GobInterface { name, value }; nil interface -> null
//   GobEncoder / BinaryMarshaler /    GobOpaque { typeName, kind, bytes } (e.g. time.Time, url.URL)
//   TextMarshaler
//   pointers                          transparent (a *T is its T); nil pointers are simply absent
export type GobValue =
  | boolean
  | number
  | bigint
  | string
  | Uint8Array
  | GobComplex
  | GobInterface
  | GobOpaque
  | null
  | GobValue[]
  | Map<GobValue, GobValue>
  | { [key: string]: GobValue };

export type GobType = import('./schema').GobType;

// An interface value carrying its registered Go name ("string", "[]*model.SlackAttachment",
// "*model.AppError", ...). When encoding, `type` says how to encode `value`; it may be omitted
// for the names in interface-names.ts whose shape is known (basics, maps/slices of interface).
export class GobInterface {
  constructor(
    readonly name: string,
    readonly value: unknown,
    readonly type?: GobType,
  ) {}
}

export type OpaqueKind = 'gob' | 'binary' | 'text';

// Bytes produced by a Go GobEncoder/BinaryMarshaler/TextMarshaler. Only the Go type knows how to
// interpret them, so they are passed through untouched. typeName is the wire type's name.
export class GobOpaque {
  constructor(
    readonly typeName: string,
    readonly kind: OpaqueKind,
    readonly bytes: Uint8Array,
  ) {}
}

export class GobComplex {
  constructor(
    readonly real: number,
    readonly imag: number,
  ) {}
}

// Assigning obj["__proto__"] = v on an ordinary object would replace its prototype; defining
// the property instead keeps attacker-chosen names as plain data.
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    obj[key] = value;
  }
}
