// Issue 8, conversations end to end: the dist/ bundle on a real Mattermost, a real OpenClaw
// gateway, the fake model recording what it receives. One bed for the file; the tests run
// in order and change the settings as they go.
import { longReply } from '../../gateway-bed/fake-model.cjs';
import { waitFor } from '../../harness';
import { fencesBalanced } from '../../../server-ts/features/conversations/split-reply';
import { botPosts, modelInputs, postsOf, say, useConversationBed, type ConvBed } from './bed';
import { connectOperator, relayStats, type Operator } from './operator';

jest.setTimeout(300_000);

// An 8×8 red PNG.
const RED_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEklEQVR4nGP4z8CAFWEXHbQSACj/P8Fu7N9hAAAAAElFTkSuQmCC', 'base64');

describe('conversations through Mattermost and the OpenClaw gateway', () => {
  const bed = useConversationBed({ DmPolicy: 'open', ChannelPolicy: 'open' });
  let b: ConvBed;
  let operator: Operator;
  const figures: Record<string, number> = {};

  beforeAll(async () => {
    b = bed();
    operator = await connectOperator(b.gw.localUrl, b.gw.token);
  });
  afterAll(async () => {
    await operator?.stop();
    console.log(`conversation e2e figures: ${JSON.stringify(figures)}`);
  });

  const stats = () => relayStats(b.mm.url, b.mm.admin.token);
  const dmKey = (userId: string) => `agent:main:mattermost:direct:${userId}`;
  const channelKey = (channelId: string) => `agent:main:mattermost:channel:${channelId}`;
  /** Posts `message` and proves the plugin looked at it and let it go (no model call). */
  async function ignored(channelId: string, message: string, as = b.alice): Promise<void> {
    const before = (await stats()).ignored;
    const requests = b.gw.model.requests.length;
    await say(as, channelId, message);
    await waitFor('the plugin to pass over the post', async () => ((await stats()).ignored > before ? true : undefined), 15_000, 50);
    expect(modelInputs(b.gw, requests).filter((m) => m.includes(message))).toEqual([]);
  }

  test('a DM is answered in the DM, in the person\'s session', async () => {
    const t0 = Date.now();
    const post = await say(b.alice, b.aliceDm, 'echo: dm works');
    const [reply] = await botPosts(b.ws.alice, b.botId, (p) => p.channel_id === b.aliceDm && p.message === 'dm works');
    figures.firstDmReplyMs = Date.now() - t0;
    expect(reply.root_id ?? '').toBe('');
    expect(await operator.history(dmKey(b.alice.user.id))).toContain('echo: dm works');
    expect(post.id).toBeTruthy();
  });

  test('a channel @mention is answered in the channel; the model hears who and where', async () => {
    const requests = b.gw.model.requests.length;
    await say(b.alice, b.world.channel.id, '@openclaw echo: mention works');
    await botPosts(b.ws.alice, b.botId, (p) => p.channel_id === b.world.channel.id && p.message === 'mention works');
    const input = modelInputs(b.gw, requests).find((m) => m.includes('echo: mention works'));
    expect(input).toContain(`from @${b.alice.user.username}]`);
    expect(input).toContain(`~${b.world.channel.name}`);
    expect(await operator.history(channelKey(b.world.channel.id))).toContain('echo: mention works');
  });

  test('oncall: no mention → nothing reaches the agent', async () => {
    await ignored(b.world.channel.id, 'echo: not for you');
  });

  test('onchar: a prefix addresses the bot; no prefix does not', async () => {
    await b.configure({ DmPolicy: 'open', ChannelPolicy: 'open', ChatMode: 'onchar' });
    await say(b.alice, b.world.channel.id, '> echo: prefix works');
    await botPosts(b.ws.alice, b.botId, (p) => p.message === 'prefix works');
    await ignored(b.world.channel.id, 'echo: no prefix here');
  });

  test('onmessage: every message in the channel is answered', async () => {
    await b.configure({ DmPolicy: 'open', ChannelPolicy: 'open', ChatMode: 'onmessage' });
    await say(b.bob, b.world.channel.id, 'echo: every message');
    await botPosts(b.ws.bob, b.botId, (p) => p.channel_id === b.world.channel.id && p.message === 'every message');
  });

  test('per-channel override: the private channel answers every message, the public one still needs a mention', async () => {
    await b.configure({ DmPolicy: 'open', ChannelPolicy: 'open', ChatMode: 'oncall', ChannelOverrides: `${b.world.privateChannel.name}: onmessage` });
    await say(b.alice, b.world.privateChannel.id, 'echo: override works');
    await botPosts(b.ws.alice, b.botId, (p) => p.channel_id === b.world.privateChannel.id && p.message === 'override works');
    await ignored(b.world.channel.id, 'echo: still needs a mention');
  });

  test('replyToMode first: the reply starts a thread with its own session; a second person continues it', async () => {
    await b.configure({ DmPolicy: 'open', ChannelPolicy: 'open', ReplyToMode: 'first' });
    const root = await say(b.alice, b.world.channel.id, '@openclaw echo: threaded');
    const [reply] = await botPosts(b.ws.alice, b.botId, (p) => p.message === 'threaded');
    expect(reply.root_id).toBe(root.id);
    const threadKey = `${channelKey(b.world.channel.id)}:thread:${root.id}`;
    expect(await operator.history(threadKey)).toContain('echo: threaded');
    expect(await operator.history(channelKey(b.world.channel.id))).not.toContain('echo: threaded');

    await say(b.bob, b.world.channel.id, '@openclaw echo: bob continues', { root_id: root.id });
    const [second] = await botPosts(b.ws.bob, b.botId, (p) => p.message === 'bob continues');
    expect(second.root_id).toBe(root.id);
    const history = await operator.history(threadKey);
    expect(history).toContain('echo: threaded');
    expect(history).toContain(`from @${b.bob.user.username}]\\necho: bob continues`);
  });

  test('an attached image reaches the model as an image', async () => {
    const form = new FormData();
    form.append('channel_id', b.aliceDm);
    form.append('files', new Blob([RED_PNG], { type: 'image/png' }), 'red.png');
    const upload = await b.alice.client.uploadFile(form);
    const requests = b.gw.model.requests.length;
    await say(b.alice, b.aliceDm, 'echo: got the picture', { file_ids: [upload.file_infos[0].id] });
    await botPosts(b.ws.alice, b.botId, (p) => p.message === 'got the picture');
    const input = modelInputs(b.gw, requests).find((m) => m.includes('echo: got the picture'));
    expect(input).toContain('image_url');
    expect(input).toContain('data:image/png;base64,');
  });

  test('a reaction on a relayed post reaches the session (the model sees it on the next turn)', async () => {
    const post = await say(b.alice, b.aliceDm, 'echo: react to this');
    await botPosts(b.ws.alice, b.botId, (p) => p.message === 'react to this');
    const before = (await stats()).reactionsForwarded;
    await b.alice.client.addReaction(b.alice.user.id, post.id, 'thumbsup');
    await waitFor('the reaction to be forwarded', async () => ((await stats()).reactionsForwarded > before ? true : undefined), 15_000, 50);
    const requests = b.gw.model.requests.length;
    await say(b.alice, b.aliceDm, 'echo: after the reaction');
    await botPosts(b.ws.alice, b.botId, (p) => p.message === 'after the reaction');
    const input = modelInputs(b.gw, requests).find((m) => m.includes('echo: after the reaction'));
    expect(input).toContain(`Mattermost reaction added: :thumbsup: by @${b.alice.user.username} on message ${post.id}`);
  });

  test('the bot\'s own posts and a webhook post never reach the model', async () => {
    await b.configure({ DmPolicy: 'open', ChannelPolicy: 'open', ChatMode: 'onmessage' });
    const requests = b.gw.model.requests.length;
    const before = (await stats()).ignored;
    // The bot's answer mentions itself in an onmessage channel: relaying it would loop.
    await say(b.alice, b.world.channel.id, 'echo: @openclaw loop check');
    await botPosts(b.ws.alice, b.botId, (p) => p.message === '@openclaw loop check');
    await waitFor('the bot\'s own post to be passed over', async () => ((await stats()).ignored > before ? true : undefined), 15_000, 50);
    expect(modelInputs(b.gw, requests).filter((m) => m.includes('loop check'))).toHaveLength(1);

    const hook = await b.mm.admin.client.createIncomingWebhook({ channel_id: b.world.channel.id, display_name: 'ci' });
    const beforeHook = (await stats()).ignored;
    const res = await fetch(`${b.mm.url}/hooks/${hook.id}`, { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'echo: from a webhook @openclaw' }) });
    expect(res.status).toBe(200);
    await waitFor('the webhook post to be passed over', async () => ((await stats()).ignored > beforeHook ? true : undefined), 15_000, 50);
    expect(modelInputs(b.gw, requests).filter((m) => m.includes('from a webhook'))).toEqual([]);
  });

  test('a message a second operator client sends into a Mattermost session appears in that conversation, once', async () => {
    const from = b.ws.alice.events.length;
    await operator.send(dmKey(b.alice.user.id), 'echo: hello from the second client');
    await botPosts(b.ws.alice, b.botId, (p) => p.channel_id === b.aliceDm && p.message === 'hello from the second client', 1, 60_000, from);
    // A sentinel round trip: anything posted twice would be there by the time it is answered.
    await say(b.alice, b.aliceDm, 'echo: sentinel');
    await botPosts(b.ws.alice, b.botId, (p) => p.message === 'sentinel', 1, 90_000, from);
    expect(postsOf(b.ws.alice, from).filter((p) => p.message === 'hello from the second client')).toHaveLength(1);
  });

  test('the bot removed from a channel stops answering there at once; added back, it answers again', async () => {
    await b.configure({ DmPolicy: 'open', ChannelPolicy: 'open', ChatMode: 'oncall' });
    await say(b.alice, b.world.channel.id, '@openclaw echo: still a member');
    await botPosts(b.ws.alice, b.botId, (p) => p.channel_id === b.world.channel.id && p.message === 'still a member');
    await b.mm.admin.client.removeFromChannel(b.botId, b.world.channel.id);
    try {
      await ignored(b.world.channel.id, '@openclaw echo: removed meanwhile');
    } finally {
      await b.mm.admin.client.addToChannel(b.botId, b.world.channel.id);
    }
    await say(b.alice, b.world.channel.id, '@openclaw echo: back again');
    await botPosts(b.ws.alice, b.botId, (p) => p.channel_id === b.world.channel.id && p.message === 'back again');
  });

  test('a 40,000-character reply arrives as several posts, every code fence intact', async () => {
    const expected = longReply(40_000);
    expect(expected.length).toBeGreaterThan(40_000);
    const codeLines = (text: string) => text.split('\n').filter((l) => l.startsWith('code '));
    const from = b.ws.bob.events.length;
    await say(b.bob, b.bobDm, 'long reply 40000');
    const posts = await waitFor('the whole long reply', () => {
      const mine = postsOf(b.ws.bob, from).filter((p) => p.user_id === b.botId && p.channel_id === b.bobDm);
      return Promise.resolve(codeLines(mine.map((p) => p.message).join('\n')).length >= codeLines(expected).length ? mine : undefined);
    }, 120_000, 100);
    figures.longReplyPosts = posts.length;
    expect(posts.length).toBeGreaterThanOrEqual(3);
    for (const p of posts) {
      expect(p.message.length).toBeLessThanOrEqual(16_383);
      expect(fencesBalanced(p.message)).toBe(true);
    }
    // Every line arrives, in order, exactly once: the posts joined again are the reply.
    expect(posts.map((p) => p.message).join('\n\n')).toBe(expected);
  });
});
