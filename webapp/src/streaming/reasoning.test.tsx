// Reasoning in the webapp: pieces applied once whatever their order or repeats, a gap repaired by
// the snapshot, the final post's prop, and the collapsible section (only in our bot's posts).
import type { Post } from '@mattermost/types/posts';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { BotIdentity } from '../bot/bot-identity';
import { eventName, streamEventHandler } from './fan-out';
import { applyReasoning } from './reasoning-text';
import { makeReplyPost, type ReplyContext } from './reply-post';
import { StreamState } from './stream-state';
import { Streams } from './streams';
import { checkpointOf, type Snapshot } from './wire';

const BOT = 'bot-id';

test('applyReasoning: continuation, overlap and repeats; a piece past our end is a gap; offset 0 rewrites', () => {
  expect(applyReasoning('', 0, 'Let me')).toEqual({ next: 'Let me' });
  expect(applyReasoning('Let me', 6, ' think')).toEqual({ next: 'Let me think' });
  expect(applyReasoning('Let me think', 0, 'Let me')).toBe('same');
  expect(applyReasoning('Let me think', 6, ' think')).toBe('same');
  expect(applyReasoning('Let me th', 6, ' think')).toEqual({ next: 'Let me think' });
  expect(applyReasoning('Let me', 9, 'x')).toBe('gap');
  expect(applyReasoning('first idea', 0, 'other idea')).toEqual({ next: 'other idea' });
});

test('StreamState: a gap marks the state stale; the snapshot brings the reasoning, never a shorter one', () => {
  const s = new StreamState();
  expect(s.reasoning(0, 'Step one.')).toBe(true);
  expect(s.reasoning(0, 'Step one.')).toBe(false);
  expect(s.reasoning(20, ' Step three.')).toBe(false);
  expect(s.stale).toBe(true);
  const snap = (reasoning: string, seq = 0): Snapshot => ({ post_id: 'p', seq, text: '', state: 'streaming', status: '', requester_id: 'u', reasoning });
  expect(s.snapshot(snap('Step one. Step two.'))).toBe(true);
  expect(s.view.reasoning).toBe('Step one. Step two.');
  expect(s.stale).toBe(false);
  s.reasoning(19, ' Step three.');
  s.snapshot(snap('Step one. Step two.'));
  expect(s.view.reasoning).toBe('Step one. Step two. Step three.');
  // An older snapshot (by text seq) still brings reasoning we lacked.
  s.delta(1, 'A');
  s.delta(2, 'B');
  expect(s.snapshot(snap('Step one. Step two. Step three. Four.', 1))).toBe(true);
  expect(s.view).toMatchObject({ text: 'AB', reasoning: 'Step one. Step two. Step three. Four.' });
});

test('stream_reasoning events are checked and routed by post_id; a gap fetches the snapshot of a shown post', async () => {
  const fetched: string[] = [];
  const streams = new Streams({
    fetchSnapshot: (id) => { fetched.push(id); return Promise.resolve({ post_id: id, seq: 0, text: '', state: 'streaming', reasoning: 'abcdef' } as Snapshot); },
    onFrame: (run) => run(), logError: () => undefined,
  });
  const handle = streamEventHandler('openclaw', streams);
  const send = (data: unknown) => handle({ event: eventName('openclaw', 'stream_reasoning'), data });
  streams.subscribe('p', () => undefined);
  send({ post_id: 'p', from: 0, text: 'abc' });
  send({ post_id: 'p', from: -1, text: 'bad' });
  send({ post_id: 'p', from: 'x', text: 'bad' });
  send({ post_id: 'p', from: 3 });
  expect(streams.get('p')!.view.reasoning).toBe('abc');
  expect(fetched).toEqual([]);
  send({ post_id: 'p', from: 5, text: 'f' });
  expect(fetched).toEqual(['p']);
  await Promise.resolve();
  await Promise.resolve();
  expect(streams.get('p')!.view.reasoning).toBe('abcdef');
});

