// Go -> TS: every stream produced by Go's encoder (test/gob-vectors) must decode to the values
// Go itself rendered, however the bytes are chunked.
import { GobDecoder, type GobValue } from '../../../server-ts/mattermost/gob';
import { fromHex, loadVectors, tagged } from './tagged';

function decodeAll(chunks: Uint8Array[]): GobValue[] {
  const dec = new GobDecoder();
  const out: GobValue[] = [];
  for (const c of chunks) {
    dec.push(c);
    for (let r = dec.next(); r; r = dec.next()) out.push(r.value);
  }
  expect(dec.buffered).toBe(0);
  return out;
}

const vectors = loadVectors();

describe('Go-produced gob vectors', () => {
  it('has the expected vector set', () => {
    expect(vectors.map((v) => v.name)).toEqual(
      expect.arrayContaining(['post', 'config', 'nested_interfaces', 'serve_http_legacy', 'z_error_returns']),
    );
  });

  describe.each(vectors.map((v) => [v.name, v] as const))('%s', (_name, v) => {
    it('decodes in one chunk', () => {
      expect(decodeAll([fromHex(v.hex)]).map(tagged)).toEqual(v.values);
    });

    it('decodes message by message as Go wrote them', () => {
      expect(decodeAll(v.writes.map(fromHex)).map(tagged)).toEqual(v.values);
    });

    it('decodes byte by byte', () => {
      const all = fromHex(v.hex);
      if (all.length > 30000) return; // quadratic retries; covered by the 7-byte split below
      const chunks = Array.from(all, (b) => Uint8Array.of(b));
      expect(decodeAll(chunks).map(tagged)).toEqual(v.values);
    });

    it('decodes in odd-sized chunks', () => {
      const all = fromHex(v.hex);
      const chunks: Uint8Array[] = [];
      for (let i = 0; i < all.length; i += 7) chunks.push(all.subarray(i, i + 7));
      expect(decodeAll(chunks).map(tagged)).toEqual(v.values);
    });
  });
});
