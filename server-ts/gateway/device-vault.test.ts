import { signPayload, publicKeyBase64Url, deviceIdFor } from './device-identity';
import { MemoryDeviceStore } from './device-store';
import { DeviceVault } from './device-vault';
import { silentLogger } from './logger';
import { createPublicKey, verify } from 'node:crypto';

describe('DeviceVault', () => {
  it('creates a device once and reuses it from the store', async () => {
    const store = new MemoryDeviceStore();
    const a = await new DeviceVault(store, silentLogger).ensure();
    const b = await new DeviceVault(store, silentLogger).ensure();
    expect(b.deviceId).toBe(a.deviceId);
    expect(a.deviceId).toBe(deviceIdFor(a.publicKeyPem));
    expect(Buffer.from(publicKeyBase64Url(a.publicKeyPem), 'base64url')).toHaveLength(32);
    const sig = signPayload(a.privateKeyPem, 'v3|payload');
    expect(verify(null, Buffer.from('v3|payload'), createPublicKey(a.publicKeyPem), Buffer.from(sig, 'base64url'))).toBe(true);
  });

  it('persists tokens and forgets everything on reset', async () => {
    const store = new MemoryDeviceStore();
    const vault = new DeviceVault(store, silentLogger);
    const d = await vault.ensure();
    vault.storeToken({ role: 'operator', token: 'dt-1', scopes: ['operator.read'] });
    await vault.flushed();
    expect((await store.load())?.tokens.operator.token).toBe('dt-1');
    vault.clearToken('operator');
    await vault.flushed();
    expect((await store.load())?.tokens).toEqual({});
    await vault.reset();
    expect(await store.load()).toBeUndefined();
    expect((await vault.ensure()).deviceId).not.toBe(d.deviceId);
  });

  it('replaces a corrupt stored device', async () => {
    const store = new MemoryDeviceStore();
    const good = await new DeviceVault(store, silentLogger).ensure();
    await store.save({ ...good, privateKeyPem: 'garbage' });
    const again = await new DeviceVault(store, silentLogger).ensure();
    expect(again.deviceId).not.toBe(good.deviceId);
  });
});
