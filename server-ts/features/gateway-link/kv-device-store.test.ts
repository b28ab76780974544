import type { StoredDevice } from '../../gateway';
import { FakeKvApi } from '../../testing/fake-plugin-api';
import { DEVICE_KEY, KvDeviceStore } from './kv-device-store';

const device: StoredDevice = {
  version: 1,
  deviceId: 'ab'.repeat(32),
  publicKeyPem: '-----BEGIN PUBLIC KEY-----\nMCow\n-----END PUBLIC KEY-----\n',
  privateKeyPem: '-----BEGIN PRIVATE KEY-----\nMC4C\n-----END PRIVATE KEY-----\n',
  createdAtMs: 1_700_000_000_000,
  tokens: { operator: { token: 'device-token', role: 'operator', scopes: ['operator.read'], issuedAtMs: 1_700_000_000_500 } },
};

test('a saved device loads back equal, from the bytes Mattermost keeps under one key', async () => {
  const kv = new FakeKvApi();
  await new KvDeviceStore(kv).save(device);
  expect([...kv.data.keys()]).toEqual([DEVICE_KEY]);
  // A fresh store (another cluster node, or after a restart) sees the same identity.
  expect(await new KvDeviceStore(kv).load()).toEqual(device);
});

test('nothing stored yet loads as no device', async () => {
  expect(await new KvDeviceStore(new FakeKvApi()).load()).toBeUndefined();
});

test.each([
  ['not JSON', '{"version":1,'],
  ['another schema version', JSON.stringify({ ...device, version: 2 })],
  ['a malformed device id', JSON.stringify({ ...device, deviceId: 'not-hex' })],
])('an unreadable record (%s) loads as no device, so a fresh identity is paired', async (_what, text) => {
  const kv = new FakeKvApi();
  kv.data.set(DEVICE_KEY, Buffer.from(text, 'utf8'));
  expect(await new KvDeviceStore(kv).load()).toBeUndefined();
});

test('clear removes the record', async () => {
  const kv = new FakeKvApi();
  const store = new KvDeviceStore(kv);
  await store.save(device);
  await store.clear();
  expect(kv.data.has(DEVICE_KEY)).toBe(false);
  expect(await store.load()).toBeUndefined();
});
