// The gateway device identity lives in the plugin KV store, so every node of a Mattermost
// cluster presents the same device and a restart never triggers a new pairing.
import { StoredDeviceSchema, type DeviceStore, type StoredDevice } from '../../gateway';
import type { PluginAPI } from '../../mattermost/plugin';

export const DEVICE_KEY = 'gateway-device';

/** The KV calls the store makes (narrow, so tests can fake them). */
export type DeviceKv = Pick<PluginAPI, 'kvGet' | 'kvSet' | 'kvDelete'>;

export class KvDeviceStore implements DeviceStore {
  constructor(private readonly api: DeviceKv) {}

  async load(): Promise<StoredDevice | undefined> {
    const bytes = await this.api.kvGet(DEVICE_KEY);
    if (!bytes) return undefined;
    try {
      const parsed = StoredDeviceSchema.safeParse(JSON.parse(Buffer.from(bytes).toString('utf8')));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined; // unreadable record: a fresh identity is paired instead
    }
  }

  save(device: StoredDevice): Promise<void> {
    return this.api.kvSet(DEVICE_KEY, JSON.stringify(device));
  }

  clear(): Promise<void> {
    return this.api.kvDelete(DEVICE_KEY);
  }
}
