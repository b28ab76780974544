// The typed API client against a fake host speaking the same net/rpc + gob wire.
import { duplexPair } from 'node:stream';
import { t, GobInterface, type GobValue } from '../gob';
import { RpcServer, type RpcMethods } from '../netrpc/server';
import { RpcClient } from '../netrpc/client';
import { AppErrorType, ErrorStringType, AppError } from '../model/app-error';
import { ApiTransport } from './api-transport';
import { PluginAPI } from './api';

function apiWith(methods: RpcMethods) {
  const [host, plugin] = duplexPair();
  new RpcServer(host, methods);
  const transport = new ApiTransport();
  transport.attach(new RpcClient(plugin));
  return new PluginAPI(transport);
}

const Returns2 = (a: ReturnType<typeof t.struct> | typeof t.bytes) => t.struct('R', () => [['A', a], ['B', AppErrorType]]);

describe('PluginAPI', () => {
  test('calls Plugin.<Method> with positional A, B, C args', async () => {
    const seen: GobValue[] = [];
    const api = apiWith({
      'Plugin.KVSetWithOptions': { reply: t.struct('R', () => [['A', t.bool]]), handle: (args) => { seen.push(args); return { A: true }; } },
    });
    await expect(api.kvSetWithOptions('k', new Uint8Array([1, 2]), { Atomic: true, ExpireInSeconds: 60 })).resolves.toBe(true);
    expect(seen[0]).toMatchObject({ A: 'k', B: new Uint8Array([1, 2]), C: { Atomic: true, ExpireInSeconds: 60 } });
  });

  test('KVGet returns the bytes, or undefined for a missing key', async () => {
    const api = apiWith({
      'Plugin.KVGet': { reply: Returns2(t.bytes), handle: (args) => ((args as { A: string }).A === 'there' ? { A: new Uint8Array([7]) } : {}) },
    });
    await expect(api.kvGet('there')).resolves.toEqual(new Uint8Array([7]));
    await expect(api.kvGet('missing')).resolves.toBeUndefined();
  });

  test('a *model.AppError result is thrown as a typed AppError', async () => {
    const api = apiWith({
      'Plugin.GetUser': {
        reply: t.struct('R', () => [['A', t.struct('User', () => [['Id', t.string]])], ['B', AppErrorType]]),
        handle: () => ({ B: { Id: 'app.user.missing.app_error', Message: 'user not found', StatusCode: 404 } }),
      },
    });
    const err = await api.getUser('nobody').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ id: 'app.user.missing.app_error', statusCode: 404, message: 'user not found' });
  });

  test('a plain Go error inside the error interface is thrown with its text', async () => {
    const api = apiWith({
      'Plugin.EnsureBotUser': {
        reply: t.struct('R', () => [['A', t.string], ['B', t.interface]]),
        handle: () => ({ B: new GobInterface('*plugin.ErrorString', { Err: 'bot name taken' }, ErrorStringType) }),
      },
    });
    await expect(api.ensureBotUser({ Username: 'openclaw' })).rejects.toThrow('bot name taken');
  });

  test('LoadPluginConfiguration parses the JSON the server returns', async () => {
    const api = apiWith({
      'Plugin.LoadPluginConfiguration': { reply: t.struct('R', () => [['A', t.bytes]]), handle: () => ({ A: Buffer.from('{"GatewayURL":"wss://x"}') }) },
    });
    await expect(api.loadPluginConfiguration()).resolves.toEqual({ GatewayURL: 'wss://x' });
  });

  test('calling before activation fails clearly instead of hanging', async () => {
    const api = new PluginAPI(new ApiTransport());
    await expect(api.getServerVersion()).rejects.toThrow('Mattermost API called before activation: GetServerVersion');
  });
});
