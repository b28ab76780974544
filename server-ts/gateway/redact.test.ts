import { SecretRedactor } from './redact';

describe('SecretRedactor', () => {
  it('masks registered secrets and PEM private keys', () => {
    const r = new SecretRedactor();
    r.add('tok-abcdef');
    const pem = '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIDx0ZWVzdGtleWJ5dGVzMDEyMzQ1Njc4OTAxMjM0\n-----END PRIVATE KEY-----\n';
    r.add(pem);
    const out = r.redact(`failed with tok-abcdef and ${pem} and MC4CAQAwBQYDK2VwBCIEIDx0ZWVzdGtleWJ5dGVzMDEyMzQ1Njc4OTAxMjM0`);
    expect(out).not.toContain('tok-abcdef');
    expect(out).not.toContain('MC4CAQAw');
  });

  it('masks token-like fields it was not told about', () => {
    const r = new SecretRedactor();
    expect(r.redact('{"deviceToken":"zzzzzzzz","ok":true}')).toBe('{"deviceToken":"[redacted]","ok":true}');
    expect(r.redact('password=hunter22 next')).toBe('password=[redacted] next');
  });

  it('leaves ordinary text alone', () => {
    const r = new SecretRedactor();
    r.add('ab');
    expect(r.redact('about tokens in general')).toBe('about tokens in general');
  });
});
