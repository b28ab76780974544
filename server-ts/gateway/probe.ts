// One-shot connection check for settings that are not live yet ("Test connection" before
// saving): dial the gateway once with those settings, report how it answered, hang up. The
// live link is never touched: the probe has its own supervisor and a device store that never
// writes the live device's tokens. It presents this plugin's device identity (so a paired
// device stays paired and no stray pairing request appears) but never its device token, so
// the gateway judges the shared secret being tested, not the token it issued earlier.
import type { ClientFactory } from './client-port';
import type { DeviceStore, StoredDevice } from './device-store';
import type { GatewaySettings } from './settings';
import type { LinkState } from './state';
import { ConnectionSupervisor } from './supervisor';

export type ProbeResult =
  | { outcome: 'connected'; gatewayVersion: string; scopes: string[] }
  /** The credentials were accepted; the device still waits for the operator's approval. */
  | { outcome: 'pairing-required'; requestId: string; approveCommand: string }
  | { outcome: 'refused'; reason: string }
  | { outcome: 'timeout'; reason: string };

export interface ProbeOptions {
  settings: GatewaySettings;
  displayName: string;
  /** The live device store: read for the identity; written only to create a first identity. */
  store: DeviceStore;
  clientVersion?: string;
  timeoutMs?: number;
  clientFactory?: ClientFactory;
}

/** Reads the live identity without its tokens; keeps whatever the probe would write in memory. */
class ProbeDeviceStore implements DeviceStore {
  private local: StoredDevice | undefined;
  constructor(private readonly live: DeviceStore) {}
  async load(): Promise<StoredDevice | undefined> {
    if (this.local) return structuredClone(this.local);
    const device = await this.live.load();
    return device && { ...device, tokens: {} };
  }
  async save(device: StoredDevice): Promise<void> {
    // A first identity is shared with the live link (one device per plugin); tokens never are.
    if (!(await this.live.load())) await this.live.save({ ...device, tokens: {} });
    this.local = structuredClone(device);
  }
  async clear(): Promise<void> {
    this.local = undefined;
  }
}

function settled(state: LinkState): ProbeResult | undefined {
  switch (state.status) {
    case 'connected': return { outcome: 'connected', gatewayVersion: state.gatewayVersion, scopes: state.scopes };
    case 'pairing-required': return { outcome: 'pairing-required', requestId: state.requestId, approveCommand: state.approveCommand };
    case 'error': return { outcome: 'refused', reason: state.reason };
    default: return undefined;
  }
}

export async function probeGateway(opts: ProbeOptions): Promise<ProbeResult> {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const supervisor = new ConnectionSupervisor({
    settings: opts.settings, displayName: opts.displayName, store: new ProbeDeviceStore(opts.store),
    clientVersion: opts.clientVersion, clientFactory: opts.clientFactory,
    // One attempt is all we want: no retry may start before we stop.
    backoff: { initialMs: 3_600_000, maxMs: 3_600_000, pairingPollMs: 3_600_000 },
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    return await new Promise<ProbeResult>((resolve) => {
      supervisor.onStateChange((state) => {
        const result = settled(state);
        if (result) resolve(result);
      });
      timer = setTimeout(() => resolve({ outcome: 'timeout', reason: `the gateway did not answer within ${Math.round(timeoutMs / 1000)} s` }), timeoutMs);
      supervisor.start();
    });
  } finally {
    clearTimeout(timer);
    await supervisor.stop();
  }
}
