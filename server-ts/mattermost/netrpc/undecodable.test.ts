// A request or reply whose body is framed correctly but cannot be decoded fails only its own
// call; the stream goes on. Bodies that may hold interfaces, and headers, still end it (see
// GobDecoder.skipIfSafe and the server/client read loops).
import { duplexPair, type Duplex } from 'node:stream';
import { GobDecoder, GobEncoder, t, type GobValue } from '../gob';
import { RpcClient } from './client';
import { RequestHeaderType, ResponseHeaderType } from './frames';
import { RpcServer } from './server';

const EchoArgs = t.struct('EchoArgs', () => [['A', t.string], ['B', t.int]]);
const PropsArgs = t.struct('PropsArgs', () => [['A', t.string], ['P', t.map(t.string, t.interface)]]);

// The messages encode() returned, the value's (the last) with its first field delta replaced
// by one beyond the struct's fields: framed correctly, undecodable.
function corrupt(messages: Uint8Array[]): Buffer {
  const m = Buffer.from(messages[messages.length - 1]);
  // [length][type id (2 bytes for ids >= 64)][first field delta]...
  expect(m[3]).toBe(1);
  m[3] = 9;
  return Buffer.concat([...messages.slice(0, -1), m]);
}

// Collects whatever the peer writes, decoded, until `count` values have arrived.
function collect(stream: Duplex, count: number): Promise<GobValue[]> {
  const dec = new GobDecoder();
  const got: GobValue[] = [];
  return new Promise((resolve, reject) => {
    stream.on('data', (chunk: Buffer) => {
      dec.push(chunk);
      try {
        for (let r = dec.next(); r; r = dec.next()) got.push(r.value);
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
      if (got.length >= count) resolve(got);
    });
  });
}

// Resolves when the server has torn the stream down (our side sees it end).
function closed(stream: Duplex): Promise<void> {
  stream.resume();
  return new Promise((resolve) => {
    stream.on('end', resolve);
    stream.on('close', resolve);
  });
}

describe('net/rpc server: undecodable arguments', () => {
  function serve() {
    const [ours, theirs] = duplexPair();
    const faults: string[] = [];
    const broken: string[] = [];
    new RpcServer(
      ours,
      {
        'Svc.Echo': { reply: t.string, handle: (a) => `echo ${(a as { A: string }).A}` },
        'Svc.Props': { reply: t.string, handle: () => 'props' },
      },
      (err) => faults.push(err.message),
      (err) => broken.push(err.message),
    );
    return { theirs, faults, broken, enc: new GobEncoder() };
  }

  test('get an error reply with their own Seq, and the next request on the stream is answered', async () => {
    const { theirs, faults, broken, enc } = serve();
    const replies = collect(theirs, 6);
    theirs.write(Buffer.concat([
      ...enc.encode(RequestHeaderType, { ServiceMethod: 'Svc.Echo', Seq: 0 }), ...enc.encode(EchoArgs, { A: 'zero', B: 1 }),
      ...enc.encode(RequestHeaderType, { ServiceMethod: 'Svc.Echo', Seq: 1 }), corrupt(enc.encode(EchoArgs, { A: 'one', B: 1 })),
      ...enc.encode(RequestHeaderType, { ServiceMethod: 'Svc.Echo', Seq: 2 }), ...enc.encode(EchoArgs, { A: 'two', B: 2 }),
    ]));
    const got = await replies;
    const bySeq = new Map<unknown, [GobValue, GobValue]>();
    for (let i = 0; i < got.length; i += 2) bySeq.set((got[i] as { Seq?: number }).Seq ?? 0, [got[i], got[i + 1]]);
    expect(bySeq.get(0)).toEqual([{ ServiceMethod: 'Svc.Echo' }, 'echo zero']);
    expect(bySeq.get(1)).toEqual([{ ServiceMethod: 'Svc.Echo', Seq: 1, Error: 'gob: bad data: field numbers out of bounds' }, {}]);
    expect(bySeq.get(2)).toEqual([{ ServiceMethod: 'Svc.Echo', Seq: 2 }, 'echo two']);
    expect(faults).toEqual(['could not decode the arguments of Svc.Echo: gob: bad data: field numbers out of bounds']);
    expect(broken).toEqual([]);
  });

  test('for an unknown method, the lookup error wins, as in Go', async () => {
    const { theirs, enc } = serve();
    const replies = collect(theirs, 2);
    theirs.write(Buffer.concat([
      ...enc.encode(RequestHeaderType, { ServiceMethod: 'Svc.Nope', Seq: 7 }), corrupt(enc.encode(EchoArgs, { A: 'x', B: 1 })),
    ]));
    expect((await replies)[0]).toEqual({ ServiceMethod: 'Svc.Nope', Seq: 7, Error: "rpc: can't find method Svc.Nope" });
  });

  test('arguments that may hold interfaces end the stream: what they defined and where they end is unknown', async () => {
    const { theirs, faults, broken, enc } = serve();
    const gone = closed(theirs);
    theirs.write(Buffer.concat([
      ...enc.encode(RequestHeaderType, { ServiceMethod: 'Svc.Props', Seq: 0 }), corrupt(enc.encode(PropsArgs, { A: 'a', P: {} })),
    ]));
    await gone;
    expect(faults).toEqual(['connection closed: gob: bad data: field numbers out of bounds']);
    expect(broken).toEqual(faults); // the owner hears it (the hooks stream's owner restarts the plugin)
  });

  test('a header that is not a struct ends the stream (there is no Seq to answer)', async () => {
    const { theirs, enc } = serve();
    const gone = closed(theirs);
    theirs.write(Buffer.concat(enc.encode(t.string, 'not a header')));
    await gone;
  });
});

describe('net/rpc client: undecodable reply bodies', () => {
  test('reject only their own call; later replies on the stream still resolve', async () => {
    const [ours, theirs] = duplexPair();
    const client = new RpcClient(ours);
    const requests = collect(theirs, 4);
    const first = client.call('Svc.Echo', t.string, 'a');
    const second = client.call('Svc.Echo', t.string, 'b');
    await requests;
    const enc = new GobEncoder();
    theirs.write(Buffer.concat([
      ...enc.encode(ResponseHeaderType, { ServiceMethod: 'Svc.Echo', Seq: 0 }), corrupt(enc.encode(EchoArgs, { A: 'x', B: 1 })),
      ...enc.encode(ResponseHeaderType, { ServiceMethod: 'Svc.Echo', Seq: 1 }), ...enc.encode(EchoArgs, { A: 'fine', B: 2 }),
    ]));
    await expect(first).rejects.toThrow('reading body gob: bad data: field numbers out of bounds');
    await expect(second).resolves.toEqual({ A: 'fine', B: 2 });
    // The error body of an error reply may itself be undecodable: the call gets the error.
    const third = client.call('Svc.Echo', t.string, 'c');
    theirs.write(Buffer.concat([
      ...enc.encode(ResponseHeaderType, { ServiceMethod: 'Svc.Echo', Seq: 2, Error: 'boom' }), corrupt(enc.encode(EchoArgs, { A: 'x', B: 1 })),
    ]));
    await expect(third).rejects.toThrow('boom');
  });
});
