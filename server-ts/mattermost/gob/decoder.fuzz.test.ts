// Random and mutated streams must make the decoder either return or throw a GobError: never
// hang, never crash with another error type. FUZZ_ITERATIONS scales it (npm run fuzz).
import { GobDecoder } from './decoder';
import { GobError } from './errors';
import { fromHex, loadVectors } from '../../../test/unit/gob/tagged';

const ITERATIONS = Number(process.env.FUZZ_ITERATIONS ?? 3000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);

// Small deterministic PRNG (mulberry32) so a failing seed can be replayed.
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), a | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const INTERESTING = [0x00, 0x01, 0x7f, 0x80, 0x81, 0xf8, 0xf9, 0xfc, 0xfe, 0xff, 0x40];

function randomBytes(n: number, rand: () => number): Uint8Array {
  return Uint8Array.from({ length: n }, () => Math.floor(rand() * 256));
}

// Buffer slicing rather than array copies: the larger vectors are tens of kilobytes.
function mutate(input: Uint8Array, rand: () => number): Uint8Array {
  let bytes = Buffer.from(input);
  const edits = 1 + Math.floor(rand() * 4);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(rand() * (bytes.length + 1));
    const head = bytes.subarray(0, at);
    switch (Math.floor(rand() * 6)) {
      case 0:
        if (at < bytes.length) bytes[at] = Math.floor(rand() * 256);
        break;
      case 1:
        if (at < bytes.length) bytes[at] = INTERESTING[Math.floor(rand() * INTERESTING.length)];
        break;
      case 2:
        bytes = Buffer.concat([head, bytes.subarray(at + 1 + Math.floor(rand() * 8))]);
        break;
      case 3:
        bytes = Buffer.concat([head, randomBytes(1 + Math.floor(rand() * 8), rand), bytes.subarray(at)]);
        break;
      case 4: {
        const from = Math.floor(rand() * bytes.length);
        const copy = bytes.subarray(from, from + Math.floor(rand() * 64));
        bytes = Buffer.concat([head, copy, bytes.subarray(at)]);
        break;
      }
      case 5:
        bytes = bytes.subarray(0, at);
        break;
    }
  }
  return bytes;
}

function feed(data: Uint8Array, rand: () => number): void {
  const dec = new GobDecoder();
  let pos = 0;
  let values = 0;
  while (pos < data.length) {
    const n = rand() < 0.3 ? 1 + Math.floor(rand() * 16) : data.length - pos;
    dec.push(data.subarray(pos, pos + n));
    pos += n;
    try {
      while (dec.next()) values++;
    } catch (e) {
      if (!(e instanceof GobError)) throw e;
      expect(() => dec.next()).toThrow(GobError); // the failure sticks
      return;
    }
  }
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
      throw new Error(`fuzz iteration ${i} (FUZZ_SEED=${SEED}) failed: ${(e as Error).stack}`);
    }
    console.log(`gob decoder fuzz: ${i} iterations, seed ${SEED}`);
  }, 600_000);
});
