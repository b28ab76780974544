import type { GatewayClientOptions } from '@openclaw/gateway-client';
import type { GatewayClientPort } from './client-port';
import { createDeviceKeys } from './device-identity';
import { MemoryDeviceStore } from './device-store';
import type { LinkState } from './state';
import { ConnectionSupervisor } from './supervisor';

const TOKEN = 'shared-secret-token-123';
const DEVICE_TOKEN = 'device-token-abcdefghijkl';

class FakeClient implements GatewayClientPort {
  started = false;
  stopped = false;
  constructor(readonly opts: GatewayClientOptions) {}
  start() { this.started = true; }
  async stopAndWait() { this.stopped = true; }
  async request<T>(): Promise<T> { return {} as T; }
}

function setup() {
  const clients: FakeClient[] = [];
  const lines: string[] = [];
  const log = (lvl: string) => (m: string, f?: object) => lines.push(`${lvl} ${m} ${JSON.stringify(f ?? {})}`);
  const store = new MemoryDeviceStore();
  const sup = new ConnectionSupervisor({
    settings: { url: 'ws://127.0.0.1:18789', auth: { kind: 'token', token: TOKEN }, agentId: 'main' },
    displayName: 'Mattermost https://chat.example.test', store,
    logger: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
    backoff: { initialMs: 5, maxMs: 20, pairingPollMs: 5 },
    clientFactory: (o) => { const c = new FakeClient(o); clients.push(c); return c; },
  });
  const states: LinkState[] = [];
  sup.onStateChange((s) => states.push(s));
  return { sup, clients, lines, states, store };
}

const until = async (cond: () => boolean, ms = 2000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met');
    await new Promise((r) => setTimeout(r, 2));
  }
};

const pairingError = (requestId: string) => Object.assign(new Error(`device pairing required (requestId: ${requestId})`), {
  gatewayCode: 'NOT_PAIRED', details: { code: 'PAIRING_REQUIRED', reason: 'not-paired', requestId } });

