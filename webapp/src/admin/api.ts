// The console's calls to our server routes, with the headers Mattermost's web client (Client4's
// getOptions) puts on every request: X-Requested-With: XMLHttpRequest and, for anything but a
// GET, X-CSRF-Token from the MMCSRF cookie; the session cookie goes along (same origin).
// Written out rather than bundling @mattermost/client, which would triple the bundle.
import { PLUGIN_ID } from '../manifest';

let base = '';

function csrfFromCookie(): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === 'MMCSRF') return value.join('=');
  }
  return undefined;
}

export function requestOptions(method: 'GET' | 'POST', body?: string): RequestInit {
  const headers: Record<string, string> = { 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json' };
  const csrf = method === 'GET' ? undefined : csrfFromCookie();
  if (csrf) headers['X-CSRF-Token'] = csrf;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return { method, headers, body, credentials: 'include' };
}

/** Mattermost may live under a path (SiteURL https://host/chat): our routes are under it too. */
export function setSiteUrl(siteUrl: string | undefined): void {
  try {
    base = siteUrl ? new URL(siteUrl).pathname.replace(/\/+$/, '') : '';
  } catch {
    base = '';
  }
}

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const url = `${base}/plugins/${PLUGIN_ID}/api/v1${path}`;
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
