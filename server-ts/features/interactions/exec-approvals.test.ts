import type { Post } from '../../mattermost/model/post';
import { FakeKv } from '../conversations/testing/fake-kv';
import { ApprovalStore } from './approval-store';
import { DECISION_PROP, INTERACTIVE_POST_TYPE } from './decided-post';
import { ExecApprovals, type ExecApprovalDeps } from './exec-approvals';
import { postActions } from './post-actions';
import { SigningSecrets } from './signing-secrets';
import type { VerifiedClick } from './verify-click';
import { GatewayLinkError } from '../../gateway';
import type { QueuedClick } from './click-queue';

const BOT = 'b'.repeat(26);
const ALICE = 'a'.repeat(26);
const CHANNEL = 'c'.repeat(26);
const NOW = Date.UTC(2026, 11, 1, 14, 3);
const request = (id = 'ap1', extra: Record<string, unknown> = {}) => ({
  id, expiresAtMs: NOW + 60_000,
  request: { command: 'echo hi', cwd: '/work', host: 'gateway', sessionKey: `agent:main:mattermost:channel:${CHANNEL}`,
    allowedDecisions: ['allow-once', 'deny'], ...extra },
});

function setup(opts: { resolveFails?: boolean; failWith?: () => Error } = {}) {
  const kv = new FakeKv();
  const posts = new Map<string, Post>();
  const resolved: string[] = [];
  const deps: ExecApprovalDeps = {
    api: {
      createPost: (p) => { const post = { ...p, Id: `post${posts.size}` }; posts.set(post.Id, post); return Promise.resolve(post); },
      updatePost: (p) => { posts.set(p.Id!, p); return Promise.resolve(p); },
      getPost: (id) => Promise.resolve(posts.get(id)!),
      getDirectChannel: () => Promise.resolve({ Id: 'dm' }),
      getUser: (id) => Promise.resolve({ Id: id, Username: id === ALICE ? 'alice' : 'root', Roles: id === ALICE ? 'system_user' : 'system_user system_admin' }),
      getUserByUsername: (name) => (name === 'alice' ? Promise.resolve({ Id: ALICE, Username: 'alice' }) : Promise.reject(new Error('not found'))),
      getTeam: () => Promise.reject(new Error('not found')), getTeamByName: () => Promise.reject(new Error('not found')),
      getGroup: () => Promise.reject(new Error('not found')), getGroupByName: () => Promise.reject(new Error('not found')),
      getGroupMemberUsers: () => Promise.resolve([]),
    },
    store: new ApprovalStore(kv), secrets: new SigningSecrets(kv), pluginId: 'openclaw', botUserId: () => BOT,
    approvers: () => '', log: { debug() {}, info() {}, warn() {}, error() {} }, now: () => NOW,
    resolve: (id, decision) => {
      if (opts.failWith) return Promise.reject(opts.failWith());
      return opts.resolveFails ? Promise.reject(new Error('gateway away')) : (resolved.push(`${id}:${decision}`), Promise.resolve());
    },
  };
  const approvals = new ExecApprovals(deps);
  const click = (post: Post, decision: string, userId = ALICE): VerifiedClick =>
    ({ userId, post, actionName: '', context: { action_id: 'x', kind: 'exec-approval', channel_id: CHANNEL, expires_at: '1', nonce: 'n'.repeat(16), _token: '', ref: 'ap1', decision } });
  const queued = (c: VerifiedClick): QueuedClick => ({
    id: c.context.nonce, kind: c.context.kind, context: c.context, clicker: { userId: c.userId, username: c.userId === ALICE ? 'alice' : 'root' },
    postId: c.post.Id ?? '', channelId: CHANNEL, queuedAt: NOW, failures: 0,
  });
  /** Both parts of a click, as the click route runs them: Mattermost first, then the gateway. */
  const decide = async (c: VerifiedClick) => (await approvals.clickHandler.handle(c)) ?? approvals.clickHandler.delivery!.deliver(queued(c));
  return { approvals, posts, resolved, deps, click, queued, decide };
}

