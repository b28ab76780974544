// Issue 10, exec approvals and click security end to end: the dist/ bundle on a real
// Mattermost, the real OpenClaw gateway (tools.exec in ask mode), the fake model calling
// `exec`. Clicks go through POST /api/v4/posts/{id}/actions/{action} as the clicking user.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Post } from '@mattermost/types/posts';
import { clickPostAction, connectWebSocket, rawRequest, waitFor, type EventRecorder, type LoggedIn } from '../../harness';
import { botPosts, ephemeralIn, say, useConversationBed, type ConvBed } from '../conversations/bed';
import { connectOperator, type Operator } from '../conversations/operator';
import { waitForStatus } from '../openclaw/helpers';
import { buttonsSecret, forgedPost, sign, storedActions, type Ctx } from './forge';

jest.setTimeout(300_000);

const ASKS = 'OpenClaw asks to run a command';
const CLICK_ROUTE = '/plugins/openclaw/api/v1/interactions/click';

describe('exec approvals as buttons', () => {
  const bed = useConversationBed({ DmPolicy: 'open', ChannelPolicy: 'open' });
  let b: ConvBed;
  let adminWs: EventRecorder;
  let operator: Operator;
  const figures: Record<string, number> = {};

  beforeAll(async () => {
    b = bed();
    adminWs = await connectWebSocket(b.mm.url, b.mm.admin.token);
    operator = await connectOperator(b.gw.localUrl, b.gw.token, ['operator.read', 'operator.write', 'operator.admin', 'operator.approvals']);
  });
  afterAll(async () => {
    adminWs?.close();
    await operator?.stop();
    console.log(`interaction e2e figures: ${JSON.stringify(figures)}`);
  });

  const channel = () => b.world.channel.id;
  const modelCalls = () => b.gw.model.requests.length;
  const stored = (id: string) => b.mm.admin.client.getPost(id);

  /** Alice asks the agent to run `echo hello-from-exec`; resolves the approval post. */
  async function approvalPost(): Promise<Post> {
    const from = b.ws.alice.events.length;
    const t0 = Date.now();
    await say(b.alice, channel(), '@openclaw please run exec');
    const [seen] = await botPosts(b.ws.alice, b.botId, (p) => p.channel_id === channel() && p.message.includes(ASKS), 1, 120_000, from);
    figures.approvalPostMs = Date.now() - t0;
    return stored(seen.id);
  }

  async function refusalSeen(ws: EventRecorder, channelId: string, from: number, text: string): Promise<void> {
    await waitFor(`the refusal "${text}"`, () => Promise.resolve(
      ephemeralIn({ ...ws, events: ws.events.slice(from) }, channelId).find((p) => p.message.includes(text))), 20_000, 50);
  }

  async function reply(match: string, from: number) {
    return botPosts(b.ws.alice, b.botId, (p) => p.channel_id === channel() && p.message.includes(match), 1, 120_000, from);
  }

  test('a non-approver is refused; a system admin (default approver) approves; the command runs and the reply arrives', async () => {
    const post = await approvalPost();
    expect(post.message).toContain('echo hello-from-exec');
    const calls = modelCalls();
    const bobFrom = b.ws.bob.events.length;
    await clickPostAction(b.bob.client, post.id, 'allowonce');
    await refusalSeen(b.ws.bob, channel(), bobFrom, 'only the exec approvers');
    expect((await stored(post.id)).message).toBe(post.message);
    expect(modelCalls()).toBe(calls);

    const from = b.ws.alice.events.length;
    const t0 = Date.now();
    await clickPostAction(b.mm.admin.client, post.id, 'allowonce');
    await reply('Tool said: hello-from-exec', from);
    figures.approveToReplyMs = Date.now() - t0;
    const decided = await stored(post.id);
    expect(decided.message).toContain(`✓ **Approve once** by @${b.mm.admin.user.username}`);
    expect(decided.props?.attachments ?? []).toEqual([]); // Mattermost stores the emptied list as null
  });

  test('an approver from the setting denies; the model reports the denial', async () => {
    await b.configure({ DmPolicy: 'open', ChannelPolicy: 'open', ExecApprovers: `@${b.alice.user.username}` });
    await waitForStatus(b.mm.url, b.mm.admin.token, (s) => (s as { interactions?: { approvers?: string } }).interactions?.approvers === `@${b.alice.user.username}`,
      30_000, 'the approvers setting');
    const post = await approvalPost();
    const from = b.ws.alice.events.length;
    await clickPostAction(b.alice.client, post.id, 'deny');
    const [said] = await reply('Tool said:', from);
    expect(said.message.toLowerCase()).toContain('denied');
    expect((await stored(post.id)).message).toContain(`✗ **Denied** by @${b.alice.user.username}`);
  });

  test('resolved by another operator client: the post shows it and the run goes on', async () => {
    const post = await approvalPost();
    const id = String(post.props?.openclaw_approval_id);
    const from = b.ws.alice.events.length;
    await operator.request('exec.approval.resolve', { id, decision: 'allow-once' });
    await reply('Tool said: hello-from-exec', from);
    const decided = await waitFor('the post to show the decision', async () => {
      const p = await stored(post.id);
      return p.message.includes('✓ **Approve once** by another OpenClaw client') ? p : undefined;
    }, 20_000, 100);
    expect(decided.props?.attachments ?? []).toEqual([]); // Mattermost stores the emptied list as null
  });

  describe('forged clicks never reach the gateway', () => {
    let post: Post;
    let genuine: Ctx;
    let calls: number;

    beforeAll(async () => {
      post = await approvalPost();
      const action = storedActions(b.mm.dir!, post.id).find((a) => a.id === 'allowonce');
      genuine = action!.integration.context;
      calls = modelCalls();
    });

    /** `clicker` (an approver: alice) clicks a post `forger` wrote with `context`; resolves when the refusal is seen. */
    async function forgedClick(context: Ctx, refusal: string, channelId = channel(), forger: LoggedIn = b.bob): Promise<void> {
      const fake = await forgedPost(forger.client, channelId, 'allowonce', context);
      const from = b.ws.alice.events.length;
      await clickPostAction(b.alice.client, fake.id, 'allowonce');
      await refusalSeen(b.ws.alice, channelId, from, refusal);
    }

    test('a copy of the genuine context on a post by another user', () => forgedClick(genuine, 'did not write'));
    test('a tampered context', () => forgedClick({ ...genuine, decision: 'allow-always' }, 'signature does not match'));
    test('a context without signature', () => {
      const unsigned = { ...genuine };
      delete unsigned._token;
      return forgedClick(unsigned, 'carries no OpenClaw signature');
    });
    test('an expired context, correctly signed', () =>
      forgedClick(sign(buttonsSecret(b.mm.dir!), { ...genuine, expires_at: String(Date.now() - 1000) }), 'has expired'));
    test('the genuine context in another channel', () =>
      forgedClick(genuine, 'made for another channel', b.world.privateChannel.id, b.alice));

    test('nothing reached the gateway; a replayed click is decided once', async () => {
      expect(modelCalls()).toBe(calls);
      expect((await stored(post.id)).message).toBe(post.message);
      // The same click delivered twice at once (a replay racing the original).
      const body = JSON.stringify({ user_id: b.alice.user.id, channel_id: channel(), post_id: post.id, context: genuine });
      const click = () => rawRequest(b.mm.url, CLICK_ROUTE, b.alice.token, { method: 'POST', body }).then((r) => r.json() as Promise<{ ephemeral_text?: string }>);
      const from = b.ws.alice.events.length;
      const answers = await Promise.all([click(), click()]);
      expect(answers.filter((a) => a.ephemeral_text === undefined)).toHaveLength(1);
      expect(answers.filter((a) => a.ephemeral_text?.startsWith('OpenClaw refused this click'))).toHaveLength(1);
      await reply('Tool said: hello-from-exec', from);
      expect((await stored(post.id)).message).toContain(`✓ **Approve once** by @${b.alice.user.username}`);
    });
  });

  describe('buttons from external scripts (docs/interactions/post_buttons.py)', () => {
    const script = join(__dirname, '../../../docs/interactions/post_buttons.py');
    async function postWithPython(secret: string, text: string): Promise<string> {
      const { stdout } = await promisify(execFile)('python3', [script, text, 'Yes', 'No'], {
        env: { ...process.env, MM_URL: b.mm.url, MM_TOKEN: b.bob.token, MM_CHANNEL_ID: channel(), OPENCLAW_SIGNING_SECRET: secret },
      });
      return stdout.trim();
    }
    let secret: string;

    beforeAll(async () => {
      const path = '/plugins/openclaw/api/v1/interactions/script-secret';
      expect((await rawRequest(b.mm.url, path, b.bob.token)).status).toBe(403);
      secret = ((await (await rawRequest(b.mm.url, path, b.mm.admin.token)).json()) as { secret: string }).secret;
      expect(secret).toMatch(/^[0-9a-f]{64}$/);
    });

    test('the documented Python example posts buttons; a click reaches the agent and its answer comes back', async () => {
      const postId = await postWithPython(secret, 'Deploy now?');
      const calls = modelCalls();
      const from = b.ws.alice.events.length;
      await clickPostAction(b.alice.client, postId, 'Yes');
      const [answer] = await botPosts(b.ws.alice, b.botId, (p) => p.channel_id === channel() && p.root_id === postId, 1, 120_000, from);
      expect(answer.message).toBe('Hello from the fake model');
      expect(b.gw.model.requests.slice(calls).map((r) => JSON.stringify(r.body.messages)).join()).toContain(`[Button click: @${b.alice.user.username} selected \\"Yes\\"`);
      expect((await stored(postId)).message).toContain(`✓ **Yes** selected by @${b.alice.user.username}`);
    });

    test('buttons signed with a wrong secret are refused and reach nothing', async () => {
      const postId = await postWithPython('0'.repeat(64), 'Deploy later?');
      const calls = modelCalls();
      const from = b.ws.alice.events.length;
      await clickPostAction(b.alice.client, postId, 'Yes');
      await refusalSeen(b.ws.alice, channel(), from, 'signature does not match');
      expect(modelCalls()).toBe(calls);
      expect((await stored(postId)).message).toBe('Deploy later?');
    });
  });
});
