// Shared by every fuzz test: a replayable PRNG, random bytes, and byte-level mutations of
// valid inputs (flip, interesting values, delete, insert, duplicate, truncate).
export const FUZZ_ITERATIONS = Number(process.env.FUZZ_ITERATIONS ?? 3000);
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);

// Small deterministic PRNG (mulberry32) so a failing seed can be replayed.
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), a | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const INTERESTING = [0x00, 0x01, 0x7f, 0x80, 0x81, 0xf8, 0xf9, 0xfc, 0xfe, 0xff, 0x40];

export function randomBytes(n: number, rand: () => number): Uint8Array {
  return Uint8Array.from({ length: n }, () => Math.floor(rand() * 256));
}

// Buffer slicing rather than array copies: the larger vectors are tens of kilobytes.
export function mutate(input: Uint8Array, rand: () => number): Uint8Array {
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

