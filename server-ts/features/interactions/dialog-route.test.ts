import { fakeRequest, fakeResponse } from '../../testing/fake-plugin-api';
import { FakeKv } from '../conversations/testing/fake-kv';
import { dialogRoute, openSignedDialog, type VerifiedSubmission } from './dialog-route';
import { signed } from './signature';
import { SigningSecrets } from './signing-secrets';

const USER = 'u'.repeat(26);
const CHANNEL = 'c'.repeat(26);
const OTHER = 'o'.repeat(26);
const NOW = 1_000_000;

async function setup() {
  const secrets = new SigningSecrets(new FakeKv());
  const seen: VerifiedSubmission[] = [];
  const route = dialogRoute({
    api: { hasPermissionToChannel: (_u, channel) => Promise.resolve(channel !== OTHER) }, secrets, now: () => NOW,
    log: { debug() {}, info() {}, warn() {}, error() {} },
    handlers: [{ kind: 'question', handle: (s) => { seen.push(s); return Promise.resolve(s.values.bad ? { errors: { bad: 'no' } } : undefined); } }],
  });
  let state = '';
  await openSignedDialog({ openInteractiveDialog: (r) => { state = r.Dialog?.State ?? ''; return Promise.resolve(); } }, secrets, 'openclaw', {
    triggerId: 't', kind: 'question', channelId: CHANNEL, expiresAtMs: NOW + 1000, data: { ref: 'q1' }, title: 'OpenClaw asks', elements: [],
  });
  const submit = async (body: unknown) => {
    const req = { ...fakeRequest('POST', '/api/v1/interactions/dialog', USER), body: () => Promise.resolve(Buffer.from(typeof body === 'string' ? body : JSON.stringify(body))) };
    const { res, answers } = fakeResponse();
    await route({}, req, res);
    return answers[0];
  };
  return { secrets, seen, state, submit };
}

test('a genuine submission reaches its handler; field errors go back to the dialog', async () => {
  const { seen, state, submit } = await setup();
  expect(await submit({ type: 'dialog_submission', state, channel_id: CHANNEL, submission: { q0other: 'x' } })).toEqual({ code: 200, body: {} });
  expect(seen).toHaveLength(1);
  expect(seen[0]).toMatchObject({ userId: USER, channelId: CHANNEL, values: { q0other: 'x' }, state: { ref: 'q1', kind: 'question' } });
  expect(await submit({ state, channel_id: CHANNEL, submission: { bad: 1 } })).toEqual({ code: 200, body: { errors: { bad: 'no' } } });
});

test('tampered, unsigned, expired, cross-channel, unreadable and unknown-kind submissions are refused', async () => {
  const { secrets, seen, state, submit } = await setup();
  const parsed = JSON.parse(state) as Record<string, string>;
  const secret = await secrets.get('buttons');
  const refusal = async (body: unknown, why: string) => {
    const answer = await submit(body);
    expect(answer?.code).toBe(200);
    expect(JSON.stringify(answer?.body)).toContain(why);
  };
  await refusal({ state: JSON.stringify({ ...parsed, ref: 'q2' }), channel_id: CHANNEL }, 'not opened by OpenClaw');
  await refusal({ state: JSON.stringify({ ...parsed, _token: undefined }), channel_id: CHANNEL }, 'not opened by OpenClaw');
  await refusal({ state: JSON.stringify(signed(secret, { ...parsed, expires_at: String(NOW - 1) })), channel_id: CHANNEL }, 'expired');
  await refusal({ state: JSON.stringify(signed(secret, { ...parsed, kind: 'other-kind' })), channel_id: CHANNEL }, 'does not know');
  await refusal({ state, channel_id: OTHER }, 'another channel');
  await refusal({ state: JSON.stringify(signed(secret, { ...parsed, channel_id: OTHER })), channel_id: OTHER }, 'cannot read this channel');
  await refusal('not json', 'incomplete');
  await refusal({ state: 'not json', channel_id: CHANNEL }, 'not opened by OpenClaw');
  expect(seen).toEqual([]);
  expect(await submit({ cancelled: true, state, channel_id: CHANNEL })).toEqual({ code: 200, body: {} });
});
