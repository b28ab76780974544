import { deriveIdempotencyKey } from './idempotency';
import { buildSessionKey, mainSessionKey } from './session-key';

describe('buildSessionKey', () => {
  it('builds the documented forms, lower-cased', () => {
    expect(buildSessionKey({ agentId: 'Main', channel: 'mattermost', kind: 'channel', peerId: 'ABC123' }))
      .toBe('agent:main:mattermost:channel:abc123');
    expect(buildSessionKey({ agentId: 'main', channel: 'mattermost', kind: 'direct', peerId: 'u1', threadId: 'r1' }))
      .toBe('agent:main:mattermost:direct:u1:thread:r1');
    expect(mainSessionKey('main')).toBe('agent:main:main');
  });

  it('refuses parts that would change the key structure', () => {
    expect(() => buildSessionKey({ agentId: 'main', channel: 'mattermost', kind: 'group', peerId: 'a:thread:b' })).toThrow(/peerId/);
    expect(() => buildSessionKey({ agentId: '', channel: 'mattermost', kind: 'group', peerId: 'a' })).toThrow(/agentId/);
  });
});

describe('deriveIdempotencyKey', () => {
  it('is stable and separates parts', () => {
    expect(deriveIdempotencyKey('cmd', 'a', 'b')).toBe(deriveIdempotencyKey('cmd', 'a', 'b'));
    expect(deriveIdempotencyKey('cmd', 'ab', 'c')).not.toBe(deriveIdempotencyKey('cmd', 'a', 'bc'));
    expect(deriveIdempotencyKey('cmd', 'x')).toMatch(/^cmd-[0-9a-f]{32}$/);
  });
});
