import { normalizeFingerprint, parseGatewaySettings } from './settings';

const ok = { gatewayUrl: 'wss://gw.example.com', gatewayToken: 'tok-secret-123' };

function message(input: unknown): string {
  const r = parseGatewaySettings(input);
  if (r.ok) throw new Error('expected failure');
  return r.message;
}

describe('parseGatewaySettings', () => {
  it('accepts wss with token and defaults the agent id', () => {
    expect(parseGatewaySettings(ok)).toEqual({
      ok: true,
      settings: { url: 'wss://gw.example.com', auth: { kind: 'token', token: 'tok-secret-123' }, agentId: 'main' },
    });
  });

  it('accepts ws:// to loopback, private and tailnet hosts', () => {
    for (const url of ['ws://127.0.0.1:18789', 'ws://10.0.0.5:18789', 'ws://[fd00::1]:1', 'ws://100.100.1.1', 'ws://gw.tail1.ts.net']) {
      expect(parseGatewaySettings({ ...ok, gatewayUrl: url }).ok).toBe(true);
    }
  });

  it('rejects http:// with the exact rule', () => {
    expect(message({ ...ok, gatewayUrl: 'http://gw.example.com:18789' })).toBe(
      'Gateway URL must start with wss:// (or ws:// for loopback, private or tailnet hosts): got http://gw.example.com:18789');
  });

  it('rejects ws:// to a public host', () => {
    expect(message({ ...ok, gatewayUrl: 'ws://example.com' })).toBe(
      'Gateway URL must start with wss:// (or ws:// for loopback, private or tailnet hosts): example.com is a public host, use wss:// (got ws://example.com)');
  });

  it('rejects an empty URL and an empty token together', () => {
    expect(message({ gatewayUrl: ' ', gatewayToken: '' })).toBe(
      'Gateway URL must start with wss:// (or ws:// for loopback, private or tailnet hosts): the URL is empty; '
      + 'Gateway token is required: the token and password settings are both empty');
  });

  it('never echoes credentials from the URL', () => {
    const m = message({ ...ok, gatewayUrl: 'wss://admin:hunter2@gw.example.com' });
    expect(m).not.toContain('hunter2');
    expect(message({ ...ok, gatewayUrl: 'ftp://x:hunter2@h/?t=hunter2' })).not.toContain('hunter2');
  });

  it('accepts a password instead of a token, not both', () => {
    const r = parseGatewaySettings({ gatewayUrl: 'wss://h', gatewayPassword: 'pw' });
    expect(r.ok && r.settings.auth).toEqual({ kind: 'password', password: 'pw' });
    expect(message({ ...ok, gatewayPassword: 'pw' })).toBe('Set either the gateway token or the gateway password, not both');
  });

  it('validates the agent id', () => {
    expect(message({ ...ok, agentId: 'bad id:x' })).toBe('Agent id must be letters, digits, - or _ (at most 64): got "bad id:x"');
  });

  it('validates the TLS pin and CA', () => {
    const hex = 'AB:'.repeat(31) + 'CD';
    const r = parseGatewaySettings({ ...ok, tlsCertSha256: `sha256:${hex}` });
    expect(r.ok && r.settings.tlsFingerprint).toBe('ab'.repeat(31) + 'cd');
    expect(message({ ...ok, tlsCertSha256: 'abc' })).toBe(
      'TLS certificate pin must be a SHA-256 fingerprint: 64 hex digits, colons allowed');
    expect(message({ ...ok, tlsCaPem: 'not a pem' })).toBe(
      'TLS CA certificate must be a PEM certificate (-----BEGIN CERTIFICATE-----…)');
    expect(message({ ...ok, gatewayUrl: 'ws://127.0.0.1', tlsCertSha256: hex })).toBe(
      'TLS CA certificate and pin apply only to wss:// gateway URLs');
  });

  it('never throws on junk', () => {
    for (const junk of [null, undefined, 42, 'x', [], { gatewayUrl: 5 }]) {
      expect(() => parseGatewaySettings(junk)).not.toThrow();
    }
    expect(message({ gatewayUrl: 5, gatewayToken: 't' })).toContain('gatewayUrl is invalid');
  });

  it('normalizes fingerprints', () => {
    expect(normalizeFingerprint('0'.repeat(64))).toBe('0'.repeat(64));
    expect(normalizeFingerprint('0'.repeat(63))).toBeUndefined();
  });
});
