// Converts decoded gob values into JSON-compatible data, roughly what Go's encoding/json would
// produce for the same Go value (e.g. for Post.Props, which Mattermost also exposes as JSON).
import { GobComplex, GobInterface, GobOpaque, setOwn, type GobValue } from './values';

export type PlainValue = null | boolean | number | string | PlainValue[] | { [key: string]: PlainValue };

export function toPlain(value: GobValue): PlainValue {
  if (value === null || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') {
    return value;
  }
  // Beyond 2^53 a JS number would silently change the value; a decimal string does not.
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof GobInterface) return toPlain(value.value as GobValue);
  // []byte becomes base64, as in encoding/json.
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.length).toString('base64');
  if (value instanceof GobOpaque) {
    const b = Buffer.from(value.bytes.buffer, value.bytes.byteOffset, value.bytes.length);
    return value.kind === 'gob' ? b.toString('base64') : b.toString('utf8');
  }
  if (value instanceof GobComplex) return { real: value.real, imag: value.imag };
  if (Array.isArray(value)) return value.map(toPlain);
  const out: Record<string, PlainValue> = {};
  if (value instanceof Map) {
    for (const [k, v] of value) setOwn(out, typeof k === 'string' ? k : JSON.stringify(toPlain(k)), toPlain(v));
    return out;
  }
  for (const k of Object.keys(value)) setOwn(out, k, toPlain(value[k]));
  return out;
}
