import type { PushNotification } from '../../mattermost/model/push';
import { LiveStreams } from './live-streams';
import { REPLY_POST_TYPE } from './post-type';
import { excerpt, PushHold } from './push-hold';

const PLACEHOLDER = '_OpenClaw is answering…_';

function setup() {
  const live = new LiveStreams();
  const sent: Array<[PushNotification, string]> = [];
  let now = 1_000;
  const hold = new PushHold({
    live, logWarn: () => undefined, now: () => now,
    send: async (pn, userId) => { sent.push([pn, userId]); },
  });
  const start = (postId: string) => live.add({
    postId, channelId: 'c', requesterId: 'alice', initialMessage: PLACEHOLDER,
    snapshot: () => ({ post_id: postId, text: '', seq: 0, state: 'streaming', status: '', requester_id: 'alice' }), stop: async () => undefined,
  });
  const push = (postId: string, message = PLACEHOLDER): PushNotification => ({
    PostId: postId, PostType: REPLY_POST_TYPE, Type: 'message', Message: message, ChannelId: 'c', Badge: 3, SenderName: 'openclaw',
  });
  return { live, hold, sent, start, push, tick: (ms: number) => { now += ms; } };
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

test('other posts, other push types, generic contents and posts of no live stream go through', () => {
  const { hold, start, push } = setup();
  start('p3');
  expect(hold.willBePushed({ ...push('p3'), PostType: '' }, 'alice')).toBeUndefined();
  expect(hold.willBePushed({ ...push('p3'), Type: 'clear' }, 'alice')).toBeUndefined();
  expect(hold.willBePushed(push('p3', 'openclaw sent you a message.'), 'alice')).toBeUndefined();
  expect(hold.willBePushed(push('elsewhere'), 'alice')).toBeUndefined();
});

test('a final text kept for late pushes is forgotten after two minutes', () => {
  const { live, hold, start, push, tick } = setup();
  start('p4');
  live.end('p4', 'Done.');
  tick(120_001);
  expect(hold.willBePushed(push('p4'), 'alice')).toBeUndefined();
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
