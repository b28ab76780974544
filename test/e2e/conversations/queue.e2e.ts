// Issue 8, nothing lost while the gateway is away: DMs that arrive while it is stopped are
// marked (hourglass reaction), kept in the KV store, and answered exactly once, in order,
// when it is back, also when the plugin restarts in between.
import { PluginState, sleep, waitFor, waitForPluginState, type EventRecorder, type WsEvent } from '../../harness';
import { waitForStatus } from '../openclaw/helpers';
import { botPosts, postsOf, say, useConversationBed, type ConvBed } from './bed';
import { connectOperator, type Operator } from './operator';

jest.setTimeout(420_000);

const MARKER = 'hourglass_flowing_sand';

interface Reaction { user_id: string; post_id: string; emoji_name: string }
function reactions(ws: EventRecorder, event: 'reaction_added' | 'reaction_removed', from: number): Reaction[] {
  return ws.events.slice(from).filter((e: WsEvent) => e.event === event)
    .map((e) => JSON.parse(String(e.data.reaction)) as Reaction);
}

describe('queued while the gateway is away', () => {
  const bed = useConversationBed({ DmPolicy: 'open' });
  let b: ConvBed;
  let operator: Operator;
  const figures: Record<string, number> = {};

  beforeAll(async () => {
    b = bed();
    // Warm the DM session up, so the timings below are the queue's, not the gateway's first run.
    await say(b.alice, b.aliceDm, 'echo: warm');
    await botPosts(b.ws.alice, b.botId, (p) => p.message === 'warm', 1, 240_000);
  }, 300_000);
  afterAll(async () => {
    await operator?.stop();
    console.log(`queue e2e figures: ${JSON.stringify(figures)}`);
  });

  const down = () => waitForStatus(b.mm.url, b.mm.admin.token, (s) => s.status === 'error', 20_000, 'the link to report the gateway down');
  /** The user messages of alice's DM session, in transcript order, that contain `tag`. */
  async function sessionTurns(tag: string): Promise<string[]> {
    operator ??= await connectOperator(b.gw.localUrl, b.gw.token);
    const history = JSON.parse(await operator.history(`agent:main:mattermost:direct:${b.alice.user.id}`)) as { messages: Array<{ role: string; content: unknown }> };
    return history.messages.filter((m) => m.role === 'user').map((m) => JSON.stringify(m.content)).filter((c) => c.includes(tag))
      .map((c) => /echo: ([a-z]+ \d)/.exec(c)![1]);
  }

  async function queueThree(tag: string, from: number): Promise<string[]> {
    const ids: string[] = [];
    for (const i of [1, 2, 3]) ids.push((await say(b.alice, b.aliceDm, `echo: ${tag} ${i}`)).id);
    await waitFor('three hourglass markers', () => Promise.resolve(
      reactions(b.ws.alice, 'reaction_added', from).filter((r) => r.user_id === b.botId && r.emoji_name === MARKER).length >= 3 || undefined),
    30_000, 50);
    expect(reactions(b.ws.alice, 'reaction_added', from).filter((r) => r.emoji_name === MARKER).map((r) => r.post_id).sort()).toEqual([...ids].sort());
    expect((await b.status()).conversations?.queued).toBeGreaterThanOrEqual(1);
    return ids;
  }

  async function answeredOnceInOrder(tag: string, from: number): Promise<void> {
    const replies = await botPosts(b.ws.alice, b.botId, (p) => p.channel_id === b.aliceDm && p.message.startsWith(`${tag} `), 3, 120_000, from);
    expect(replies.map((p) => p.message)).toEqual([`${tag} 1`, `${tag} 2`, `${tag} 3`]);
    // Markers come off; a sentinel round trip shows nothing else was posted in the meantime.
    await waitFor('the markers to be removed', () => Promise.resolve(
      reactions(b.ws.alice, 'reaction_removed', from).filter((r) => r.emoji_name === MARKER).length >= 3 || undefined), 30_000, 50);
    await say(b.alice, b.aliceDm, `echo: sentinel ${tag}`);
    await botPosts(b.ws.alice, b.botId, (p) => p.message === `sentinel ${tag}`, 1, 90_000, from);
    expect(postsOf(b.ws.alice, from).filter((p) => p.user_id === b.botId && p.message.startsWith(`${tag} `)).map((p) => p.message))
      .toEqual([`${tag} 1`, `${tag} 2`, `${tag} 3`]);
    // The agent got each message once, in order.
    expect(await sessionTurns(`echo: ${tag}`)).toEqual([`${tag} 1`, `${tag} 2`, `${tag} 3`]);
  }

  test('gateway stopped for 60 s while three DMs arrive → each answered exactly once, in order, after it returns', async () => {
    const from = b.ws.alice.events.length;
    const stoppedAt = Date.now();
    await b.gw.gateway.stop();
    await down();
    await queueThree('away', from);
    // The outage lasts a full minute, as a restarting gateway might.
    await sleep(Math.max(0, 60_000 - (Date.now() - stoppedAt)));
    expect(postsOf(b.ws.alice, from).filter((p) => p.user_id === b.botId)).toEqual([]);
    const t0 = Date.now();
    await b.gw.gateway.start();
    await answeredOnceInOrder('away', from);
    figures.backToThreeAnswersMs = Date.now() - t0;
  });

  test('the same with a plugin restart while the posts are queued', async () => {
    const from = b.ws.alice.events.length;
    await b.gw.gateway.stop();
    await down();
    await queueThree('restart', from);
    const admin = b.mm.admin.client;
    await admin.disablePlugin('openclaw');
    await waitForPluginState(admin, PluginState.NotRunning);
    await admin.enablePlugin('openclaw');
    await waitForPluginState(admin, PluginState.Running);
    const t0 = Date.now();
    await b.gw.gateway.start();
    await answeredOnceInOrder('restart', from);
    figures.restartBackToThreeAnswersMs = Date.now() - t0;
  });
});
