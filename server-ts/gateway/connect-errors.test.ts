import { classifyConnectFailure } from './connect-errors';
import { SecretRedactor } from './redact';

const url = 'ws://127.0.0.1:18789';

describe('classifyConnectFailure', () => {
  it('reads a pairing request', () => {
    const err = Object.assign(new Error('device pairing required (requestId: 92ec-1)'), {
      gatewayCode: 'NOT_PAIRED', details: { code: 'PAIRING_REQUIRED', reason: 'scope-upgrade', requestId: '92ec-1' },
    });
    expect(classifyConnectFailure(err, url)).toEqual({ kind: 'pairing', requestId: '92ec-1', pairingReason: 'scope-upgrade' });
  });

  it('names connection refused and the URL', () => {
    const err = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:18789'), { code: 'ECONNREFUSED' });
    expect(classifyConnectFailure(err, url)).toEqual({ kind: 'error', authRejected: false,
      reason: 'Gateway unreachable at ws://127.0.0.1:18789: connection refused (is the gateway running and listening there?)' });
    const agg = Object.assign(new AggregateError([err]), {});
    expect(classifyConnectFailure(agg, url).kind).toBe('error');
    expect((classifyConnectFailure(agg, url) as { reason: string }).reason).toContain('connection refused');
  });

  it('reads socket errors the library re-wrapped as text', () => {
    expect((classifyConnectFailure(new Error('Error: connect ECONNREFUSED 127.0.0.1:1'), url) as { reason: string }).reason)
      .toContain('connection refused');
    expect((classifyConnectFailure(new Error('Error: socket hang up'), url) as { reason: string }).reason)
      .toContain('closed before the handshake');
    expect((classifyConnectFailure(new Error('self-signed: DEPTH_ZERO_SELF_SIGNED_CERT'), 'wss://h') as { reason: string }).reason)
      .toContain('TLS certificate is not trusted');
  });

  it('explains a token mismatch', () => {
    const err = Object.assign(new Error('unauthorized'), { details: { code: 'AUTH_TOKEN_MISMATCH' } });
    const r = classifyConnectFailure(err, url);
    expect(r).toMatchObject({ kind: 'error', authRejected: true });
    expect((r as { reason: string }).reason).toContain('gateway token setting');
  });

  it('explains a rejected upgrade and unknown hosts', () => {
    const up = Object.assign(new Error('x'), { details: { reason: 'websocket-upgrade-rejected', httpStatus: 403, gatewayErrorType: 'proxy_attribution_required' } });
    expect((classifyConnectFailure(up, url) as { reason: string }).reason).toContain('HTTP 403 (proxy_attribution_required)');
    const nf = Object.assign(new Error('getaddrinfo ENOTFOUND nohost.invalid'), { code: 'ENOTFOUND' });
    expect((classifyConnectFailure(nf, 'wss://nohost.invalid') as { reason: string }).reason).toBe('Gateway host nohost.invalid not found: check the gateway URL');
  });

  it('login hints stay readable through the secret redactor (a "token: …" phrase would be masked)', () => {
    const redactor = new SecretRedactor();
    for (const code of ['AUTH_TOKEN_MISMATCH', 'AUTH_TOKEN_MISSING', 'AUTH_PASSWORD_MISMATCH', 'AUTH_PASSWORD_MISSING', 'AUTH_UNAUTHORIZED']) {
      const r = classifyConnectFailure(Object.assign(new Error('unauthorized'), { details: { code } }), url);
      const reason = r.kind === 'error' ? r.reason : '';
      expect(reason).toMatch(/^Gateway login failed: /);
      expect(redactor.redact(reason)).toBe(reason);
    }
  });
});
