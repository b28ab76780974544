import type { Post } from '../../mattermost/model/post';
import { FakeKv } from '../conversations/testing/fake-kv';
import { NonceLedger } from './nonces';
import { signed } from './signature';
import { attachmentsProp, signedAttachment } from './signed-buttons';
import { SigningSecrets } from './signing-secrets';
import { verifyClick, type Authorize, type VerifierDeps } from './verify-click';

const BOT = 'b'.repeat(26);
const ALICE = 'a'.repeat(26);
const MALLORY = 'm'.repeat(26);
const CHANNEL = 'c'.repeat(26);
const OTHER_CHANNEL = 'd'.repeat(26);
const POST = 'p'.repeat(26);
const NOW = 1_800_000_000_000;

async function setup(opts: { expiresAtMs?: number; author?: string; authorize?: Authorize } = {}) {
  const kv = new FakeKv();
  kv.now = () => NOW;
  const secrets = new SigningSecrets(kv);
  const secret = await secrets.get('buttons');
  const attachment = signedAttachment({
    pluginId: 'openclaw', secret, kind: 'test', channelId: CHANNEL, expiresAtMs: opts.expiresAtMs ?? NOW + 60_000, text: 'Run it?',
    buttons: [{ id: 'approve', name: 'Approve', data: { decision: 'allow-once' } }, { id: 'deny', name: 'Deny', data: { decision: 'deny' } }],
  });
  const posts = new Map<string, Post>([[POST, { Id: POST, UserId: opts.author ?? BOT, ChannelId: CHANNEL, Message: '', Props: { attachments: attachmentsProp([attachment]) } }]]);
  const readers = new Set([ALICE, MALLORY]);
  const deps: VerifierDeps = {
    api: {
      getPost: (id) => (posts.has(id) ? Promise.resolve(posts.get(id)!) : Promise.reject(new Error('not found'))),
      hasPermissionToChannel: (user, channel, perm) => Promise.resolve(perm === 'read_channel' && channel === CHANNEL && readers.has(user)),
    },
    secrets, nonces: new NonceLedger(kv, () => NOW), botUserId: () => BOT, now: () => NOW,
    authorizers: new Map([['test', opts.authorize ?? (() => Promise.resolve(undefined))]]),
  };
  const context = (id: string) => ({ ...(attachment.Actions![id === 'approve' ? 0 : 1].Integration!.Context as Record<string, unknown>) });
  const body = (ctx: Record<string, unknown> = context('approve'), extra: Record<string, unknown> = {}) =>
    ({ user_id: ALICE, channel_id: CHANNEL, post_id: POST, context: ctx, ...extra });
  return { deps, secret, posts, readers, context, body };
}

test('a genuine click passes once, with the stored label and signed data', async () => {
  const { deps, body } = await setup();
  const verdict = await verifyClick(deps, ALICE, body());
  expect(verdict).toMatchObject({ ok: true, click: { userId: ALICE, actionName: 'Approve', context: { decision: 'allow-once', kind: 'test' } } });
});

async function refusal(deps: VerifierDeps, user: string, body: unknown) {
  const verdict = await verifyClick(deps, user, body);
  return verdict.ok ? 'accepted' : verdict.refusal.code;
}

test('a replayed click, and the other button of the same post, are refused as used', async () => {
  const { deps, body, context } = await setup();
  expect(await refusal(deps, ALICE, body())).toBe('accepted');
  expect(await refusal(deps, ALICE, body())).toBe('used');
  expect(await refusal(deps, ALICE, body(context('deny')))).toBe('used');
});

test('a body that is not a click, or ids that are not ids, is malformed', async () => {
  const { deps, body } = await setup();
  expect(await refusal(deps, ALICE, undefined)).toBe('malformed');
  expect(await refusal(deps, ALICE, { context: {} })).toBe('malformed');
  expect(await refusal(deps, ALICE, body(undefined, { post_id: '../../x' }))).toBe('malformed');
});

test('a missing or empty signature is refused as unsigned', async () => {
  const { deps, body, context } = await setup();
  const unsigned = context('approve');
  delete unsigned._token;
  expect(await refusal(deps, ALICE, body(unsigned))).toBe('unsigned');
  expect(await refusal(deps, ALICE, body({ ...unsigned, _token: '' }))).toBe('unsigned');
});

test('any changed field, a token of another secret, or a garbage token is a bad signature', async () => {
  const { deps, body, context } = await setup();
  expect(await refusal(deps, ALICE, body({ ...context('approve'), decision: 'allow-always' }))).toBe('bad-signature');
  expect(await refusal(deps, ALICE, body({ ...context('approve'), extra: 'x' }))).toBe('bad-signature');
  expect(await refusal(deps, ALICE, body(signed('f'.repeat(64), context('approve'))))).toBe('bad-signature');
  expect(await refusal(deps, ALICE, body({ ...context('approve'), _token: 'zz' }))).toBe('bad-signature');
});

test('a signed context missing our fields is malformed; an unknown kind is refused', async () => {
  const { deps, body, secret, context } = await setup();
  const noNonce = context('approve');
  delete noNonce.nonce;
  expect(await refusal(deps, ALICE, body(signed(secret, noNonce)))).toBe('malformed');
  expect(await refusal(deps, ALICE, body(signed(secret, { ...context('approve'), kind: 'other' })))).toBe('unknown-kind');
});

test('an expired button is refused', async () => {
  const { deps, body } = await setup({ expiresAtMs: NOW - 1 });
  expect(await refusal(deps, ALICE, body())).toBe('expired');
});

test('a click claiming another channel, or a post in another channel, is refused', async () => {
  const { deps, body, posts } = await setup();
  expect(await refusal(deps, ALICE, body(undefined, { channel_id: OTHER_CHANNEL }))).toBe('channel-mismatch');
  posts.set(POST, { ...posts.get(POST)!, ChannelId: OTHER_CHANNEL });
  expect(await refusal(deps, ALICE, body())).toBe('channel-mismatch');
});

test('a missing or deleted post is refused', async () => {
  const { deps, body, posts } = await setup();
  posts.set(POST, { ...posts.get(POST)!, DeleteAt: NOW });
  expect(await refusal(deps, ALICE, body())).toBe('post-missing');
  posts.delete(POST);
  expect(await refusal(deps, ALICE, body())).toBe('post-missing');
});

test('a post written by someone else than our bot is refused, even with a valid context', async () => {
  const { deps, body } = await setup({ author: MALLORY });
  expect(await refusal(deps, ALICE, body())).toBe('not-our-post');
});

test('a context whose action is not on the post (or differs from it) is refused', async () => {
  const { deps, body, secret, context } = await setup();
  expect(await refusal(deps, ALICE, body(signed(secret, { ...context('approve'), action_id: 'other' })))).toBe('action-missing');
  expect(await refusal(deps, ALICE, body(signed(secret, { ...context('approve'), decision: 'allow-always' })))).toBe('action-missing');
});

test('a clicker who cannot read the channel is refused', async () => {
  const { deps, body, readers } = await setup();
  readers.delete(ALICE);
  expect(await refusal(deps, ALICE, body())).toBe('no-channel-access');
});

test('the kind decides who may click, and its sentence reaches the clicker; a refused click stays usable', async () => {
  const { deps, body } = await setup({ authorize: (user) => Promise.resolve(user === ALICE ? undefined : 'only approvers can decide.') });
  const verdict = await verifyClick(deps, MALLORY, body());
  expect(verdict.ok ? '' : verdict.refusal.text).toBe('OpenClaw refused this click: only approvers can decide.');
  expect(await refusal(deps, ALICE, body())).toBe('accepted');
});
