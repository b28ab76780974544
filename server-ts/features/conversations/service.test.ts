import type { Post } from '../../mattermost/model';
import { deliverPost, idempotencyKeyFor } from './delivery';
import { FinalReplyPresenter } from './reply-presenter';
import { QUEUED_MARKER } from './notices';
import { Conversations } from './service';
import { FakeAgent } from './testing/fake-agent';
import { FakeKv } from './testing/fake-kv';
import { FakeMattermost } from './testing/fake-mattermost';

const BOT = 'b0tb0tb0tb0tb0tb0tb0tb0tb0';
const ALICE = 'a1icea1icea1icea1icea1icea';
const BOB = 'b0bb0bb0bb0bb0bb0bb0bb0bb0';
const DM = 'dmdmdmdmdmdmdmdmdmdmdmdmdm';
const BOB_DM = 'dm2dm2dm2dm2dm2dm2dm2dm2dm';
const TOWN = 'towntowntowntowntowntownto';
const OTHER = 'otherotherotherotherotherr';

async function until(what: string, cond: () => boolean, maxTurns = 2_000): Promise<void> {
  for (let i = 0; i < maxTurns; i++) {
    if (cond()) return;
    await new Promise((r) => setImmediate(r));
  }
  throw new Error(`never happened: ${what}`);
}

function world(kv = new FakeKv()) {
  const mm = new FakeMattermost(kv)
    .addUser(ALICE, 'alice', { FirstName: 'Alice', LastName: 'Smith' })
    .addUser(BOB, 'bob')
    .addChannel(DM, 'D', `${ALICE}__${BOT}`, [ALICE, BOT])
    .addChannel(BOB_DM, 'D', `${BOB}__${BOT}`, [BOB, BOT])
    .addChannel(TOWN, 'O', 'town-square', [ALICE, BOB, BOT], { DisplayName: 'Town Square' })
    .addChannel(OTHER, 'O', 'off-topic', [ALICE, BOB]);
  mm.teams.set('t1', { Id: 't1', Name: 'eng' });
  return mm;
}

function node(mm: FakeMattermost, agent = new FakeAgent(), nodeId = 'n1') {
  const conv = new Conversations({
    mm, agent, botUserId: () => BOT, botUsername: 'openclaw', agentId: () => 'main', nodeId,
    log: { debug: () => undefined, info: () => undefined, error: () => undefined },
  });
  conv.start();
  running.push(conv);
  return { conv, agent };
}

const running: Conversations[] = [];
afterEach(async () => { for (const c of running.splice(0)) await c.stop(); });

let seq = 0;
const post = (channelId: string, userId: string, message: string, extra: Partial<Post> = {}): Post =>
  ({ Id: `p${++seq}`, ChannelId: channelId, UserId: userId, Message: message, CreateAt: Date.now(), ...extra });
const botPosts = (mm: FakeMattermost) => mm.posts.filter((p) => p.UserId === BOT);

test('a DM reaches the agent in the person\'s session and the reply comes back in the DM', async () => {
  const mm = world();
  const { conv, agent } = node(mm);
  await conv.configure({ DmPolicy: 'open' });
  await conv.onPost(post(DM, ALICE, 'hello there'));
  await until('the reply', () => botPosts(mm).length === 1);
  expect(agent.sent).toEqual([{ sessionKey: `agent:main:mattermost:direct:${ALICE}`, message: 'hello there', idempotencyKey: expect.any(String) as string }]);
  expect(botPosts(mm)[0]).toMatchObject({ ChannelId: DM, RootId: '', Message: 'reply to: hello there' });
  expect(mm.typing[0]).toEqual({ userId: BOT, channelId: DM, parentId: '' });
});

