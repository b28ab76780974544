// Persistence boundary for the device identity and the device token the gateway issues
// after pairing. The host backs `DeviceStore` (the Mattermost feature uses the plugin KV
// store so every cluster node presents the same device); the schema guards what comes back.
import { z } from 'zod';

export const DeviceTokenSchema = z.object({
  token: z.string().min(1),
  role: z.string().min(1),
  scopes: z.array(z.string()),
  issuedAtMs: z.number().optional(),
});
export type DeviceToken = z.infer<typeof DeviceTokenSchema>;

export const StoredDeviceSchema = z.object({
  version: z.literal(1),
  deviceId: z.string().regex(/^[0-9a-f]{64}$/),
  publicKeyPem: z.string().min(1),
  privateKeyPem: z.string().min(1),
  createdAtMs: z.number(),
  /** Tokens by role; this plugin only ever uses `operator`. */
  tokens: z.record(z.string(), DeviceTokenSchema).default({}),
});
export type StoredDevice = z.infer<typeof StoredDeviceSchema>;

export interface DeviceStore {
  load(): Promise<StoredDevice | undefined>;
  save(device: StoredDevice): Promise<void>;
  clear(): Promise<void>;
}

/** In-process store for tests and single-node tools. */
export class MemoryDeviceStore implements DeviceStore {
  private value: StoredDevice | undefined;
  constructor(initial?: StoredDevice) {
    this.value = initial && structuredClone(initial);
  }
  async load() {
    return this.value && structuredClone(this.value);
  }
  async save(device: StoredDevice) {
    this.value = structuredClone(device);
  }
  async clear() {
    this.value = undefined;
  }
}