test('checkpointOf reads the reasoning prop; a forged over-long or non-text one is dropped without losing the state', () => {
  expect(checkpointOf({ message: 'A', props: { openclaw_state: 'done', openclaw_reasoning: 'why' } })).toMatchObject({ state: 'done', reasoning: 'why' });
  expect(checkpointOf({ message: 'A', props: { openclaw_state: 'done', openclaw_reasoning: 'x'.repeat(16_001) } })).toMatchObject({ state: 'done', reasoning: '' });
  expect(checkpointOf({ message: 'A', props: { openclaw_state: 'done', openclaw_reasoning: 7 } })).toMatchObject({ state: 'done', reasoning: '' });
});

describe('the Reasoning section', () => {
  // No host markdown pipeline here: the answer renders as plain text.
  const g = globalThis as { window?: unknown };
  beforeEach(() => { g.window = {}; });
  afterEach(() => delete g.window);
  function context(): ReplyContext {
    const identity = new BotIdentity();
    identity.set(BOT);
    const streams = new Streams({ fetchSnapshot: () => Promise.resolve(undefined), onFrame: (r) => r(), logError: () => undefined });
    return { streams, bot: identity, currentUserId: () => 'alice', stop: () => Promise.resolve() };
  }
  const post = (over: Partial<Post> & { props?: Record<string, unknown> }): Post =>
    ({ id: 'p1', user_id: BOT, channel_id: 'c', message: '', type: 'custom_openclaw_reply', props: {}, create_at: 1, edit_at: 0, ...over } as Post);
  const render = (ctx: ReplyContext, p: Post): string => renderToStaticMarkup(createElement(makeReplyPost(ctx), { post: p }));
  const streaming = { openclaw_state: 'streaming', openclaw_requester: 'alice', openclaw_seq: 0 };

  test('is open while reasoning streams with no answer yet, above the answer and apart from it; closed once the answer grows', () => {
    const ctx = context();
    ctx.streams.update('p1', (s) => s.reasoning(0, 'Let me <b>think</b>'));
    const open = render(ctx, post({ props: streaming }));
    expect(open).toMatch(/<details class="openclaw-reply__reasoning" data-testid="openclaw-reply-reasoning" open="">/);
    expect(open).toContain('<summary>Reasoning</summary>');
    expect(open).toContain('Let me &lt;b&gt;think&lt;/b&gt;'); // plain text, never HTML
    ctx.streams.update('p1', (s) => s.delta(1, 'The answer'));
    const closed = render(ctx, post({ props: streaming }));
    expect(closed).toContain('data-testid="openclaw-reply-reasoning"');
    expect(closed).not.toContain('open=""');
    expect(closed.indexOf('openclaw-reply-reasoning')).toBeLessThan(closed.indexOf('openclaw-reply-text'));
    expect(/data-testid="openclaw-reply-text">(.*?)<\/div>/.exec(closed)?.[1]).not.toContain('think');
  });

  test('the final post shows its stored reasoning collapsed; a post without it, or a forged one, shows none', () => {
    const done = render(context(), post({ message: 'Answer', props: { openclaw_state: 'done', openclaw_seq: 2, openclaw_reasoning: 'Because.' } }));
    expect(done).toContain('Because.');
    expect(done).toContain('data-testid="openclaw-reply-reasoning"');
    expect(done).not.toContain('open=""');
    expect(render(context(), post({ message: 'Answer', props: { openclaw_state: 'done', openclaw_seq: 2 } }))).not.toContain('openclaw-reply-reasoning');
    const forged = render(context(), post({ user_id: 'mallory', message: 'Hi', props: { openclaw_state: 'done', openclaw_reasoning: 'Forged thoughts' } }));
    expect(forged).not.toContain('Forged thoughts');
    expect(forged).toContain('data-state="untrusted"');
  });
});
