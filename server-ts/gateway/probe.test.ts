import type { GatewayClientOptions } from '@openclaw/gateway-client';
import type { ClientFactory } from './client-port';
import { MemoryDeviceStore, type StoredDevice } from './device-store';
import { createDeviceKeys } from './device-identity';
import { probeGateway } from './probe';
import { parseGatewaySettings } from './settings';
import { HELLO } from './testing/fake-gateway';

const settings = (() => {
  const r = parseGatewaySettings({ gatewayUrl: 'ws://127.0.0.1:18789', gatewayToken: 'shared-secret-token' });
  if (!r.ok) throw new Error(r.message);
  return r.settings;
})();

const paired = (): StoredDevice => ({
  version: 1, ...createDeviceKeys(), createdAtMs: 1,
  tokens: { operator: { token: 'live-device-token', role: 'operator', scopes: ['operator.read', 'operator.write', 'operator.approvals', 'operator.questions'] } },
});

/** Partial hello-ok frames on purpose (as fake-gateway.ts): the supervisor reads them defensively. */
const sendHello = (o: GatewayClientOptions): void => (o.onHelloOk as ((hello: unknown) => void) | undefined)?.({ ...HELLO });

/** A client factory whose gateway answers the first connect with `answer`. */
function gateway(answer: (opts: GatewayClientOptions) => void): { factory: ClientFactory; seen: GatewayClientOptions[]; stopped: number[] } {
  const seen: GatewayClientOptions[] = [];
  const stopped: number[] = [];
  const factory: ClientFactory = (opts) => {
    seen.push(opts);
    return {
      start: () => queueMicrotask(() => answer(opts)),
      stopAndWait: () => { stopped.push(seen.length); return Promise.resolve(); },
      request: () => Promise.reject(new Error('not used')),
    };
  };
  return { factory, seen, stopped };
}

test('connected: reports version and scopes; presents the identity and the shared secret, never the device token, and stores no token', async () => {
  const device = paired();
  const store = new MemoryDeviceStore(device);
  let presented: unknown = 'not asked';
  const gw = gateway((o) => {
    presented = o.hostDeps?.loadDeviceAuthToken?.({ deviceId: device.deviceId, role: 'operator' });
    o.hostDeps?.storeDeviceAuthToken?.({ deviceId: device.deviceId, role: 'operator', token: 'fresh-token', scopes: [] });
    sendHello(o);
  });
  const result = await probeGateway({ settings, displayName: 'Mattermost test', store, clientFactory: gw.factory });
  expect(result).toEqual({ outcome: 'connected', gatewayVersion: '2026.9.6', scopes: ['operator.read', 'operator.write'] });
  expect(gw.seen).toHaveLength(1);
  expect(gw.seen[0].token).toBe('shared-secret-token');
  expect(gw.seen[0].deviceIdentity?.deviceId).toBe(device.deviceId);
  expect(presented).toBeNull();
  expect(gw.stopped.length).toBeGreaterThan(0);
  expect(await store.load()).toEqual(device); // the live device and its token are untouched
});

test("refused: the gateway's reason in words, secret redacted; pairing-required names the command", async () => {
  const refused = gateway((o) => o.onConnectError?.(Object.assign(new Error('unauthorized shared-secret-token'), { details: { code: 'AUTH_TOKEN_MISMATCH' } })));
  const r1 = await probeGateway({ settings, displayName: 'x', store: new MemoryDeviceStore(paired()), clientFactory: refused.factory });
  expect(r1).toEqual({ outcome: 'refused', reason: expect.stringContaining('rejected the token') as string });
  expect(JSON.stringify(r1)).not.toContain('shared-secret-token');

  const pairing = gateway((o) => o.onConnectError?.(Object.assign(new Error('pairing required'), {
    gatewayCode: 'NOT_PAIRED', details: { code: 'PAIRING_REQUIRED', reason: 'not-paired', requestId: 'req-1' } })));
  expect(await probeGateway({ settings, displayName: 'x', store: new MemoryDeviceStore(), clientFactory: pairing.factory }))
    .toEqual({ outcome: 'pairing-required', requestId: 'req-1', approveCommand: 'openclaw devices approve req-1' });
  expect(pairing.seen).toHaveLength(1); // one attempt, no retry
});

test('a first identity is shared with the live store (one device per plugin), without tokens', async () => {
  const store = new MemoryDeviceStore();
  const gw = gateway(sendHello);
  await probeGateway({ settings, displayName: 'x', store, clientFactory: gw.factory });
  const saved = await store.load();
  expect(saved?.deviceId).toBe(gw.seen[0].deviceIdentity?.deviceId);
  expect(saved?.tokens).toEqual({});
});

test('no answer: a timeout in words', async () => {
  const silent = gateway(() => undefined);
  expect(await probeGateway({ settings, displayName: 'x', store: new MemoryDeviceStore(paired()), clientFactory: silent.factory, timeoutMs: 50 }))
    .toEqual({ outcome: 'timeout', reason: 'the gateway did not answer within 0 s' });
});
