import { duplexPair } from 'node:stream';
import { t } from '../gob';
import { RpcClient, RpcError } from './client';
import { RpcServer } from './server';
import { EmptyStructType } from './frames';
import { until } from '../../testing/until';

const EchoArgs = t.struct('EchoArgs', () => [['A', t.string], ['B', t.int]]);
const EchoReply = t.struct('EchoReply', () => [['Text', t.string], ['N', t.int]]);

function pair(methods: ConstructorParameters<typeof RpcServer>[1]) {
  const [a, b] = duplexPair();
  new RpcServer(a, methods);
  return { client: new RpcClient(b), a, b };
}

describe('net/rpc over gob', () => {
  test('calls return their own replies even when answered out of order', async () => {
    const { client } = pair({
      'Svc.Echo': {
        reply: EchoReply,
        handle: async (args) => {
          const { A, B } = args as { A: string; B: number };
          await new Promise((r) => setTimeout(r, B));
          return { Text: A, N: B };
        },
      },
    });
    const calls = [30, 1, 15, 0].map((delay, i) => client.call('Svc.Echo', EchoArgs, { A: `call-${i}`, B: delay }));
    const replies = await Promise.all(calls);
    expect(replies).toEqual([
      { Text: 'call-0', N: 30 },
      { Text: 'call-1', N: 1 },
      { Text: 'call-2', N: 15 },
      { Text: 'call-3' },
    ]);
  });

  test('unknown methods and services get Go\'s exact error text, and the stream keeps working', async () => {
    const { client } = pair({ 'Svc.Ok': { reply: EmptyStructType, handle: () => ({}) } });
    await expect(client.call('Svc.Missing', t.string, 'x')).rejects.toThrow("rpc: can't find method Svc.Missing");
    await expect(client.call('Other.Missing', t.string, 'x')).rejects.toThrow("rpc: can't find service Other.Missing");
    await expect(client.call('Svc.Ok', EmptyStructType, {})).resolves.toEqual({});
  });

  test('a handler error becomes the response Error with an empty body; later calls still decode', async () => {
    const { client } = pair({
      'Svc.Fail': { reply: t.string, handle: () => { throw new Error('boom'); } },
      'Svc.Str': { reply: t.string, handle: () => 'fine' },
    });
    const failure = client.call('Svc.Fail', t.bool, true);
    await expect(failure).rejects.toBeInstanceOf(RpcError);
    await expect(failure).rejects.toThrow('boom');
    await expect(client.call('Svc.Str', t.bool, true)).resolves.toBe('fine');
  });

  test('pending calls fail with "connection is shut down" when the stream closes', async () => {
    let reached = false;
    const { client, a } = pair({ 'Svc.Never': { reply: t.string, handle: () => { reached = true; return new Promise(() => undefined); } } });
    const pending = client.call('Svc.Never', t.bool, true);
    await until(() => reached, 'the server is handling the call'); // so it is truly in flight
    a.destroy();
    await expect(pending).rejects.toThrow('connection is shut down');
    await expect(client.call('Svc.Never', t.bool, true)).rejects.toThrow('connection is shut down');
  });
});

describe('replies that cannot be encoded', () => {
  test('become error replies, and the stream stays decodable for later calls', async () => {
    const Reply = t.struct('Reply', () => [['When', t.int]]);
    const { client } = pair({
      'Svc.Bad': { reply: Reply, handle: () => ({ When: 'not a number' }) },
      'Svc.Good': { reply: Reply, handle: () => ({ When: 42 }) },
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- a handler may throw anything; null is the hardest case to report
      'Svc.Null': { reply: Reply, handle: () => { throw null; } },
    });
    await expect(client.call('Svc.Bad', t.bool, true)).rejects.toThrow('plugin could not encode the reply to Svc.Bad');
    await expect(client.call('Svc.Good', t.bool, true)).resolves.toEqual({ When: 42 });
    await expect(client.call('Svc.Null', t.bool, true)).rejects.toThrow('null');
  });
});
