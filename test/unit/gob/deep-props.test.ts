// Go → TS: post props nesting 5,000 and 10,000 levels (Mattermost's encoding/json accepts up
// to 10,000, so any user can create such a post), sent as the MessageHasBeenPosted hook's
// arguments with Go's own encoder, must decode as Go decodes them and convert with toPlain
// to what the REST API shows.
import { GobDecoder, toPlain, type GobValue } from '../../../server-ts/mattermost/gob';
import { firstDifference, taggedDeep } from './deep';
import { buildChecker } from './go-checker';
import { goEncode, type Op } from './go-encode';

beforeAll(() => buildChecker(), 120_000);

// {"a": {"a": [{"a": … "leaf"}, "x2"], "n": 1}, "n": 0}: maps, with a list every fourth level.
function deepProps(depth: number): Op[] {
  const ops: Op[] = [['s', 'leaf']];
  for (let i = depth - 1; i >= 0; i--) {
    if (i % 4 === 2) ops.push(['s', `x${i}`], ['l', 2]);
    else ops.push(['i', i], ['m', 'a', 'n']);
  }
  return ops;
}

function nesting(v: unknown): number {
  let depth = 0;
  for (let p = v; typeof p === 'object' && p !== null; depth++) p = Array.isArray(p) ? p[0] : (p as Record<string, unknown>).a;
  return depth;
}

describe.each([5_000, 10_000])('props nesting %i levels', (depth) => {
  it('decode from Go bytes as Go decodes them, also arriving in pieces, and convert with toPlain', () => {
    const go = goEncode('posted_args', deepProps(depth));
    const bytes = Buffer.from(go.hex, 'hex');
    // Go flushes a message whenever it first defines a type inside an interface.
    expect(go.messages).toBeGreaterThan(3);

    const dec = new GobDecoder();
    let value: GobValue | undefined;
    const pieces = 7;
    for (let i = 0; i < pieces; i++) {
      dec.push(bytes.subarray(Math.floor((i * bytes.length) / pieces), Math.floor(((i + 1) * bytes.length) / pieces)));
      const r = dec.next();
      if (r) value = r.value;
    }
    expect(value).toBeDefined();
    expect(dec.next()).toBeUndefined();
    expect(firstDifference(taggedDeep(value!), go.values[0])).toBeUndefined();

    const props = (value as { B: { Props: GobValue } }).B.Props;
    const plain = toPlain(props);
    expect(nesting(plain)).toBe(depth);
    expect(firstDifference(plain, JSON.parse(go.json[0]))).toBeUndefined();
  }, 180_000);
});
