import { signed } from '../interactions/signature';
import { openState, sealState } from './dialog-state';

const ALICE = 'a'.repeat(26);
const BOB = 'b'.repeat(26);
const CHANNEL = 'c'.repeat(26);
const OTHER = 'd'.repeat(26);
const SECRET = 'f'.repeat(64);
const NOW = 1_800_000_000_000;
const fields = { user_id: ALICE, channel_id: CHANNEL, root_id: '', expires_at: String(NOW + 60_000), nonce: '0123456789abcdef0123456789abcdef' };

test('a sealed state opens for its owner in its channel', () => {
  const opened = openState(SECRET, sealState(SECRET, fields), ALICE, CHANNEL, NOW);
  expect(opened.ok && opened.state).toMatchObject({ kind: 'model-dialog', ...fields });
});

test.each([
  ['tampered', () => JSON.stringify({ ...JSON.parse(sealState(SECRET, fields)) as object, root_id: 'r'.repeat(26) }), ALICE, CHANNEL, 'signature does not match'],
  ['signed with another secret', () => sealState('e'.repeat(64), fields), ALICE, CHANNEL, 'signature does not match'],
  ['unsigned', () => JSON.stringify({ kind: 'model-dialog', ...fields }), ALICE, CHANNEL, 'signature does not match'],
  ['not JSON', () => 'st', ALICE, CHANNEL, 'not one of ours'],
  ['a JSON array', () => '[]', ALICE, CHANNEL, 'not one of ours'],
  ['signed but with an extra field', () => JSON.stringify(signed(SECRET, { kind: 'model-dialog', ...fields, model: 'x/y' })), ALICE, CHANNEL, 'not one of ours'],
  ['submitted by someone else', () => sealState(SECRET, fields), BOB, CHANNEL, 'opened by someone else'],
  ['submitted in another channel', () => sealState(SECRET, fields), ALICE, OTHER, 'another channel'],
  ['expired', () => sealState(SECRET, { ...fields, expires_at: String(NOW) }), ALICE, CHANNEL, 'expired'],
])('a state %s is refused', (_what, state, user, channel, reason) => {
  const opened = openState(SECRET, state(), user, channel, NOW);
  expect(opened.ok).toBe(false);
  expect(opened.ok ? '' : opened.reason).toContain(reason);
});
