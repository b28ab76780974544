// Random and mutated streams must make the decoder either return or throw a GobError: never
// hang, never crash with another error type. A skipped value (GobValueError) consumes at least
// one message and lets the stream go on; any other GobError sticks. FUZZ_ITERATIONS scales it
// (npm run fuzz).
import { GobDecoder } from './decoder';
import { GobError, GobValueError } from './errors';
import { fromHex, loadVectors } from '../../../test/unit/gob/tagged';
import { FUZZ_ITERATIONS as ITERATIONS, FUZZ_SEED as SEED, mutate, randomBytes, rng } from '../../../test/unit/fuzz/mutation';

function feed(data: Uint8Array, rand: () => number): void {
  const dec = new GobDecoder();
  let pos = 0;
  let values = 0;
  while (pos < data.length) {
    const n = rand() < 0.3 ? 1 + Math.floor(rand() * 16) : data.length - pos;
    dec.push(data.subarray(pos, pos + n));
    pos += n;
    for (;;) {
      try {
        if (!dec.next()) break;
        values++;
      } catch (e) {
        if (e instanceof GobValueError) {
          values++;
          continue;
        }
        if (!(e instanceof GobError)) throw e;
        expect(() => dec.next()).toThrow(e); // the failure sticks
        return;
      }
    }
  }
  // Decoded and skipped values together: each took at least one byte.
  expect(values).toBeLessThanOrEqual(data.length);
}

describe('gob decoder fuzz', () => {
  const vectors = loadVectors()
    .map((v) => fromHex(v.hex))
    .filter((b) => b.length < 40000);

  it(`survives ${ITERATIONS} mutated and random streams (seed ${SEED})`, () => {
    const rand = rng(SEED);
    let i = 0;
    try {
      for (; i < ITERATIONS; i++) {
        const r = rand();
        const data =
          r < 0.15
            ? randomBytes(Math.floor(rand() * 64), rand)
            : mutate(vectors[Math.floor(rand() * vectors.length)], rand);
        feed(data, rand);
      }
    } catch (e) {
      throw new Error(`fuzz iteration ${i} (FUZZ_SEED=${SEED}) failed: ${(e as Error).stack}`, { cause: e });
    }
    console.log(`gob decoder fuzz: ${i} iterations, seed ${SEED}`);
  }, 600_000);
});