test('a request becomes one post in the run\'s conversation with the command and the offered buttons', async () => {
  const { approvals, posts } = setup();
  await approvals.onEvent('exec.approval.requested', request());
  await approvals.onEvent('exec.approval.requested', request()); // heard again (another socket): no second post
  expect(posts.size).toBe(1);
  const [post] = posts.values();
  expect(post).toMatchObject({ UserId: BOT, ChannelId: CHANNEL, RootId: '' });
  expect(post.Message).toContain('echo hi');
  expect(post.Message).toContain('Folder: `/work` · Host: gateway');
  expect(postActions(post).map((a) => [a.id, a.name, a.context.decision])).toEqual([['allowonce', 'Approve once', 'allow-once'], ['deny', 'Deny', 'deny']]);
});

test('allow-always is offered only when the gateway allows it; thread sessions post in the thread', async () => {
  const { approvals, posts } = setup();
  await approvals.onEvent('exec.approval.requested', request('ap2', {
    allowedDecisions: ['allow-once', 'allow-always', 'deny'], sessionKey: `agent:main:mattermost:channel:${CHANNEL}:thread:${'r'.repeat(26)}`,
  }));
  const [post] = posts.values();
  expect(post.RootId).toBe('r'.repeat(26));
  expect(postActions(post).map((a) => a.id)).toEqual(['allowonce', 'allowalways', 'deny']);
});

test('a click resolves over the link, then the buttons give way to the confirmation line, once', async () => {
  const { approvals, posts, resolved, click, decide } = setup();
  await approvals.onEvent('exec.approval.requested', request());
  const [post] = posts.values();
  expect(await decide(click(post, 'deny'))).toBe('delivered');
  expect(resolved).toEqual(['ap1:deny']);
  const decided = posts.get(post.Id!)!;
  expect(decided.Message).toBe(`${post.Message}\n\n✗ **Denied** by @alice · 14:03 UTC`);
  expect(postActions(decided)).toEqual([]);
  expect(decided.Type).toBe(INTERACTIVE_POST_TYPE);
  expect(decided.Props?.[DECISION_PROP]).toEqual({ line: '✗ **Denied** by @alice · 14:03 UTC', outcome: 'deny', label: 'Denied', by: '@alice', at: NOW });
  await approvals.onEvent('exec.approval.resolved', { id: 'ap1', decision: 'deny', resolvedBy: 'gateway-client' });
  expect(posts.get(post.Id!)!.Message).toBe(decided.Message);
});

test('decided elsewhere: the resolved event names the CLI', async () => {
  const { approvals, posts } = setup();
  await approvals.onEvent('exec.approval.requested', request());
  await approvals.onEvent('exec.approval.resolved', { id: 'ap1', decision: 'allow-once', resolvedBy: 'cli' });
  expect([...posts.values()][0].Message).toContain('✓ **Approve once** by the OpenClaw CLI · 14:03 UTC');
});

test('a gateway that refuses the decision leaves the post as it was and fails the click', async () => {
  const { approvals, posts, click, decide } = setup({ resolveFails: true });
  await approvals.onEvent('exec.approval.requested', request());
  const [post] = posts.values();
  await expect(decide(click(post, 'allow-once'))).rejects.toThrow('gateway away');
  expect(posts.get(post.Id!)!.Message).toBe(post.Message);
});

test('approvers: system admins by default, else the setting', async () => {
  const { approvals, deps, posts, click } = setup();
  await approvals.onEvent('exec.approval.requested', request());
  const [post] = posts.values();
  expect(await approvals.clickHandler.authorize(ALICE, click(post, 'deny'))).toMatch(/only the exec approvers/);
  expect(await approvals.clickHandler.authorize('r'.repeat(26), click(post, 'deny'))).toBeUndefined();
  deps.approvers = () => '@alice';
  expect(await approvals.clickHandler.authorize(ALICE, click(post, 'deny'))).toBeUndefined();
  expect(await approvals.clickHandler.authorize('r'.repeat(26), click(post, 'deny'))).toMatch(/only the exec approvers/);
});

