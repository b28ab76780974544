// Issue 9, the server half of streaming, end to end: the dist/ bundle on a real Mattermost, a
// real OpenClaw gateway, the fake model streaming slowly. What a test WebSocket client and the
// REST API see, and what the database keeps, for every mode, a Stop, a deleted post, a failure.
import { slowReply } from '../../gateway-bed/fake-model.cjs';
import { DEFAULT_PASSWORD, pluginProcesses, startPushProxy, waitFor, type PushProxy } from '../../harness';
import { say, useConversationBed, type ConvBed, type Settings } from '../conversations/bed';
import { bedSql } from '../openclaw/helpers';
import { connectOperator, type Operator } from '../conversations/operator';
import { deltas, editRows, replyPost, snapshot, stop, streamEnd, streamEvents } from './stream-helpers';

jest.setTimeout(300_000);

const BASE: Settings = { DmPolicy: 'open', ChannelPolicy: 'open', StreamingMode: 'partial', StreamingCheckpointSeconds: 2 };

describe('streaming replies through Mattermost and the OpenClaw gateway', () => {
  const bed = useConversationBed(BASE);
  let b: ConvBed;
  let operator: Operator;
  const figures: Record<string, number> = {};

  beforeAll(async () => {
    b = bed();
    operator = await connectOperator(b.gw.localUrl, b.gw.token);
  });
  afterAll(async () => {
    await operator?.stop();
    console.log(`streaming e2e figures: ${JSON.stringify(figures)}`);
  });

  async function streamingMode(mode: string, checkpoint = 2): Promise<void> {
    await b.configure({ ...BASE, StreamingMode: mode, StreamingCheckpointSeconds: checkpoint });
    await waitFor(`streaming mode ${mode}`, async () => {
      const s = (await b.status()) as { streaming?: { settings?: { mode?: string; checkpointSeconds?: number } } };
      return s.streaming?.settings?.mode === mode && s.streaming.settings.checkpointSeconds === checkpoint ? true : undefined;
    }, 30_000, 100);
  }

  /** Alice sends `message` to the bot in her DM; returns the reply post once it exists. */
  async function ask(message: string, channelId = b.aliceDm) {
    const from = b.ws.alice.events.length;
    const t0 = Date.now();
    await say(b.alice, channelId, message);
    const post = await replyPost(b.ws.alice, channelId, from);
    return { post, t0 };
  }

  const finalPost = async (postId: string) => b.alice.client.getPost(postId);

  test('partial: the text grows in several deltas; they add up to the final post and the gateway\'s answer; checkpoints stay within budget', async () => {
    await streamingMode('partial', 2);
    // 300 model chunks ("Word", " 1", " word", …) 20 ms apart, about 6 s.
    const expected = slowReply(150);
    const { post, t0 } = await ask('slow reply 150 20');
    expect(post.props).toMatchObject({ openclaw_state: 'streaming', openclaw_requester: b.alice.user.id });
    expect(post.message.length).toBeGreaterThan(0);

    // Mid-stream: the snapshot route gives a prefix of the answer; someone who cannot read the DM is refused.
    await b.ws.alice.waitFor((e) => e.event === 'custom_openclaw_stream_delta' && e.data['post_id'] === post.id && Number(e.data['seq']) >= 2, 60_000);
    const mid = await snapshot(b.mm.url, b.alice.token, post.id);
    expect(mid.status).toBe(200);
    expect(mid.body).toMatchObject({ post_id: post.id, state: 'streaming', requester_id: b.alice.user.id });
    expect(expected.startsWith(String(mid.body['text']))).toBe(true);
    expect((await snapshot(b.mm.url, b.bob.token, post.id)).status).toBe(403);

    const end = await streamEnd(b.ws.alice, post.id);
    const durationMs = Date.now() - t0;
    const ds = deltas(b.ws.alice, post.id);
    expect(end).toEqual({ seq: ds.length, state: 'done' });
    expect(ds.map((d) => d.seq)).toEqual(ds.map((_, i) => i + 1));
    expect(ds.length).toBeGreaterThanOrEqual(5);
    expect(ds.length).toBeLessThan(200); // coalesced (50 ms window): well under one event per chunk
    const text = ds.map((d) => d.text).join('');
    const final = await finalPost(post.id);
    expect(text).toBe(expected);
    expect(final.message).toBe(expected);
    expect(final.props).toMatchObject({ openclaw_state: 'done', openclaw_seq: ds.length });
    expect(await operator.history(`agent:main:mattermost:direct:${b.alice.user.id}`)).toContain(JSON.stringify(expected).slice(1, -1));

    const rows = editRows(b.mm.dir!, post.id);
    figures.partialDeltas = ds.length;
    figures.partialDurationMs = durationMs;
    figures.partialEditRows = rows;
    expect(rows).toBeGreaterThanOrEqual(2); // at least one checkpoint plus the final write
    expect(rows).toBeLessThanOrEqual(1 + Math.ceil(durationMs / 2000));
    expect((await snapshot(b.mm.url, b.alice.token, post.id)).body).toMatchObject({ state: 'done', text: expected, seq: ds.length });
  });

  test('block: the text arrives a paragraph at a time', async () => {
    await streamingMode('block', 0);
    const { post } = await ask('slow reply 30 60');
    await streamEnd(b.ws.alice, post.id);
    const ds = deltas(b.ws.alice, post.id);
    expect(ds.length).toBeGreaterThanOrEqual(3);
    for (const d of ds.slice(0, -1)) expect(d.text.endsWith('\n\n')).toBe(true);
    expect(ds.map((d) => d.text).join('')).toBe(slowReply(30));
    expect((await finalPost(post.id)).message).toBe(slowReply(30));
    expect(editRows(b.mm.dir!, post.id)).toBe(1); // checkpoints off: the final write only
  });

  // Tool lines are shown by unit tests: an exec call now waits for an approval in Mattermost
  // (exec approvals), which would hold Alice's DM session here.
  test('progress: no text while the agent works (no checkpoint either), the answer only at the end', async () => {
    await streamingMode('progress', 2);
    const { post } = await ask('slow reply 60 50');
    const end = await streamEnd(b.ws.alice, post.id);
    const statuses = streamEvents(b.ws.alice, post.id, 'stream_status').map((e) => String(e.data['status']));
    expect(statuses.join('\n')).not.toContain('`');
    const ds = deltas(b.ws.alice, post.id);
    expect(ds).toHaveLength(1);
    expect(end.seq).toBe(1);
    expect(ds[0].text).toBe(slowReply(60));
    expect((await finalPost(post.id)).message).toBe(slowReply(60));
    expect(editRows(b.mm.dir!, post.id)).toBe(1);
  });

  test('Stop: refused (403) for another member, works for the requester; the post ends as stopped with its partial text', async () => {
    await streamingMode('partial', 2);
    const { post } = await ask('@openclaw slow reply 80 150', b.world.channel.id);
    await b.ws.alice.waitFor((e) => e.event === 'custom_openclaw_stream_delta' && e.data['post_id'] === post.id && Number(e.data['seq']) >= 2, 60_000);
    const refused = await stop(b.mm.url, b.bob.token, post.id);
    expect(refused.status).toBe(403);
    expect(String(refused.body['error'])).toContain('only the person who asked');
    expect(await stop(b.mm.url, b.alice.token, post.id)).toEqual({ status: 200, body: { state: 'stopped' } });
    const end = await streamEnd(b.ws.alice, post.id);
    expect(end.state).toBe('stopped');
    const final = await finalPost(post.id);
    expect(final.props).toMatchObject({ openclaw_state: 'stopped' });
    const partial = deltas(b.ws.alice, post.id).map((d) => d.text).join('');
    expect(final.message.startsWith(partial.trim())).toBe(true);
    expect(final.message).toContain(':stop_sign:');
    expect(partial.length).toBeLessThan(slowReply(80).length);
  });

  test('a post deleted mid-stream: the answer comes in a fresh post', async () => {
    await streamingMode('partial', 2);
    const { post } = await ask('slow reply 30 100');
    await b.ws.alice.waitFor((e) => e.event === 'custom_openclaw_stream_delta' && e.data['post_id'] === post.id, 60_000);
    const from = b.ws.alice.events.length;
    await b.mm.admin.client.deletePost(post.id);
    const fresh = await replyPost(b.ws.alice, b.aliceDm, from);
    expect(fresh.id).not.toBe(post.id);
    expect(fresh.message).toBe(slowReply(30));
    expect(fresh.props).toMatchObject({ openclaw_state: 'done' });
  });

  test('a model error mid-stream: the partial text stays, with one clear error line', async () => {
    await streamingMode('partial', 2);
    const { post } = await ask('fail after 12');
    const end = await streamEnd(b.ws.alice, post.id);
    const final = await finalPost(post.id);
    figures.errorState = end.state === 'error' ? 1 : 0;
    expect(end.state).toBe('error');
    expect(final.props).toMatchObject({ openclaw_state: 'error' });
    const lines = final.message.split('\n\n');
    expect(lines.at(-1)).toMatch(/^:x: /);
    expect(final.message.split('\n').filter((l) => l.startsWith(':x:'))).toHaveLength(1);
  });

  test('kill -9 of the plugin mid-stream: once Mattermost restarts it, the post is finished from the gateway\'s history', async () => {
    await streamingMode('partial', 2);
    const { post } = await ask('slow reply 60 150');
    await b.ws.alice.waitFor((e) => e.event === 'custom_openclaw_stream_delta' && e.data['post_id'] === post.id && Number(e.data['seq']) >= 2, 60_000);
    const killedAt = Date.now();
    const pids = pluginProcesses(b.mm.pluginsDir!);
    expect(pids.length).toBeGreaterThan(0);
    for (const pid of pids) process.kill(pid, 'SIGKILL');
    const end = await streamEnd(b.ws.alice, post.id, 240_000);
    figures.killToFinalMs = Date.now() - killedAt;
    expect(end.state).toBe('done');
    const final = await finalPost(post.id);
    expect(final.message).toBe(slowReply(60));
    expect(final.props).toMatchObject({ openclaw_state: 'done', openclaw_seq: end.seq });
    expect(pluginProcesses(b.mm.pluginsDir!).some((p) => !pids.includes(p))).toBe(true);
  });

  // Mattermost notifies only when a post is created, and our reply post is created with a
  // placeholder. With a fake push proxy as EmailSettings.PushNotificationServer and a mobile
  // session for Alice, her one push for the bot's DM reply carries the final answer's first words.
  describe('push notifications', () => {
    let proxy: PushProxy;
    beforeAll(async () => {
      proxy = await startPushProxy();
      const admin = b.mm.admin.client;
      const config = await admin.getConfig();
      await admin.updateConfig({
        ...config,
        EmailSettings: { ...config.EmailSettings, SendPushNotifications: true, PushNotificationServer: proxy.url, PushNotificationContents: 'full' },
      });
      // A second session of Alice's, as the mobile app opens it: the server pushes to sessions with a device id.
      const res = await fetch(`${b.mm.url}/api/v4/users/login`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ login_id: b.alice.user.username, password: DEFAULT_PASSWORD, device_id: 'android_rn:openclaw-e2e-device' }),
      });
      expect(res.status).toBe(200);
    });
    afterAll(async () => {
      await proxy?.stop();
    });

    const pushesFor = (postId: string) => proxy.received.filter((p) => p.post_id === postId && p.type === 'message');

    test('the DM reply\'s push is sent once, after the stream, with the final answer\'s first words', async () => {
      const from = b.ws.alice.events.length;
      await say(b.alice, b.aliceDm, 'slow reply 60 40');
      const post = await replyPost(b.ws.alice, b.aliceDm, from);
      await streamEnd(b.ws.alice, post.id);
      const [push] = await waitFor('the push of the reply', () => Promise.resolve(pushesFor(post.id).length ? pushesFor(post.id) : undefined), 30_000, 100);
      expect(push.message).not.toContain('OpenClaw is answering');
      // The answer (about 480 characters) is cut to 300 with an ellipsis.
      expect(push.message).toMatch(/^Word 1 word 2 word 3 .*…$/);
      expect(push.message).toHaveLength(300);
      expect(slowReply(60).replace(/\s+/g, ' ').startsWith((push.message ?? '').slice(0, -1))).toBe(true);
      expect(push.device_id).toBe('openclaw-e2e-device');
      // The hook runs for our own resend too: it must not hold or double it.
      await say(b.alice, b.aliceDm, 'echo: settle');
      await waitFor('a later push', () => Promise.resolve(proxy.received.some((p) => p.message === 'settle') || undefined), 60_000, 100);
      expect(pushesFor(post.id)).toHaveLength(1);
    });

    test('kill -9 mid-stream: the held push is kept in the KV store and the restarted plugin sends it with the answer', async () => {
      await streamingMode('partial', 2);
      const from = b.ws.alice.events.length;
      await say(b.alice, b.aliceDm, 'slow reply 60 150');
      const post = await replyPost(b.ws.alice, b.aliceDm, from);
      const held = () => Number(bedSql(b.mm.dir!, `select count(*) from pluginkeyvaluestore where pluginid = 'openclaw' and pkey like 'oc-push:${post.id}:%'`));
      await waitFor('the held push in the KV store', () => Promise.resolve(held() >= 1 || undefined), 30_000, 100);
      const pids = pluginProcesses(b.mm.pluginsDir!);
      for (const pid of pids) process.kill(pid, 'SIGKILL');
      await streamEnd(b.ws.alice, post.id, 240_000);
      const [push] = await waitFor('the push of the recovered reply', () => Promise.resolve(pushesFor(post.id).length ? pushesFor(post.id) : undefined), 60_000, 100);
      expect(push.message).not.toContain('OpenClaw is answering');
      expect(push.message).toMatch(/^Word 1 word 2 word 3 /);
      expect(push.device_id).toBe('openclaw-e2e-device');
      expect(held()).toBe(0);
      await say(b.alice, b.aliceDm, 'echo: settle again');
      await waitFor('a later push', () => Promise.resolve(proxy.received.some((p) => p.message === 'settle again') || undefined), 60_000, 100);
      expect(pushesFor(post.id)).toHaveLength(1);
    });

    test('a plain post of a person still notifies normally (the hook lets other posts through)', async () => {
      const bob = b.bob;
      const dm = await bob.client.createDirectChannel([bob.user.id, b.alice.user.id]);
      const sent = await say(bob, dm.id, 'hello alice from bob');
      const [push] = await waitFor('the push of bob\'s post', () => Promise.resolve(proxy.received.filter((p) => p.post_id === sent.id).length ? proxy.received.filter((p) => p.post_id === sent.id) : undefined), 30_000, 100);
      expect(push.message).toBe('hello alice from bob');
    });
  });
});
