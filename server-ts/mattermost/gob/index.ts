// Public surface of the gob codec (Go's encoding/gob wire format, as used by net/rpc).
export { GobDecoder } from './decoder';
export { GobEncoder } from './encoder';
export { GobError } from './errors';
export { t, typeName, StructType, type GobType, type FieldList, type Infer, type StructValue } from './schema';
export { check, isRecord } from './check';
export { GobInterface, GobOpaque, GobComplex, type GobValue, type OpaqueKind } from './values';
export { toPlain, type PlainValue } from './to-plain';
export {
  registerInterfaceType, interfaceType, inferInterface, MAP_STRING_INTERFACE,
  SLICE_INTERFACE,
} from './interface-names';
export { MAX_MESSAGE_BYTES } from './frame';
