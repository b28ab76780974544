// Admin-facing gateway settings. Values come straight from the plugin settings page, so
// every failure must read as an instruction to the admin (shown in the status and the
// log) and parsing must never throw. Secrets are never echoed back in a message.
import { X509Certificate } from 'node:crypto';
import { z } from 'zod';
import { allowsPlaintext } from './host-policy';

export type GatewayAuth = { kind: 'token'; token: string } | { kind: 'password'; password: string };

export interface GatewaySettings {
  url: string;
  auth: GatewayAuth;
  agentId: string;
  /** PEM of an extra CA trusted for the gateway's wss:// certificate. */
  tlsCaPem?: string;
  /** SHA-256 fingerprint of the gateway certificate, 64 lowercase hex digits. */
  tlsFingerprint?: string;
}

/** What an admin types in; every field optional so a blank form still parses to a message. */
export const RawGatewaySettingsSchema = z.object({
  gatewayUrl: z.string().optional(),
  gatewayToken: z.string().optional(),
  gatewayPassword: z.string().optional(),
  agentId: z.string().optional(),
  tlsCaPem: z.string().optional(),
  tlsCertSha256: z.string().optional(),
});
export type RawGatewaySettings = z.input<typeof RawGatewaySettingsSchema>;

const URL_RULE = 'Gateway URL must start with wss:// (or ws:// for loopback, private or tailnet hosts)';

/**
 * Shows a URL without user info, query or fragment, so a pasted secret is not echoed. Input
 * that does not parse as a URL is never echoed at all: it is often a token pasted into the
 * wrong field.
 */
export function displayUrl(raw: string): string {
  try {
    const u = new URL(raw);
    return `${u.protocol}//${u.host}${u.pathname === '/' ? '' : u.pathname}`;
  } catch {
    return `text that is not a URL (${raw.length} characters, not shown)`;
  }
}

function checkUrl(raw: string, ctx: z.RefinementCtx): void {
  if (!raw) return void ctx.addIssue({ code: 'custom', message: `${URL_RULE}: the URL is empty` });
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return void ctx.addIssue({ code: 'custom', message: `${URL_RULE}: got ${displayUrl(raw)}` });
  }
  if (u.protocol !== 'wss:' && u.protocol !== 'ws:') {
    return void ctx.addIssue({ code: 'custom', message: `${URL_RULE}: got ${displayUrl(raw)}` });
  }
  if (u.username || u.password) {
    return void ctx.addIssue({ code: 'custom',
      message: 'Gateway URL must not contain a user name or password: put the secret in the gateway token setting' });
  }
  if (u.protocol === 'ws:' && !allowsPlaintext(u.hostname)) {
    ctx.addIssue({ code: 'custom', message: `${URL_RULE}: ${u.hostname} is a public host, use wss:// (got ${displayUrl(raw)})` });
  }
}

const FINGERPRINT = /^(?:sha-?256[:/ ]?)?((?:[0-9a-f]{2}:?){31}[0-9a-f]{2})$/i;

/** Accepts `AB:CD:…`, plain hex, or a `sha256:` prefix; returns 64 lowercase hex digits. */
export function normalizeFingerprint(raw: string): string | undefined {
  const m = FINGERPRINT.exec(raw.trim());
  return m ? m[1].replace(/:/g, '').toLowerCase() : undefined;
}

const trimmed = (v: string | undefined) => (v ?? '').trim();

const SettingsSchema = RawGatewaySettingsSchema.transform((raw, ctx): GatewaySettings => {
  const url = trimmed(raw.gatewayUrl);
  checkUrl(url, ctx);
  const token = trimmed(raw.gatewayToken);
  const password = trimmed(raw.gatewayPassword);
  if (!token && !password) ctx.addIssue({ code: 'custom', message: 'Gateway token is required: the token and password settings are both empty' });
  if (token && password) ctx.addIssue({ code: 'custom', message: 'Set either the gateway token or the gateway password, not both' });
  const agentId = trimmed(raw.agentId) || 'main';
  if (!/^[a-z0-9][a-z0-9_-]{0,63}$/i.test(agentId)) {
    ctx.addIssue({ code: 'custom', message: `Agent id must be letters, digits, - or _ (at most 64): got "${agentId.slice(0, 64)}"` });
  }
  const caPem = trimmed(raw.tlsCaPem) || undefined;
  if (caPem) {
    try {
      new X509Certificate(caPem);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'TLS CA certificate must be a PEM certificate (-----BEGIN CERTIFICATE-----…)' });
    }
  }
  const pinRaw = trimmed(raw.tlsCertSha256);
  const fingerprint = pinRaw ? normalizeFingerprint(pinRaw) : undefined;
  if (pinRaw && !fingerprint) {
    ctx.addIssue({ code: 'custom', message: 'TLS certificate pin must be a SHA-256 fingerprint: 64 hex digits, colons allowed' });
  }
  if ((caPem || pinRaw) && url.startsWith('ws://')) {
    ctx.addIssue({ code: 'custom', message: 'TLS CA certificate and pin apply only to wss:// gateway URLs' });
  }
  return {
    url,
    auth: token ? { kind: 'token', token } : { kind: 'password', password },
    agentId: agentId.toLowerCase(),
    ...(caPem ? { tlsCaPem: caPem } : {}),
    ...(fingerprint ? { tlsFingerprint: fingerprint } : {}),
  };
});

export type SettingsResult = { ok: true; settings: GatewaySettings } | { ok: false; message: string };

/** Never throws: anything unusable becomes one message listing every problem. */
export function parseGatewaySettings(input: unknown): SettingsResult {
  const res = SettingsSchema.safeParse(input ?? {});
  if (res.success) return { ok: true, settings: res.data };
  const messages = res.error.issues.map((i) =>
    i.code === 'custom' ? i.message : `Gateway setting ${i.path.join('.') || 'object'} is invalid: expected text`);
  return { ok: false, message: [...new Set(messages)].join('; ') };
}