test('posts that are not for the agent: no API call once the channel is known', async () => {
  const mm = world();
  const { conv, agent } = node(mm);
  await conv.configure({ ChannelPolicy: 'open' });
  await conv.onPost(post(OTHER, ALICE, 'warm-up'));
  await conv.onPost(post(TOWN, ALICE, 'warm-up'));
  const before = mm.calls.length;
  for (let i = 0; i < 200; i++) {
    await conv.onPost(post(OTHER, ALICE, `chatter ${i} @openclaw`)); // bot not a member
    await conv.onPost(post(TOWN, ALICE, `chatter ${i}`)); // member, not mentioned (oncall)
    await conv.onPost(post(TOWN, BOT, '@openclaw own post'));
    await conv.onPost(post(TOWN, ALICE, 'joined', { Type: 'system_join_channel' }));
    await conv.onPost(post(TOWN, ALICE, '@openclaw hook', { Props: { from_webhook: 'true' } }));
  }
  expect(mm.calls.length).toBe(before);
  expect(agent.sent).toEqual([]);
  const s = conv.stats.snapshot();
  expect(s.ignored).toBe(1002);
  expect(s.decisionApiCalls).toBe(5); // getChannel + getChannelMember for each channel, the team name once
});

test('pairing: a code for a stranger, an admin approves, then the DM is answered', async () => {
  const mm = world();
  const { conv, agent } = node(mm);
  await conv.configure({});
  await conv.onPost(post(DM, ALICE, 'hi'));
  await until('the pairing code', () => botPosts(mm).length === 1);
  const code = /`([A-Z0-9]{8})`/.exec(botPosts(mm)[0].Message ?? '')?.[1];
  expect(code).toBeDefined();
  expect(agent.sent).toEqual([]);
  expect(await conv.pairing.approve(code!, 'admin')).toMatchObject({ userId: ALICE });
  await conv.onPost(post(DM, ALICE, 'hi again'));
  await until('the answer', () => botPosts(mm).length === 2);
  expect(botPosts(mm)[1].Message).toBe('reply to: hi again');
});

test('DM policy allowlist / disabled: a refusal only the sender sees', async () => {
  const mm = world();
  const { conv, agent } = node(mm);
  await conv.configure({ DmPolicy: 'allowlist', DmAllowlist: '@bob' });
  await conv.onPost(post(DM, ALICE, 'hi'));
  await until('the refusal', () => mm.ephemeral.length === 1);
  expect(mm.ephemeral[0]).toMatchObject({ userId: ALICE, post: { Message: expect.stringMatching(/DM allowlist/) as string } });
  await conv.onPost(post(BOB_DM, BOB, 'hi'));
  await until('bob answered', () => botPosts(mm).length === 1);
  await conv.configure({ DmPolicy: 'disabled' });
  await conv.onPost(post(BOB_DM, BOB, 'again'));
  await until('the second refusal', () => mm.ephemeral.length === 2);
  expect(mm.ephemeral[1].post.Message).toMatch(/not taking direct messages/);
  expect(agent.sent).toHaveLength(1);
});

test('unknown allowlist names show in the status', async () => {
  const mm = world();
  const { conv } = node(mm);
  await conv.configure({ ChannelAllowlist: '@alice @nobody team:eng' });
  expect(conv.status().problems).toEqual(['Channel allowlist: no user named "nobody" (@nobody); it is ignored']);
});

test('a channel mention: the agent hears who and where; replyToMode first threads the reply in a thread session', async () => {
  const mm = world();
  const { conv, agent } = node(mm);
  await conv.configure({ ChannelPolicy: 'allowlist', ChannelAllowlist: '@alice', ReplyToMode: 'first' });
  const p = post(TOWN, ALICE, '@openclaw status?');
  await conv.onPost(p);
  await until('the reply', () => botPosts(mm).length === 1);
  expect(agent.sent[0].sessionKey).toBe(`agent:main:mattermost:channel:${TOWN}:thread:${p.Id}`);
  expect(agent.sent[0].message).toBe('[Mattermost channel ~town-square (Town Square), from Alice Smith (@alice)]\nstatus?');
  expect(botPosts(mm)[0]).toMatchObject({ ChannelId: TOWN, RootId: p.Id });
  // Bob (not allowlisted) continues the thread: told privately, nothing sent.
  await conv.onPost(post(TOWN, BOB, '@openclaw me too', { RootId: p.Id }));
  await until('the refusal', () => mm.ephemeral.length === 1);
  expect(mm.ephemeral[0].post).toMatchObject({ RootId: p.Id, Message: expect.stringMatching(/allowlisted/) as string });
  expect(agent.sent).toHaveLength(1);
});

