// Turns whatever the client library reports on a failed connect into either a pairing
// request or one admin-readable reason naming what to check. Inputs are untrusted and
// arbitrary (gateway error shapes, socket errors, TLS errors), so read them defensively.
export type ConnectFailure =
  | { kind: 'pairing'; requestId: string; pairingReason: string }
  | { kind: 'error'; reason: string; authRejected: boolean };

type Rec = Record<string, unknown>;
const asRec = (v: unknown): Rec => (v && typeof v === 'object' ? (v as Rec) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

function errnoCode(err: unknown): string | undefined {
  const e = asRec(err);
  const own = str(e.code);
  if (own) return own;
  // Happy-eyeballs connects to `localhost` fail with an AggregateError of per-address errors.
  const inner: unknown = Array.isArray(e.errors) ? e.errors[0] : undefined;
  const nested = inner ? errnoCode(inner) : str(asRec(e.cause).code);
  if (nested) return nested;
  // The client library re-wraps socket errors as plain text ("Error: connect ECONNREFUSED …").
  const text = str(e.message) ?? '';
  if (/socket hang up/i.test(text)) return 'ECONNRESET';
  return /\b(E[A-Z]{3,}|[A-Z_]*CERT[A-Z_]*|ERR_TLS_[A-Z_]+)\b/.exec(text)?.[1];
}

const AUTH_HINTS: Record<string, string> = {
  AUTH_TOKEN_MISMATCH: 'the gateway rejected the token (check that the gateway token setting equals gateway.auth.token on the gateway)',
  AUTH_TOKEN_MISSING: 'the gateway expects a token (gateway.auth.mode is token): set the gateway token setting',
  AUTH_TOKEN_NOT_CONFIGURED: 'the gateway has no token configured: set gateway.auth.token on the gateway',
  AUTH_PASSWORD_MISMATCH: 'the gateway rejected the password (check the gateway password setting)',
  AUTH_PASSWORD_MISSING: 'the gateway expects a password (gateway.auth.mode is password): set the gateway password setting',
  AUTH_PASSWORD_NOT_CONFIGURED: 'the gateway has no password configured: check gateway.auth on the gateway',
  AUTH_UNAUTHORIZED: 'the gateway rejected our credentials: check the gateway token or password setting',
  AUTH_DEVICE_TOKEN_MISMATCH: 'the gateway no longer accepts this device\'s token (revoked?); retrying with the shared secret',
  AUTH_SCOPE_MISMATCH: 'the device token does not cover the scopes we need; retrying with the shared secret to request an upgrade',
  AUTH_RATE_LIMITED: 'the gateway is rate-limiting failed logins from this host; waiting before retrying',
  PROTOCOL_MISMATCH: 'the gateway speaks a different protocol version than this plugin (v4): upgrade the gateway or the plugin',
  CLIENT_VERSION_MISMATCH: 'the gateway refuses this client version: upgrade the plugin',
};

function socketReason(code: string, url: string, host: string): string | undefined {
  switch (code) {
    case 'ECONNREFUSED': return `Gateway unreachable at ${url}: connection refused (is the gateway running and listening there?)`;
    case 'ENOTFOUND': case 'EAI_AGAIN': return `Gateway host ${host} not found: check the gateway URL`;
    case 'ETIMEDOUT': case 'EHOSTUNREACH': case 'ENETUNREACH':
      return `Gateway unreachable at ${url}: ${code} (check the URL, firewall and that the gateway binds to a reachable address)`;
    // Typical when a proxy in front of a stopped gateway accepts and then drops the socket.
    case 'ECONNRESET': return `Gateway unreachable at ${url}: the connection was closed before the handshake (is the gateway behind this address running?)`;
    case 'DEPTH_ZERO_SELF_SIGNED_CERT': case 'SELF_SIGNED_CERT_IN_CHAIN': case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY': case 'CERT_HAS_EXPIRED': case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `Gateway TLS certificate is not trusted (${code}): set the TLS CA certificate or certificate pin setting`;
    default: return undefined;
  }
}

export function classifyConnectFailure(err: unknown, url: string): ConnectFailure {
  const e = asRec(err);
  const details = asRec(e.details);
  const detailCode = str(details.code);
  const host = (() => { try { return new URL(url).hostname; } catch { return url; } })();
  if (detailCode === 'PAIRING_REQUIRED' || e.gatewayCode === 'NOT_PAIRED') {
    const requestId = str(details.requestId) ?? /requestId: ([\w-]+)/.exec(String(e.message))?.[1];
    if (requestId) return { kind: 'pairing', requestId, pairingReason: str(details.reason) ?? 'not-paired' };
  }
  if (detailCode && AUTH_HINTS[detailCode]) {
    return { kind: 'error', reason: `Gateway login failed: ${AUTH_HINTS[detailCode]}`, authRejected: detailCode.startsWith('AUTH_') };
  }
  if (details.reason === 'websocket-upgrade-rejected') {
    const status = typeof details.httpStatus === 'number' ? details.httpStatus : 'unknown';
    const why = str(details.gatewayErrorType) ? ` (${details.gatewayErrorType as string})` : '';
    return { kind: 'error', authRejected: false,
      reason: `Gateway at ${url} refused the WebSocket upgrade with HTTP ${String(status)}${why}: check the URL and any proxy in front of the gateway` };
  }
  const code = errnoCode(err);
  const sock = code && socketReason(code, url, host);
  if (sock) return { kind: 'error', reason: sock, authRejected: false };
  const message = str(e.message) ?? String(err);
  if (/tls fingerprint mismatch/i.test(message)) {
    return { kind: 'error', authRejected: false, reason: 'Gateway TLS certificate does not match the configured certificate pin' };
  }
  return { kind: 'error', reason: `Gateway connection to ${url} failed: ${message}`, authRejected: false };
}

/** A close after a working session (gateway restart, network drop). */
export function lostConnectionReason(url: string, code: number, reason: string): string {
  const why = reason ? ` ${reason}` : '';
  return `Gateway connection to ${url} lost (${code}${why}): reconnecting`;
}
