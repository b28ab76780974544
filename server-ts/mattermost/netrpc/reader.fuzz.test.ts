// The net/rpc readers (server side: request header + args; client side: response header +
// body) fed random and mutated streams must fail the stream cleanly — never hang, never
// throw out of the event loop, never answer garbage with a crash.
import { duplexPair, type Duplex } from 'node:stream';
import { GobEncoder, t } from '../gob';
import { RpcServer } from './server';
import { RpcClient } from './client';
import { RequestHeaderType, ResponseHeaderType } from './frames';
import { FUZZ_ITERATIONS, FUZZ_SEED, mutate, randomBytes, rng } from '../../../test/unit/fuzz/mutation';

const ArgsType = t.struct('Z_Args', () => [['A', t.string], ['B', t.map(t.string, t.interface)]]);

function validRequests(): Uint8Array {
  const enc = new GobEncoder();
  const parts: Uint8Array[] = [];
  for (let seq = 0; seq < 3; seq++) {
    parts.push(...enc.encode(RequestHeaderType, { ServiceMethod: 'Plugin.Echo', Seq: seq }));
    parts.push(...enc.encode(ArgsType, { A: `call ${seq}`, B: { n: seq, s: 'x', list: [1, 'two'] } }));
  }
  return Buffer.concat(parts);
}

function validResponses(): Uint8Array {
  const enc = new GobEncoder();
  return Buffer.concat([
    ...enc.encode(ResponseHeaderType, { ServiceMethod: 'Plugin.Echo', Seq: 0 }),
    ...enc.encode(t.string, 'reply'),
    ...enc.encode(ResponseHeaderType, { ServiceMethod: 'Plugin.Echo', Seq: 1, Error: 'boom' }),
    ...enc.encode(t.struct('Empty', () => []), {}),
  ]);
}

/** Writes the input in random chunks, then ends; resolves when the peer side has closed. */
async function feed(data: Uint8Array, into: Duplex, rand: () => number): Promise<void> {
  let pos = 0;
  while (pos < data.length) {
    const n = rand() < 0.3 ? 1 + Math.floor(rand() * 16) : data.length - pos;
    into.write(data.subarray(pos, pos + n));
    pos += n;
  }
  into.end();
  await new Promise((r) => setImmediate(r));
}

describe('net/rpc reader fuzz', () => {
  it(`server and client readers survive ${FUZZ_ITERATIONS} random and mutated streams (seed ${FUZZ_SEED})`, async () => {
    const rand = rng(FUZZ_SEED);
    const requests = validRequests();
    const responses = validResponses();
    let handled = 0;
    let i = 0;
    try {
      for (; i < FUZZ_ITERATIONS; i++) {
        const [ours, theirs] = duplexPair();
        theirs.on('error', () => undefined);
        theirs.resume(); // drain whatever we answer
        const asServer = rand() < 0.5;
        if (asServer) new RpcServer(ours, { 'Plugin.Echo': { reply: t.string, handle: () => { handled++; return 'ok'; } } });
        const client = asServer ? undefined : new RpcClient(ours);
        const pending = client?.call('Plugin.Echo', t.string, 'x').catch((e: Error) => e);
        const data = rand() < 0.15 ? randomBytes(Math.floor(rand() * 64), rand) : mutate(asServer ? requests : responses, rand);
        await feed(data, theirs, rand);
        if (pending) {
          // Ending the stream must settle the call: a reply, or "connection is shut down".
          const settled = await Promise.race([pending.then(() => true), new Promise((r) => setTimeout(() => r(false), 1000))]);
          expect(settled).toBe(true);
        }
        ours.destroy();
      }
    } catch (e) {
      throw new Error(`fuzz iteration ${i} (FUZZ_SEED=${FUZZ_SEED}) failed: ${(e as Error).stack}`, { cause: e });
    }
    console.log(`net/rpc reader fuzz: ${i} iterations, seed ${FUZZ_SEED}, ${handled} requests dispatched`);
  }, 600_000);
});
