// Issue 9, the push notification of a streamed reply: Mattermost notifies only when a post is
// created, and our reply post is created with a placeholder. With a fake push proxy as the
// server's EmailSettings.PushNotificationServer and a mobile session for Alice, the one push
// she gets for the bot's DM reply carries the final answer's first words, never the placeholder.
import { slowReply } from '../../gateway-bed/fake-model.cjs';
import { DEFAULT_PASSWORD, startPushProxy, waitFor, type PushProxy } from '../../harness';
import { say, useConversationBed, type ConvBed } from '../conversations/bed';
import { replyPost, streamEnd } from './stream-helpers';

jest.setTimeout(300_000);

const PLACEHOLDER = 'OpenClaw is answering';

describe('push notifications of streamed replies', () => {
  const bed = useConversationBed({ DmPolicy: 'open', ChannelPolicy: 'open', StreamingMode: 'partial', StreamingCheckpointSeconds: 1 });
  let b: ConvBed;
  let proxy: PushProxy;

  beforeAll(async () => {
    b = bed();
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
    expect(push.message).not.toContain(PLACEHOLDER);
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

  test('a plain post of a person still notifies normally (the hook lets other posts through)', async () => {
    const bob = b.bob;
    const dm = await bob.client.createDirectChannel([bob.user.id, b.alice.user.id]);
    const sent = await say(bob, dm.id, 'hello alice from bob');
    const [push] = await waitFor('the push of bob\'s post', () => Promise.resolve(proxy.received.filter((p) => p.post_id === sent.id).length ? proxy.received.filter((p) => p.post_id === sent.id) : undefined), 30_000, 100);
    expect(push.message).toBe('hello alice from bob');
  });
});
