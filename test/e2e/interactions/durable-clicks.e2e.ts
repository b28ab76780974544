// Issue 10 item 5, durable clicks end to end: the dist/ bundle on a real Mattermost, the real
// OpenClaw gateway, the fake model calling `exec`. With the gateway away an approver's click
// is queued (the post says so); when it is back the decision reaches the gateway exactly
// once, also when the plugin restarts in between.
//
// "Gateway away" is a cut link, not a stopped gateway: the pending approval lives in the
// gateway process together with the run waiting for it, so stopping the gateway would end
// both and leave nothing to decide. The plugin dials the gateway through the bed's loopback
// proxy, which here drops every connection and refuses new ones until it is let through.
import type { Post } from '@mattermost/types/posts';
import { clickPostAction, connectWebSocket, PluginState, waitFor, waitForPluginState, type EventRecorder, type LoggedIn } from '../../harness';
import { botPosts, ephemeralIn, say, useConversationBed, type ConvBed } from '../conversations/bed';
import { waitForStatus } from '../openclaw/helpers';

jest.setTimeout(420_000);

const ASKS = 'OpenClaw asks to run a command';

describe('durable clicks: gateway away, click, gateway back', () => {
  const bed = useConversationBed({ DmPolicy: 'open', ChannelPolicy: 'open' });
  let b: ConvBed;
  let adminWs: EventRecorder;
  const figures: Record<string, number> = {};

  beforeAll(async () => {
    b = bed();
    adminWs = await connectWebSocket(b.mm.url, b.mm.admin.token);
  });
  afterAll(() => {
    adminWs?.close();
    b?.gw.proxy.setDown(false);
    console.log(`durable clicks e2e figures: ${JSON.stringify(figures)}`);
  });

  const channel = () => b.world.channel.id;
  const stored = (id: string) => b.mm.admin.client.getPost(id);
  const admin = () => b.mm.admin.user.username;

  /** Model requests answering the exec tool's result (one per command run): a tool message after the last assistant turn. */
  function commandRuns(from: number): number {
    return b.gw.model.requests.slice(from).filter((r) => {
      const messages = (r.body.messages ?? []) as Array<{ role?: string; content?: unknown }>;
      const lastAssistant = messages.map((m) => m.role).lastIndexOf('assistant');
      return messages.slice(lastAssistant + 1).some((m) => m.role === 'tool' && JSON.stringify(m.content).includes('hello-from-exec'));
    }).length;
  }

  async function approvalPost(): Promise<Post> {
    const from = b.ws.alice.events.length;
    await say(b.alice, channel(), '@openclaw please run exec');
    const [seen] = await botPosts(b.ws.alice, b.botId, (p) => p.channel_id === channel() && p.message.includes(ASKS), 1, 120_000, from);
    return stored(seen.id);
  }

  async function gatewayAway(): Promise<void> {
    b.gw.proxy.setDown(true);
    await waitForStatus(b.mm.url, b.mm.admin.token, (s) => s.status !== 'connected', 30_000, 'the link to notice the gateway is away');
  }

  async function postSays(postId: string, text: string): Promise<Post> {
    return waitFor(`the post to say "${text}"`, async () => {
      const p = await stored(postId);
      return p.message.includes(text) ? p : undefined;
    }, 60_000, 100);
  }

  async function clickWhileAway(post: Post, clicker: LoggedIn, ws: EventRecorder): Promise<void> {
    const from = ws.events.length;
    await clickPostAction(clicker.client, post.id, 'allowonce');
    await waitFor('the private "queued" note', () => Promise.resolve(
      ephemeralIn({ ...ws, events: ws.events.slice(from) }, channel()).find((p) => p.message.includes('your click is queued'))), 20_000, 50);
    const queued = await postSays(post.id, `⏳ **Queued**: Approve once by @${clicker.user.username}, waiting for the OpenClaw gateway`);
    expect(queued.message).not.toContain('✓');
    expect(queued.props?.attachments ?? []).toEqual([]);
  }

  /** After the link is back: one decision on the post, one command run, nothing more after a sentinel round trip. */
  async function decidedOnce(post: Post, modelFrom: number, username: string): Promise<void> {
    const line = `✓ **Approve once** by @${username}`;
    const decided = await postSays(post.id, line);
    expect(decided.message.split(line)).toHaveLength(2);
    expect(decided.message).not.toContain('Queued');
    await waitFor('the command to run', () => Promise.resolve(commandRuns(modelFrom) >= 1 || undefined), 120_000, 100);
    // A later round trip through the same gateway: any second delivery would have run the command again by then.
    const from = b.ws.alice.events.length;
    await say(b.alice, b.aliceDm, 'echo: sentinel after the queued click');
    await botPosts(b.ws.alice, b.botId, (p) => p.message === 'sentinel after the queued click', 1, 120_000, from);
    expect(commandRuns(modelFrom)).toBe(1);
    expect((await stored(post.id)).message).toBe(decided.message);
  }

  test('the click waits while the gateway is away and is decided exactly once when it is back', async () => {
    const post = await approvalPost();
    const modelFrom = b.gw.model.requests.length;
    await gatewayAway();
    // The default approvers: system admins.
    await clickWhileAway(post, b.mm.admin, adminWs);
    expect(commandRuns(modelFrom)).toBe(0);
    const t0 = Date.now();
    b.gw.proxy.setDown(false);
    await decidedOnce(post, modelFrom, admin());
    figures.backToDecidedMs = Date.now() - t0;
  });

  test('the same with a plugin restart while the click is queued; an approver from the setting clicks', async () => {
    await b.configure({ DmPolicy: 'open', ChannelPolicy: 'open', ExecApprovers: `@${b.alice.user.username}` });
    const post = await approvalPost();
    const modelFrom = b.gw.model.requests.length;
    await gatewayAway();
    await clickWhileAway(post, b.alice, b.ws.alice);
    const client = b.mm.admin.client;
    await client.disablePlugin('openclaw');
    await waitForPluginState(client, PluginState.NotRunning);
    await client.enablePlugin('openclaw');
    await waitForPluginState(client, PluginState.Running);
    expect(commandRuns(modelFrom)).toBe(0);
    const t0 = Date.now();
    b.gw.proxy.setDown(false);
    await decidedOnce(post, modelFrom, b.alice.user.username);
    figures.restartBackToDecidedMs = Date.now() - t0;
  });
});
