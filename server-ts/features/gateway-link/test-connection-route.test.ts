import { MemoryDeviceStore, type ProbeOptions, type ProbeResult } from '../../gateway';
import { fakeResponse } from '../../testing/fake-plugin-api';
import { consoleRequest } from '../admin/console-request.testing';
import { FAKE_SECRET, testConnectionRoute } from './test-connection-route';

const SAVED = { GatewayURL: 'ws://127.0.0.1:18789', GatewayToken: 'saved-secret-token', AgentId: 'main' };

function setup(result: ProbeResult) {
  const probed: ProbeOptions[] = [];
  const route = testConnectionRoute({
    api: { loadPluginConfiguration: () => Promise.resolve(SAVED) },
    store: new MemoryDeviceStore(), displayName: () => 'Mattermost test', clientVersion: '0.1.0',
    probe: (opts) => { probed.push(opts); return Promise.resolve(result); },
  });
  const post = async (body: unknown) => {
    const { res, answers } = fakeResponse();
    await route({}, consoleRequest('POST', '/api/v1/gateway/test', { userId: 'admin', body }), res);
    return answers[0];
  };
  return { probed, post };
}

test('the edited values are probed; the masked token stands for the saved one', async () => {
  const s = setup({ outcome: 'connected', gatewayVersion: '2026.11.1', scopes: ['operator.read'] });
  const answer = await s.post({ GatewayURL: 'ws://10.0.0.5:18789', GatewayToken: FAKE_SECRET });
  expect(s.probed[0].settings.url).toBe('ws://10.0.0.5:18789');
  expect(s.probed[0].settings.auth).toEqual({ kind: 'token', token: 'saved-secret-token' });
  expect(answer).toEqual({ code: 200, body: {
    ok: true, outcome: 'connected', gatewayVersion: '2026.11.1', scopes: ['operator.read'], message: 'Connected: OpenClaw 2026.11.1 accepted these settings.',
  } });
});

test("the gateway's refusal comes back in words, never with the secret in it", async () => {
  const s = setup({ outcome: 'refused', reason: 'Gateway login failed: token new-typed-token rejected' });
  const answer = await s.post({ GatewayURL: 'ws://127.0.0.1:18789', GatewayToken: 'new-typed-token' });
  expect(s.probed[0].settings.auth).toEqual({ kind: 'token', token: 'new-typed-token' });
  expect(answer.body).toEqual({ ok: false, outcome: 'refused', message: 'Gateway login failed: token [secret] rejected' });
  expect(JSON.stringify(answer.body)).not.toContain('new-typed-token');
});

test('pairing-required means the credentials were accepted; it names the approve command', async () => {
  const s = setup({ outcome: 'pairing-required', requestId: 'r1', approveCommand: 'openclaw devices approve r1' });
  expect((await s.post({ GatewayURL: 'ws://127.0.0.1:18789', GatewayToken: 'x-token' })).body).toMatchObject({
    ok: true, outcome: 'pairing-required', approveCommand: 'openclaw devices approve r1', message: expect.stringContaining('accepted') as string,
  });
});

test('invalid settings are answered without dialing; bad bodies are a 400', async () => {
  const s = setup({ outcome: 'connected', gatewayVersion: 'x', scopes: [] });
  const answer = await s.post({ GatewayURL: 'http://gw.example.com', GatewayToken: 'abcd-secret' });
  expect(answer.body).toMatchObject({ ok: false, outcome: 'invalid', message: expect.stringContaining('wss://') as string });
  expect(s.probed).toEqual([]);
  expect((await s.post({ GatewayURL: 5 })).code).toBe(400);
  expect((await s.post({ Unknown: 'x' })).code).toBe(400);
});