test('while the gateway is away posts are queued with a marker, then delivered once each, in order', async () => {
  const mm = world();
  const { conv, agent } = node(mm);
  await conv.configure({ DmPolicy: 'open' });
  agent.connected = false;
  const posts = ['one', 'two', 'three'].map((m) => post(DM, ALICE, m));
  for (const p of posts) await conv.onPost(p);
  await until('three markers', () => mm.reactions.filter((r) => r.EmojiName === QUEUED_MARKER).length === 3);
  expect(botPosts(mm)).toEqual([]);
  agent.setConnected(true);
  await until('three replies', () => botPosts(mm).length === 3);
  await conv.drainQueue();
  expect(botPosts(mm).map((p) => p.Message)).toEqual(['reply to: one', 'reply to: two', 'reply to: three']);
  expect(agent.sent.map((s) => s.idempotencyKey)).toEqual(posts.map((p) => idempotencyKeyFor(p.Id!)));
  expect(mm.reactions).toEqual([]);
  expect(conv.status().queued).toBe(0);
});

test('a plugin restart while queued: the next process delivers each post exactly once', async () => {
  const kv = new FakeKv();
  const mm = world(kv);
  const agent = new FakeAgent();
  const first = node(mm, agent).conv;
  await first.configure({ DmPolicy: 'open' });
  agent.connected = false;
  for (const m of ['a', 'b']) await first.onPost(post(DM, ALICE, m));
  await until('queued', () => mm.reactions.length === 2);
  await first.stop();
  const second = node(mm, agent, 'n2').conv; // same KV, new process (and a new node id)
  await second.configure({ DmPolicy: 'open' });
  agent.connected = true;
  await second.drainQueue();
  await second.drainQueue();
  expect(botPosts(mm).map((p) => p.Message)).toEqual(['reply to: a', 'reply to: b']);
  expect(agent.sent).toHaveLength(2);
});

test('a queued post older than the expiry gets the "not delivered" note', async () => {
  const mm = world();
  const { conv, agent } = node(mm);
  await conv.configure({ DmPolicy: 'open', QueueExpiryMinutes: 1 });
  agent.connected = false;
  await conv.onPost(post(DM, ALICE, 'stale', { CreateAt: Date.now() - 61_000 }));
  await until('queued', () => mm.reactions.length === 1);
  await conv.drainQueue();
  expect(botPosts(mm).map((p) => p.Message)).toEqual([expect.stringMatching(/not reachable for more than 1 minute, so this message was not delivered/) as string]);
  expect(mm.reactions).toEqual([]);
  expect(agent.sent).toEqual([]);
});

test('reactions on relayed posts and bot replies reach the session; others do not', async () => {
  const mm = world();
  const { conv, agent } = node(mm);
  await conv.configure({ DmPolicy: 'open' });
  const p = post(DM, ALICE, 'hi');
  await conv.onPost(p);
  await until('the reply', () => botPosts(mm).length === 1);
  await conv.onReaction({ UserId: ALICE, PostId: p.Id, EmojiName: 'thumbsup', ChannelId: DM }, true);
  await conv.onReaction({ UserId: ALICE, PostId: botPosts(mm)[0].Id, EmojiName: 'heart', ChannelId: DM }, false);
  await conv.onReaction({ UserId: BOT, PostId: p.Id, EmojiName: QUEUED_MARKER, ChannelId: DM }, true);
  await conv.onReaction({ UserId: ALICE, PostId: 'unrelated', EmojiName: 'x', ChannelId: DM }, true);
  expect(agent.systemEvents).toEqual([
    { sessionKey: `agent:main:mattermost:direct:${ALICE}`, text: `Mattermost reaction added: :thumbsup: by Alice Smith (@alice) on message ${p.Id}` },
    { sessionKey: `agent:main:mattermost:direct:${ALICE}`, text: `Mattermost reaction removed: :heart: by Alice Smith (@alice) on message ${botPosts(mm)[0].Id}` },
  ]);
  await conv.onPost(post(OTHER, ALICE, 'x'));
  const before = mm.calls.length;
  await conv.onReaction({ UserId: ALICE, PostId: 'whatever', EmojiName: 'x', ChannelId: OTHER }, true);
  expect(mm.calls.length).toBe(before);
});

