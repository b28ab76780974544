// Go → TS over random values: nested maps, slices, interfaces and structs (by value, pointer
// and slice element), up to thousands of levels deep, several values per stream so later ones
// reuse types defined inside earlier ones' interfaces. Go encodes them; our decoder must
// agree with what Go decodes from the same bytes, also when the bytes arrive in pieces.
import fc from 'fast-check';
import { GobDecoder, type GobValue } from '../../../server-ts/mattermost/gob';
import { firstDifference, taggedDeep } from './deep';
import { buildChecker } from './go-checker';
import { goEncode } from './go-encode';
import { asNode, deepValue } from './random-values';

beforeAll(() => buildChecker(), 120_000);

function decodeInPieces(bytes: Buffer, cuts: number[]): GobValue[] {
  const dec = new GobDecoder();
  const out: GobValue[] = [];
  let from = 0;
  for (const at of [...cuts.map((c) => Math.floor(c * bytes.length)).sort((a, b) => a - b), bytes.length]) {
    dec.push(bytes.subarray(from, Math.max(from, at)));
    from = Math.max(from, at);
    for (let r = dec.next(); r; r = dec.next()) out.push(r.value);
  }
  return out;
}

test('random nested values encoded by Go decode as Go decodes them', () => {
  fc.assert(
    fc.property(
      fc.array(deepValue, { minLength: 1, maxLength: 3 }),
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 3 }),
      (values, cuts) => {
        const go = goEncode('node', values.flatMap(asNode));
        const ours = decodeInPieces(Buffer.from(go.hex, 'hex'), cuts);
        expect(ours).toHaveLength(values.length);
        ours.forEach((v, i) => {
          const diff = firstDifference(taggedDeep(v), go.values[i]);
          if (diff) throw new Error(`value ${i} differs from Go's at ${diff}`);
        });
      },
    ),
    { numRuns: 20 },
  );
}, 300_000);
