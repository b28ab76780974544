// Holds the device identity and tokens in memory for the gateway client, whose hooks are
// synchronous, and writes every change through to the async DeviceStore.
import { createDeviceKeys, keysAreConsistent } from './device-identity';
import { type DeviceStore, type DeviceToken, type StoredDevice, StoredDeviceSchema } from './device-store';
import type { GatewayLogger } from './logger';

export class DeviceVault {
  private device: StoredDevice | undefined;
  private pending: Promise<void> = Promise.resolve();

  constructor(private readonly store: DeviceStore, private readonly log: GatewayLogger) {}

  /** Loads the stored device or creates one on first use. */
  async ensure(): Promise<StoredDevice> {
    if (this.device) return this.device;
    const loaded = await this.loadValid();
    if (loaded) return (this.device = loaded);
    const keys = createDeviceKeys();
    const fresh: StoredDevice = { version: 1, ...keys, createdAtMs: Date.now(), tokens: {} };
    await this.store.save(fresh);
    // Two cluster nodes may create a device at the same moment; re-reading lets both
    // converge on whichever write the store kept.
    const winner = (await this.loadValid()) ?? fresh;
    this.log.info('gateway device identity created', { deviceId: winner.deviceId });
    return (this.device = winner);
  }

  current(): StoredDevice | undefined {
    return this.device;
  }

  tokenFor(role: string): DeviceToken | undefined {
    return this.device?.tokens[role];
  }

  storeToken(token: DeviceToken): void {
    if (!this.device) return;
    const prev = this.device.tokens[token.role];
    if (prev && prev.token === token.token && prev.scopes.join() === token.scopes.join()) return;
    this.device = { ...this.device, tokens: { ...this.device.tokens, [token.role]: token } };
    this.log.info('gateway device token stored', { deviceId: this.device.deviceId, role: token.role, scopes: token.scopes.join(' ') });
    this.persist();
  }

  clearToken(role: string): void {
    if (!this.device?.tokens[role]) return;
    const rest = { ...this.device.tokens };
    delete rest[role];
    this.device = { ...this.device, tokens: rest };
    this.log.info('gateway device token cleared', { deviceId: this.device.deviceId, role });
    this.persist();
  }

  /** Forgets identity and tokens here and in the store; the next ensure() makes a new device. */
  async reset(): Promise<void> {
    await this.pending;
    const old = this.device?.deviceId;
    this.device = undefined;
    await this.store.clear();
    this.log.info('gateway device identity reset', { deviceId: old });
  }

  /** Resolves when every write so far has reached the store (tests, shutdown). */
  flushed(): Promise<void> {
    return this.pending;
  }

  private persist(): void {
    const snapshot = this.device;
    if (!snapshot) return;
    this.pending = this.pending
      .then(() => this.store.save(snapshot))
      .catch((err: unknown) => this.log.error('gateway device store write failed', { error: errorName(err) }));
  }

  private async loadValid(): Promise<StoredDevice | undefined> {
    const raw = await this.store.load();
    if (raw === undefined) return undefined;
    const parsed = StoredDeviceSchema.safeParse(raw);
    if (parsed.success && keysAreConsistent(parsed.data)) return parsed.data;
    this.log.warn('stored gateway device identity is unreadable; a new one will be created and must be paired again');
    return undefined;
  }
}

// Store errors may quote the value being written; only the error's kind is safe to log.
function errorName(err: unknown): string {
  return err instanceof Error ? `${err.name}${'code' in err ? ` ${String(err.code)}` : ''}` : typeof err;
}
