// Names under which Go values travel inside interfaces. The receiver must have registered the
// exact same spelling (Go's reflect.Type.String() for unnamed and pointer types, with the
// *package name*, not its path), otherwise Go fails with "name not registered for interface".
import { t, type GobType } from './schema';

export const MAP_STRING_INTERFACE = 'map[string]interface {}';
export const SLICE_INTERFACE = '[]interface {}';

const stringInterfaceMap = t.map(t.string, t.interface);
const interfaceSlice = t.slice(t.interface);

// Go's registerBasics, plus the container types Mattermost registers in client_rpc.go.
const known = new Map<string, GobType>([
  ['int', t.int], ['int8', t.int], ['int16', t.int], ['int32', t.int], ['int64', t.int],
  ['uint', t.uint], ['uint8', t.uint], ['uint16', t.uint], ['uint32', t.uint], ['uint64', t.uint],
  ['uintptr', t.uint], ['float32', t.float], ['float64', t.float],
  ['complex64', t.complex], ['complex128', t.complex], ['bool', t.bool], ['string', t.string],
  ['[]uint8', t.bytes], ['[]int', t.slice(t.int)], ['[]int8', t.slice(t.int)], ['[]int16', t.slice(t.int)],
  ['[]int32', t.slice(t.int)], ['[]int64', t.slice(t.int)], ['[]uint', t.slice(t.uint)],
  ['[]uint16', t.slice(t.uint)], ['[]uint32', t.slice(t.uint)], ['[]uint64', t.slice(t.uint)],
  ['[]uintptr', t.slice(t.uint)], ['[]float32', t.slice(t.float)], ['[]float64', t.slice(t.float)],
  ['[]complex64', t.slice(t.complex)], ['[]complex128', t.slice(t.complex)], ['[]bool', t.slice(t.bool)],
  ['[]string', t.slice(t.string)],
  [SLICE_INTERFACE, interfaceSlice], [MAP_STRING_INTERFACE, stringInterfaceMap],
]);

// Mattermost's own registrations live with the model code (model/interfaces.ts).
// Lets GobInterface values name a registered type without repeating its schema each time.
export function registerInterfaceType(name: string, type: GobType): void {
  known.set(name, type);
}

export function interfaceType(name: string): GobType | undefined {
  return known.get(name);
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

// How a bare JS value placed in an interface{} slot travels; undefined if it has no natural
// Go counterpart (the caller must then wrap it in a GobInterface).
export function inferInterface(v: unknown): { name: string; type: GobType } | undefined {
  switch (typeof v) {
    case 'string':
      return { name: 'string', type: t.string };
    case 'boolean':
      return { name: 'bool', type: t.bool };
    case 'number':
      return Number.isSafeInteger(v) ? { name: 'int64', type: t.int } : { name: 'float64', type: t.float };
    case 'bigint':
      return { name: 'int64', type: t.int };
  }
  if (v instanceof Uint8Array) return { name: '[]uint8', type: t.bytes };
  if (Array.isArray(v)) return { name: SLICE_INTERFACE, type: interfaceSlice };
  if (v instanceof Map || isPlainObject(v)) return { name: MAP_STRING_INTERFACE, type: stringInterfaceMap };
  return undefined;
}
