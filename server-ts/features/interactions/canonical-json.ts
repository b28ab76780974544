// The one byte string a button context is signed over: keys sorted by code point at every
// level, no whitespace, `undefined` members dropped, arrays kept in order. Code-point order
// (not localeCompare) is what Python's `json.dumps(sort_keys=True)` and `jq -S` produce, so
// external scripts can sign with their standard tools.
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError(`cannot sign a ${typeof value} value`);
    return text;
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
