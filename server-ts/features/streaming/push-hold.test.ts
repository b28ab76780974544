import { until } from '../../testing/until';
import type { PushNotification } from '../../mattermost/model/push';
import { FakeKv } from '../conversations/testing/fake-kv';
import { KvHeldPushes } from './held-pushes';
import { LiveStreams } from './live-streams';
import { REPLY_POST_TYPE } from './post-type';
import { excerpt, PushHold } from './push-hold';

const PLACEHOLDER = '_OpenClaw is answering…_';

function setup(store?: KvHeldPushes) {
  const live = new LiveStreams();
  const sent: Array<[PushNotification, string]> = [];
  const hold = new PushHold({
    live, botUserId: () => 'bot', logWarn: () => undefined, now: () => 1_000, store,
    send: async (pn, userId) => { sent.push([pn, userId]); },
  });
  const start = (postId: string) => live.add({
    postId, channelId: 'c', requesterId: 'alice', initialMessage: PLACEHOLDER,
    snapshot: () => ({ post_id: postId, text: '', seq: 0, state: 'streaming', status: '', requester_id: 'alice', reasoning: '' }), stop: async () => undefined,
  });
  const push = (postId: string, message = PLACEHOLDER): PushNotification => ({
    PostId: postId, PostType: REPLY_POST_TYPE, Type: 'message', Message: message, ChannelId: 'c', Badge: 3, SenderName: 'openclaw', SenderId: 'bot',
  });
  return { live, hold, sent, start, push };
}

test('a live reply\'s push is held, then sent once per user with the final answer and everything else unchanged', async () => {
  const { live, hold, sent, start, push } = setup();
  start('p1');
  expect(hold.willBePushed(push('p1'), 'alice')).toEqual({ reject: expect.stringContaining('final answer') as string });
  expect(hold.willBePushed(push('p1', `openclaw: ${PLACEHOLDER}`), 'bob')).toHaveProperty('reject');
  live.end('p1', 'Deploy finished.\n\nAll **3** services are up.');
  await Promise.resolve();
  expect(sent).toEqual([
    [{ ...push('p1'), Message: 'Deploy finished. All 3 services are up.' }, 'alice'],
    [{ ...push('p1'), Message: 'openclaw: Deploy finished. All 3 services are up.' }, 'bob'],
  ]);
  // Mattermost runs the hook for our own SendPushNotification too: it goes through untouched.
  expect(hold.willBePushed(sent[0][0], 'alice')).toBeUndefined();
});

test('a push that arrives after a short reply ended carries the final answer at once', () => {
  const { live, hold, sent, start, push } = setup();
  start('p2');
  live.end('p2', 'Quick answer.');
  expect(hold.willBePushed(push('p2'), 'alice')).toEqual({ replace: { ...push('p2'), Message: 'Quick answer.' } });
  expect(sent).toEqual([]);
});

test('other posts, other push types and posts of another sender go through', () => {
  const { hold, start, push } = setup();
  start('p3');
  expect(hold.willBePushed({ ...push('p3'), PostType: '' }, 'alice')).toBeUndefined();
  expect(hold.willBePushed({ ...push('p3'), Type: 'clear' }, 'alice')).toBeUndefined();
  expect(hold.willBePushed({ ...push('p3'), SenderId: 'mallory' }, 'alice')).toBeUndefined();
});

test('a push heard before the stream is registered (the hook can beat CreatePost\'s answer) is held all the same', async () => {
  const { live, hold, sent, start, push } = setup();
  expect(hold.willBePushed(push('early'), 'alice')).toHaveProperty('reject');
  start('early');
  live.end('early', 'The answer.');
  await Promise.resolve();
  expect(sent).toEqual([[{ ...push('early'), Message: 'The answer.' }, 'alice']]);
});

test('generic contents are held too but sent unchanged; a stream never heard to end still gets its push', async () => {
  jest.useFakeTimers();
  try {
    const { live, hold, sent, start, push } = setup();
    start('g');
    expect(hold.willBePushed(push('g', 'openclaw sent you a message.'), 'alice')).toHaveProperty('reject');
    live.end('g', 'The answer.');
    expect(hold.willBePushed(push('lost'), 'alice')).toHaveProperty('reject');
    jest.advanceTimersByTime(16 * 60_000);
    await Promise.resolve();
    expect(sent).toEqual([[push('g', 'openclaw sent you a message.'), 'alice'], [push('lost'), 'alice']]);
  } finally {
    jest.useRealTimers();
  }
});

test('Mattermost quotes the placeholder without its markdown: that push is held too', () => {
  const { hold, start, push } = setup();
  start('p5');
  expect(hold.willBePushed(push('p5', 'OpenClaw is answering…'), 'alice')).toHaveProperty('reject');
  expect(hold.willBePushed(push('p5', 'openclaw: OpenClaw is answering…'), 'bob')).toHaveProperty('reject');
});

test('the excerpt is plain text on one line of at most 300 characters', () => {
  expect(excerpt('# Title\n\n**bold** _it_ snake_case `code` [link](http://x)\n```js\nx()\n```')).toBe('Title bold it snake_case code link x()');
  expect(excerpt('a\n\nb   c')).toBe('a b c');
  const long = excerpt('word '.repeat(200));
  expect(long).toHaveLength(300);
  expect(long.endsWith('…')).toBe(true);
});

test('a push held by a process that died is sent with the answer by the node that finishes the post, once', async () => {
  const kv = new FakeKv();
  const post = 'p'.repeat(26);
  const [alice, bob] = ['a'.repeat(26), 'b'.repeat(26)];
  const dead = setup(new KvHeldPushes(kv));
  dead.start(post);
  expect(dead.hold.willBePushed(dead.push(post), alice)).toHaveProperty('reject');
  await until(() => kv.data.size === 1, 'the held push is saved');
  // The process dies here. The node that adopts the stream holds Bob's push (it reached that node's hook).
  const next = setup(new KvHeldPushes(kv));
  expect(next.hold.willBePushed(next.push(post), bob)).toHaveProperty('reject');
  await until(() => kv.data.size === 2, 'the second held push is saved');
  await next.hold.finishedElsewhere(post, PLACEHOLDER, 'Recovered answer.');
  expect(next.sent.map(([pn, userId]) => [userId, pn.Message]).sort()).toEqual([[alice, 'Recovered answer.'], [bob, 'Recovered answer.']]);
  expect(kv.data.size).toBe(0);
  expect(dead.sent).toEqual([]);
});

test('a push released normally leaves nothing in the store', async () => {
  const kv = new FakeKv();
  const post = 'r'.repeat(26);
  const { live, hold, sent, start, push } = setup(new KvHeldPushes(kv));
  start(post);
  hold.willBePushed(push(post), 'a'.repeat(26));
  await until(() => kv.data.size === 1, 'the held push is saved');
  live.end(post, 'Done.');
  await until(() => kv.data.size === 0, 'the saved push is dropped');
  expect(sent).toHaveLength(1);
});
