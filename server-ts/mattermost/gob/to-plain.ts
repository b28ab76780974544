// Converts decoded gob values into JSON-compatible data, roughly what Go's encoding/json would
// produce for the same Go value (e.g. for Post.Props, which Mattermost also exposes as JSON).
//
// Props may nest 10,000 levels (see decode-value.ts), too deep for plain recursion. Each
// container's output is attached to its parent as soon as it is made, so its children can be
// filled in any order: they are converted recursively up to INLINE_DEPTH levels, and deeper
// containers are queued and filled from a loop, each again up to INLINE_DEPTH levels.
import { GobComplex, GobInterface, GobOpaque, setOwn, type GobValue } from './values';

export type PlainValue = null | boolean | number | string | PlainValue[] | { [key: string]: PlainValue };

type PlainObject = { [key: string]: PlainValue };

const INLINE_DEPTH = 32;

// A container whose (empty) output exists but whose children are still to be converted.
interface Queued {
  readonly out: PlainValue[] | PlainObject;
  readonly keys: readonly string[] | undefined; // undefined: an array
  readonly values: readonly GobValue[] | Readonly<Record<string, GobValue>>;
}

export function toPlain(value: GobValue): PlainValue {
  const queue: Queued[] = [];
  const root = convert(value, queue, 0);
  for (let q = queue.pop(); q !== undefined; q = queue.pop()) fill(q.out, q.keys, q.values, queue, 0);
  return root;
}

function fill(
  out: PlainValue[] | PlainObject, keys: readonly string[] | undefined,
  values: readonly GobValue[] | Readonly<Record<string, GobValue>>, queue: Queued[], depth: number,
): void {
  if (keys === undefined) {
    const list = values as readonly GobValue[];
    for (let i = 0; i < list.length; i++) (out as PlainValue[]).push(convert(list[i], queue, depth));
  } else if (Array.isArray(values)) {
    const list = values as readonly GobValue[]; // isArray narrows a readonly array to any[]
    for (let i = 0; i < keys.length; i++) setOwn(out as PlainObject, keys[i], convert(list[i], queue, depth));
  } else {
    const obj = values as Readonly<Record<string, GobValue>>;
    for (const k of keys) setOwn(out as PlainObject, k, convert(obj[k], queue, depth));
  }
}

function convert(value: GobValue, queue: Queued[], depth: number): PlainValue {
  while (value instanceof GobInterface) value = value.value as GobValue;
  if (value === null || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') {
    return value;
  }
  // Beyond 2^53 a JS number would silently change the value; a decimal string does not.
  if (typeof value === 'bigint') return value.toString();
  // []byte becomes base64, as in encoding/json.
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.length).toString('base64');
  if (value instanceof GobOpaque) {
    const b = Buffer.from(value.bytes.buffer, value.bytes.byteOffset, value.bytes.length);
    return value.kind === 'gob' ? b.toString('base64') : b.toString('utf8');
  }
  if (value instanceof GobComplex) return { real: value.real, imag: value.imag };
  let out: PlainValue[] | PlainObject;
  let keys: readonly string[] | undefined;
  let values: readonly GobValue[] | Readonly<Record<string, GobValue>>;
  if (Array.isArray(value)) {
    out = [];
    values = value;
  } else if (value instanceof Map) {
    out = {};
    // Non-string keys never come from JSON (whose objects only have string keys), so they are
    // shallow in practice and JSON.stringify's recursion is safe for them.
    keys = [...value.keys()].map((k) => (typeof k === 'string' ? k : JSON.stringify(toPlain(k))));
    values = [...value.values()];
  } else {
    out = {};
    keys = Object.keys(value);
    values = value;
  }
  if (depth < INLINE_DEPTH) fill(out, keys, values, queue, depth + 1);
  else queue.push({ out, keys, values });
  return out;
}
