// Fuzz: random and mutated byte streams into the frame reader and a live
// session. Every input must be consumed or end in a YamuxProtocolError — no
// other exception, no hang, no uncaught stream error.
// FUZZ_ITERATIONS (default 3000) and FUZZ_SEED make runs repeatable.

import { duplexPair } from 'node:stream';
import { inspect } from 'node:util';
import { Flag, FrameType, GoAwayCode } from './constants';
import { YamuxProtocolError } from './errors';
import { encodeHeader } from './frame';
import { FrameReader } from './frame-reader';
import { YamuxSession } from './session';

const ITERATIONS = Number(process.env.FUZZ_ITERATIONS ?? 3000);
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const MAX_DATA = 64 * 1024;

/** mulberry32: tiny, seedable, good enough to drive mutations. */
function prng(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % n) >>> 0;
  };
}

type Rand = ReturnType<typeof prng>;

/** A plausible host byte stream: opens, data, window updates, pings, FIN/RST, go-away. */
function validStream(r: Rand): Buffer {
  const parts: Buffer[] = [];
  const ids = [1];
  for (let i = 0, n = 1 + r(30); i < n; i++) {
    const id = ids[r(ids.length)];
    switch (r(8)) {
      case 0: {
        const next = ids[ids.length - 1] + 2;
        ids.push(next);
        parts.push(encodeHeader(FrameType.WindowUpdate, Flag.SYN, next, 0));
        break;
      }
      case 1:
      case 2: {
        const body = Buffer.alloc(r(1500), r(256));
        parts.push(encodeHeader(FrameType.Data, r(4) === 0 ? Flag.SYN : 0, id, body.length), body);
        break;
      }
      case 3:
        parts.push(encodeHeader(FrameType.WindowUpdate, 0, id, r(1 << 20)));
        break;
      case 4:
        parts.push(encodeHeader(FrameType.Ping, r(2) ? Flag.SYN : Flag.ACK, 0, r(2 ** 31)));
        break;
      case 5:
        parts.push(encodeHeader(r(2) ? FrameType.Data : FrameType.WindowUpdate, Flag.FIN, id, 0));
        break;
      case 6:
        parts.push(encodeHeader(FrameType.WindowUpdate, Flag.RST, id, 0));
        break;
      default:
        parts.push(encodeHeader(FrameType.GoAway, 0, 0, r(10) === 0 ? r(4) : GoAwayCode.Normal));
    }
  }
  return Buffer.concat([encodeHeader(FrameType.WindowUpdate, Flag.SYN, 1, 0), ...parts]);
}

function mutate(r: Rand, input: Buffer): Buffer {
  let buf = Buffer.from(input);
  for (let i = 0, n = r(4); i < n && buf.length > 0; i++) {
    const at = r(buf.length);
    switch (r(4)) {
      case 0:
        buf[at] ^= 1 << r(8);
        break;
      case 1:
        buf[at] = r(256);
        break;
      case 2:
        buf = Buffer.concat([buf.subarray(0, at), buf.subarray(at + 1 + r(16))]);
        break;
      default:
        buf = Buffer.concat([buf.subarray(0, at), Buffer.from([r(256), r(256)]), buf.subarray(at)]);
    }
  }
  return buf;
}

function randomInput(r: Rand): Buffer {
  switch (r(3)) {
    case 0: {
      const b = Buffer.alloc(r(200));
      for (let i = 0; i < b.length; i++) b[i] = r(256);
      return b;
    }
    case 1:
      return validStream(r);
    default:
      return mutate(r, validStream(r));
  }
}

/** Split into random chunk sizes (often 1 byte) to exercise reassembly. */
function* chunks(r: Rand, buf: Buffer): Generator<Buffer> {
  let off = 0;
  while (off < buf.length) {
    const n = r(3) === 0 ? 1 : 1 + r(buf.length - off);
    yield buf.subarray(off, off + n);
    off += n;
  }
}

describe('yamux fuzz', () => {
  afterAll(() => {
    console.log(`yamux fuzz: seed ${SEED}, ${ITERATIONS} reader iterations, ${sessionIterations} session iterations`);
  });
  const sessionIterations = Math.max(50, Math.floor(ITERATIONS / 20));

  it('frame reader: consumes or raises YamuxProtocolError only', () => {
    const r = prng(SEED);
    let failures = 0;
    for (let i = 0; i < ITERATIONS; i++) {
      const input = randomInput(r);
      const reader = new FrameReader((h, p) => {
        if (h.type === FrameType.Data && (p?.length ?? 0) !== h.length) throw new Error('payload length mismatch');
      }, MAX_DATA);
      try {
        for (const c of chunks(r, input)) reader.push(c);
        reader.finish();
      } catch (err) {
        if (!(err instanceof YamuxProtocolError)) throw new Error(`iteration ${i}: unexpected ${String(err)}`, { cause: err });
        failures++;
        // Once failed, it stays failed with the same error type.
        try {
          reader.push(Buffer.alloc(1));
          throw new Error(`iteration ${i}: reader accepted input after failing`, { cause: err });
        } catch (again) {
          if (!(again instanceof YamuxProtocolError)) throw again;
        }
      }
    }
    expect(failures).toBeGreaterThan(0);
  });

  it('session: mutated host traffic ends cleanly or with a protocol error, never hangs', async () => {
    const r = prng(SEED ^ 0x5eed);
    for (let i = 0; i < sessionIterations; i++) {
      const [ours, theirs] = duplexPair();
      theirs.resume(); // play a host that always reads
      const session = new YamuxSession(ours);
      // Accept some streams and consume them; leave others unaccepted on purpose.
      void (async () => {
        for (;;) {
          const s = await session.accept().catch(() => undefined);
          if (!s) return;
          if (r(2)) continue;
          s.on('error', () => undefined);
          s.resume();
          if (r(2)) s.end('reply');
        }
      })();
      for (const c of chunks(r, randomInput(r))) theirs.write(c);
      theirs.end();
      let timer: NodeJS.Timeout | undefined;
      const outcome = await Promise.race([
        session.closed,
        new Promise((resolve) => (timer = setTimeout(() => resolve('hang'), 2000))),
      ]);
      clearTimeout(timer);
      if (outcome === 'hang') throw new Error(`session iteration ${i} hung (seed ${SEED})`);
      if (outcome !== undefined && !(outcome instanceof YamuxProtocolError)) {
        throw new Error(`session iteration ${i}: unexpected ${inspect(outcome)}`);
      }
      expect(session.streamCount).toBe(0);
    }
  }, 120_000);
});