test('files go along; one over the limit is named to the sender and the text still goes', async () => {
  const mm = world();
  const { conv, agent } = node(mm);
  mm.files.set('f1', { info: { Id: 'f1', Name: 'red.png', Size: 4, MimeType: 'image/png' }, bytes: new Uint8Array([1, 2, 3, 4]) });
  mm.files.set('f2', { info: { Id: 'f2', Name: 'big.png', Size: 600, MimeType: 'image/png' }, bytes: new Uint8Array(600) });
  await conv.configure({ DmPolicy: 'open' });
  await conv.onPost(post(DM, ALICE, 'look', { FileIds: ['f1', 'f2'] }));
  await until('the reply', () => botPosts(mm).length === 1);
  expect(agent.sent[0].attachments).toEqual([{ type: 'image', mimeType: 'image/png', fileName: 'red.png', content: 'AQIDBA==' }]);
  expect(mm.ephemeral[0].post.Message).toMatch(/big\.png .* over the image limit/);
});

test('an agent-initiated message appears once, however many nodes hear it', async () => {
  const kv = new FakeKv();
  const mm = world(kv);
  const a = node(mm, new FakeAgent(), 'n1').conv;
  const b = node(mm, new FakeAgent(), 'n2').conv;
  await a.configure({});
  await b.configure({});
  const m = { sessionKey: `agent:main:mattermost:channel:${TOWN}:thread:root1`, messageId: 'm1', runId: 'cron-1', text: 'Daily report' };
  const [x, y] = await Promise.all([a.agentMessage(m), b.agentMessage(m)]);
  expect([...x, ...y]).toHaveLength(1);
  expect(botPosts(mm)).toEqual([expect.objectContaining({ ChannelId: TOWN, RootId: 'root1', Message: 'Daily report' })]);
  // A DM session finds the DM channel; replies to Mattermost runs are left to their node.
  await a.agentMessage({ sessionKey: `agent:main:mattermost:direct:${ALICE}`, messageId: 'm2', text: 'Reminder' });
  await a.agentMessage({ sessionKey: `agent:main:mattermost:direct:${ALICE}`, messageId: 'm3', runId: 'mm-post-abc', text: 'dup' });
  expect(botPosts(mm).map((p) => [p.ChannelId, p.Message])).toEqual([[TOWN, 'Daily report'], [DM, 'Reminder']]);
});

test('a run that never ends gets the timeout line instead of typing forever', async () => {
  const mm = world();
  const agent = new FakeAgent();
  agent.answer = () => new Promise(() => undefined); // the gateway never says
  const result = await deliverPost({
    agent, files: mm, publishTyping: () => Promise.resolve(), notifySender: () => Promise.resolve(),
    presenter: (ctx) => new FinalReplyPresenter(mm, BOT, ctx), remember: () => undefined, botUserId: () => BOT,
    logError: () => undefined, runDeadlineMs: 20,
  }, { postId: 'p', channelId: DM, userId: ALICE, sessionKey: 'k', message: 'hi', fileIds: [], rootFirst: '', rootRest: '', postCreateAt: 0, seq: 0, queuedAt: 0 });
  expect(result).toBe('done');
  expect(botPosts(mm).map((p) => p.Message)).toEqual([':hourglass: OpenClaw timed out before answering. Try again in a moment.']);
});
