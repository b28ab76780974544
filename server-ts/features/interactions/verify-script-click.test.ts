import type { Post } from '../../mattermost/model/post';
import { FakeKv } from '../conversations/testing/fake-kv';
import { NonceLedger } from './nonces';
import { signed } from './signature';
import { SigningSecrets } from './signing-secrets';
import { verifyClick, type VerifierDeps } from './verify-click';

const SCRIPT_USER = 's'.repeat(26);
const ALICE = 'a'.repeat(26);
const CHANNEL = 'c'.repeat(26);
const POST = 'p'.repeat(26);
const NOW = 1_800_000_000_000;

async function setup(acceptScripts = true) {
  const kv = new FakeKv();
  const secrets = new SigningSecrets(kv);
  const secret = await secrets.get('scripts');
  const context = signed(secret, { action_id: 'yes', callback_data: 'Yes' });
  const props = { attachments: [{ actions: [{ id: 'yes', name: 'Yes', integration: { url: '/plugins/openclaw/api/v1/interactions/click', context } }] }] };
  const posts = new Map<string, Post>([[POST, { Id: POST, UserId: SCRIPT_USER, ChannelId: CHANNEL, Props: props }]]);
  const deps: VerifierDeps = {
    api: { getPost: (id) => Promise.resolve(posts.get(id)!), hasPermissionToChannel: (u) => Promise.resolve(u === ALICE) },
    secrets, nonces: new NonceLedger(kv, () => NOW), botUserId: () => 'b'.repeat(26), now: () => NOW, authorizers: new Map(), acceptScripts,
  };
  const body = (ctx: Record<string, unknown> = context) => ({ channel_id: CHANNEL, post_id: POST, context: ctx });
  return { deps, body, secret, context };
}

const code = async (deps: VerifierDeps, body: unknown, user = ALICE) => {
  const v = await verifyClick(deps, user, body);
  return v.ok ? (v.script ? `script:${v.script.actionName}` : 'ours') : v.refusal.code;
};

test('a button signed with the scripts secret is accepted on anyone\'s post, once', async () => {
  const { deps, body } = await setup();
  expect(await code(deps, body())).toBe('script:Yes');
  expect(await code(deps, body())).toBe('used');
});

test('script buttons are refused when script buttons are off, tampered, expired, elsewhere or unreadable', async () => {
  expect(await code((await setup(false)).deps, (await setup(false)).body())).toBe('bad-signature');
  const { deps, body, secret, context } = await setup();
  expect(await code(deps, body({ ...context, callback_data: 'No' }))).toBe('bad-signature');
  expect(await code(deps, body(signed(secret, { action_id: 'yes', expires_at: String(NOW - 1) })))).toBe('expired');
  expect(await code(deps, body(signed(secret, { action_id: 'other' })))).toBe('action-missing');
  expect(await code(deps, { ...body(), channel_id: 'd'.repeat(26) })).toBe('channel-mismatch');
  expect(await code(deps, body(), 'z'.repeat(26))).toBe('no-channel-access');
});
