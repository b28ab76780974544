// The slice of the reference client the supervisor uses. Tests substitute a fake.
import { GatewayClient, type GatewayClientOptions } from '@openclaw/gateway-client';

export interface GatewayClientPort {
  start(): void;
  stopAndWait(opts?: { timeoutMs?: number }): Promise<void>;
  request<T = Record<string, unknown>>(method: string, params?: unknown, opts?: { timeoutMs?: number | null }): Promise<T>;
}

export type ClientFactory = (opts: GatewayClientOptions) => GatewayClientPort;

export const realClientFactory: ClientFactory = (opts) => new GatewayClient(opts);