test('hostile payloads are dropped without posting', async () => {
  const { approvals, posts } = setup();
  await approvals.onEvent('exec.approval.requested', { id: 'x', request: { command: 1 } });
  await approvals.onEvent('exec.approval.requested', request('ap3', { sessionKey: 'agent:main:telegram:direct:1' }));
  await approvals.onEvent('exec.approval.resolved', { id: 'nope', decision: 'allow-once' });
  expect(posts.size).toBe(0);
});

test('an approval nobody decides says so at its expiry; a decided one is left alone', async () => {
  jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick'] });
  try {
    const { approvals, posts, click, decide } = setup();
    await approvals.onEvent('exec.approval.requested', request('ap1'));
    await approvals.onEvent('exec.approval.requested', request('ap9'));
    const [first, second] = posts.values();
    await decide(click(first, 'allow-once'));
    jest.advanceTimersByTime(60_000);
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(posts.get(second.Id!)!.Message).toBe(`${second.Message}\n\n⌛ **Expired** · 14:03 UTC`);
    expect(postActions(posts.get(second.Id!)!)).toEqual([]);
    expect(posts.get(first.Id!)!.Message).toContain('✓ **Approve once** by @alice');
    approvals.stop();
  } finally {
    jest.useRealTimers();
  }
});

test('gateway away: the click stays queued, the post says so; delivered later, the post shows the decision', async () => {
  let away = true;
  const { approvals, posts, resolved, click, queued, deps } = setup();
  const resolve = deps.resolve;
  deps.resolve = (id, d) => (away ? Promise.reject(new GatewayLinkError('not-connected', 'away')) : resolve(id, d));
  const delivery = new ExecApprovals(deps).clickHandler.delivery!;
  await approvals.onEvent('exec.approval.requested', request());
  const [post] = posts.values();
  const c = click(post, 'allow-once');
  expect(await approvals.clickHandler.handle(c)).toBeUndefined();
  expect(await delivery.deliver(queued(c))).toBe('link-down');
  await delivery.showQueued(queued(c));
  expect(posts.get(post.Id!)!.Message).toBe(`${post.Message}\n\n⏳ **Queued**: Approve once by @alice, waiting for the OpenClaw gateway · 14:03 UTC`);
  expect(postActions(posts.get(post.Id!)!)).toEqual([]);
  away = false;
  expect(await delivery.deliver(queued(c))).toBe('delivered');
  expect(resolved).toEqual(['ap1:allow-once']);
  expect(posts.get(post.Id!)!.Message).toBe(`${post.Message}\n\n✓ **Approve once** by @alice · 14:03 UTC`);
  expect(await delivery.deliver(queued(c))).toBe('dropped'); // shown already: never a second decision
  expect(resolved).toHaveLength(1);
});

test('a decision the gateway refuses is dropped: the post says it came too late, or that the approval expired', async () => {
  const refused = () => new GatewayLinkError('rejected', 'OpenClaw gateway rejected exec.approval.resolve: approval already resolved', 'INVALID_REQUEST');
  const { approvals, posts, click, queued } = setup({ failWith: refused });
  await approvals.onEvent('exec.approval.requested', request());
  const [post] = posts.values();
  expect(await approvals.clickHandler.delivery!.deliver(queued(click(post, 'deny')))).toBe('dropped');
  expect(posts.get(post.Id!)!.Message).toBe(`${post.Message}\n\n✗ **Not delivered (Deny), decided elsewhere first** by @alice · 14:03 UTC`);

  const late = setup({ failWith: refused });
  await late.approvals.onEvent('exec.approval.requested', request('ap1', {}));
  const [p2] = late.posts.values();
  late.deps.now = () => NOW + 120_000;
  const lateDelivery = new ExecApprovals(late.deps).clickHandler.delivery!;
  expect(await lateDelivery.deliver(late.queued(late.click(p2, 'deny')))).toBe('dropped');
  expect(late.posts.get(p2.Id!)!.Message).toBe(`${p2.Message}\n\n⌛ **Expired** · 14:05 UTC`);
  approvals.stop();
  late.approvals.stop();
});
