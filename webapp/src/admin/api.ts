// The console's calls to our server routes (headers as Mattermost's web client sends them).
import { pluginUrl, requestOptions } from '../http/plugin-request';

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const url = pluginUrl(path);
  const response = await fetch(url, requestOptions(method, body === undefined ? undefined : JSON.stringify(body)));
  const data = (await response.json().catch(() => ({}))) as { error?: string };
  if (!response.ok) throw new Error(data.error ?? `${method} ${path} failed with HTTP ${response.status}`);
  return data as T;
}

export interface GatewayStatus {
  status: 'disabled' | 'connecting' | 'pairing-required' | 'connected' | 'error';
  summary: string;
  reason?: string;
  url?: string;
  requestId?: string;
  /** `scope-upgrade` when a paired device asked for more scopes (operator.admin for session resets). */
  pairingReason?: string;
  approveCommand?: string;
  gatewayVersion?: string;
  scopes?: string[];
  retrying?: boolean;
  changedAt?: number;
  lastError?: { reason: string; at: number };
}

export interface TestAnswer {
  ok: boolean;
  outcome: string;
  message: string;
  approveCommand?: string;
}

export interface PairingList {
  pending: Array<{ code: string; userId: string; username: string; createdAt: number }>;
  approved: Array<{ userId: string; username: string; approvedBy: string; approvedAt: number }>;
}

export const consoleApi = {
  status: () => call<GatewayStatus>('GET', '/status'),
  testConnection: (values: Record<string, string>) => call<TestAnswer>('POST', '/gateway/test', values),
  resetDevice: () => call<{ reset: boolean; state: GatewayStatus }>('POST', '/gateway/reset-device'),
  pairing: () => call<PairingList>('GET', '/pairing'),
  approve: (code: string) => call<{ username: string }>('POST', '/pairing/approve', { code }),
  revoke: (userId: string) => call<{ revoked: boolean }>('POST', '/pairing/revoke', { userId }),
};