describe('ConnectionSupervisor', () => {
  it('goes connecting → pairing-required → connected, then reconnects with the device token', async () => {
    const { sup, clients, states, store } = setup();
    sup.start();
    await until(() => clients.length === 1);
    const first = clients[0];
    expect(first.opts).toMatchObject({ clientName: 'gateway-client', mode: 'backend', token: TOKEN, role: 'operator',
      clientDisplayName: 'Mattermost https://chat.example.test', caps: ['tool-events'],
      scopes: ['operator.read', 'operator.write', 'operator.approvals', 'operator.questions'] });
    first.opts.onConnectError?.(pairingError('req-1'));
    expect(sup.state).toMatchObject({ status: 'pairing-required', requestId: 'req-1', approveCommand: 'openclaw devices approve req-1' });
    expect(first.stopped).toBe(true);
    await until(() => clients.length === 2);
    // A late callback from the retired client is ignored.
    first.opts.onClose?.(1008, 'pairing required');
    const second = clients[1];
    second.opts.hostDeps?.storeDeviceAuthToken?.({ deviceId: 'x', role: 'operator', token: DEVICE_TOKEN, scopes: ['operator.read', 'operator.write', 'operator.approvals', 'operator.questions'] });
    second.opts.onHelloOk?.({ server: { version: '2026.9.6' }, auth: { scopes: ['operator.read'], method: 'token', role: 'operator' } } as never);
    expect(sup.state).toMatchObject({ status: 'connected', gatewayVersion: '2026.9.6', authMethod: 'token' });
    expect(states.map((s) => s.status)).toEqual(['connecting', 'pairing-required', 'connected']);

    second.opts.onClose?.(1012, 'service restart');
    expect(sup.state).toMatchObject({ status: 'error', retrying: true });
    await until(() => clients.length === 3);
    const third = clients[2];
    expect(third.opts.token).toBeUndefined();
    expect(third.opts.hostDeps?.loadDeviceAuthToken?.({ deviceId: 'x', role: 'operator' })).toMatchObject({ token: DEVICE_TOKEN });
    // A refused device token sends the next attempt back to the shared secret.
    third.opts.onConnectError?.(Object.assign(new Error('device token mismatch'), { details: { code: 'AUTH_DEVICE_TOKEN_MISMATCH' } }));
    await until(() => clients.length === 4);
    expect(clients[3].opts.token).toBe(TOKEN);
    await sup.stop();
    expect(sup.state.status).toBe('disabled');
    expect((await store.load())?.tokens.operator.token).toBe(DEVICE_TOKEN);
  });

  it('logs each state change once and never a secret', async () => {
    const { sup, clients, lines, store } = setup();
    sup.start();
    await until(() => clients.length === 1);
    const refused = () => Object.assign(new Error(`connect ECONNREFUSED, token=${TOKEN}`), { code: 'ECONNREFUSED' });
    for (let i = 0; i < 4; i += 1) {
      await until(() => clients.length === i + 1);
      clients[i].opts.hostDeps?.logError?.(`gateway connect failed: auth ${TOKEN}`);
      clients[i].opts.onConnectError?.(refused());
    }
    await until(() => clients.length === 5);
    clients[4].opts.hostDeps?.storeDeviceAuthToken?.({ deviceId: 'x', role: 'operator', token: DEVICE_TOKEN, scopes: [] });
    clients[4].opts.hostDeps?.logDebug?.(`hello with deviceToken ${DEVICE_TOKEN}`);
    clients[4].opts.onHelloOk?.({} as never);
    await sup.stop();
    const device = await store.load();
    const all = lines.join('\n');
    expect(lines.filter((l) => l.includes('connection refused'))).toHaveLength(1);
    for (const secret of [TOKEN, DEVICE_TOKEN, device!.privateKeyPem, device!.privateKeyPem.split('\n')[1]]) expect(all).not.toContain(secret);
    expect(JSON.stringify(sup.state)).not.toContain(TOKEN);
  });

  it('resetDevice creates a new identity and pairs again', async () => {
    const { sup, clients, store } = setup();
    sup.start();
    await until(() => clients.length === 1);
    const before = (await store.load())!.deviceId;
    await sup.resetDevice();
    await until(() => clients.length === 2);
    expect(clients[1].opts.deviceIdentity?.deviceId).not.toBe(before);
    expect(clients[1].opts.token).toBe(TOKEN);
    await sup.stop();
  });
});

describe('ConnectionSupervisor start/stop races', () => {
  it('stop + start while the first boot still loads the device gives one client, not two', async () => {
    const { sup, clients, store } = setup();
    // A stored device: each boot reads the store once, then connects without waiting on anything.
    await store.save({ version: 1, ...createDeviceKeys(), createdAtMs: 0, tokens: {} });
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const load = store.load.bind(store);
    let loadsDone = 0;
    store.load = async () => { await gate; const device = await load(); loadsDone++; return device; };
    sup.start();
    await sup.stop();
    sup.start();
    release();
    // Both boots, the stale one too, have read the device; one more turn lets them act on it.
    await until(() => loadsDone === 2 && clients.length > 0);
    await new Promise((r) => setImmediate(r));
    expect(clients.filter((c) => c.started && !c.stopped)).toHaveLength(1);
    await sup.stop();
  });
});

describe('ConnectionSupervisor stop during a device load', () => {
  it('a device-load failure that lands after stop() leaves the state disabled', async () => {
    const { sup, store, states, clients } = setup();
    let fail!: (err: Error) => void;
    const gate = new Promise<never>((_, reject) => { fail = reject; });
    store.load = () => gate;
    sup.start();
    await sup.stop();
    expect(sup.state.status).toBe('disabled');
    fail(new Error('kv store unavailable'));
    // The rejection reaches boot()'s catch through a few microtasks, all before the next macrotask.
    await new Promise((r) => setImmediate(r));
    expect(sup.state).toEqual({ status: 'disabled' });
    expect(states.map((s) => s.status)).toEqual(['connecting', 'disabled']);
    expect(clients).toHaveLength(0);
  });
});
