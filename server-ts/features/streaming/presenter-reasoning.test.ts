// Reasoning in a streamed reply: hidden unless the session shows it (asked once per run, beside
// the post's creation), then sent as `{from, text}` pieces, kept in a prop of the final post and
// never in its message.
import { until } from '../../testing/until';
import { NO_MEDIA } from '../conversations/agent-port';
import { LiveStreams } from './live-streams';
import { StreamingPresenter } from './presenter';
import type { StreamingSettings } from './settings';
import { FakePosts, FakeRun } from './testing/fakes';

function setup(shows: ((key: string) => Promise<boolean>) | undefined, settings: Partial<StreamingSettings> = {}) {
  const posts = new FakePosts();
  const live = new LiveStreams();
  const asked: string[] = [];
  const presenter = new StreamingPresenter({
    posts, botUserId: 'bot', live, windowMs: 30, logError: () => undefined,
    settings: { mode: 'partial', checkpointSeconds: 0, ...settings },
    ...(shows ? { showsReasoning: (key: string) => { asked.push(key); return shows(key); } } : {}),
  }, { channelId: 'ch', rootFor: () => '', requesterId: 'alice', sessionKey: 'agent:main:s', runKey: 'k' });
  const run = new FakeRun();
  let thought = '';
  /** The reasoning so far, sent as the gateway link does: the new piece, or all of it when rewritten. */
  const think = (text: string) => {
    const continues = text.startsWith(thought);
    run.emit({ type: 'reasoning', text: continues ? text.slice(thought.length) : text, replace: !continues });
    thought = text;
  };
  return { posts, live, presenter, run, asked, think };
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => { resolve = r; });
  return { promise, resolve };
}

test('on: the post does not wait for the answer; reasoning held until then goes out from offset 0, the rest in pieces; the message stays the answer', async () => {
  const answer = deferred<boolean>();
  const { posts, live, presenter, run, asked, think } = setup(() => answer.promise);
  presenter.started(run);
  await until(() => posts.creates().length === 1, 'the post is created before the session\'s setting is known');
  expect(asked).toEqual(['agent:main:s']);
  think('Let me');
  think('Let me think');
  await new Promise((r) => setTimeout(r, 80));
  expect(posts.ws('stream_reasoning')).toEqual([]);
  expect(posts.ws('stream_status').map((s) => s.status)).toEqual(['Thinking…']);
  answer.resolve(true);
  const postId = posts.creates()[0].Id!;
  await until(() => posts.ws('stream_reasoning').length === 1, 'the held reasoning is sent');
  expect(posts.ws('stream_reasoning')).toEqual([{ post_id: postId, from: 0, text: 'Let me think' }]);
  think('Let me think step');
  think('Let me think step by step.');
  await until(() => posts.ws('stream_reasoning').length === 2, 'the next piece');
  expect(posts.ws('stream_reasoning')[1]).toEqual({ post_id: postId, from: 12, text: ' step by step.' });
  expect(live.get(postId)?.snapshot().reasoning).toBe('Let me think step by step.');
  run.delta('The answer is 42.');
  await presenter.finish({ status: 'final', text: 'The answer is 42.' }, NO_MEDIA);
  const [final] = posts.updates();
  expect(final.Message).toBe('The answer is 42.');
  expect(final.Props).toMatchObject({ openclaw_state: 'done', openclaw_reasoning: 'Let me think step by step.' });
});

test('off, no way to ask, or a failing question: reasoning is only "Thinking…", in no event and no prop', async () => {
  for (const shows of [() => Promise.resolve(false), undefined, () => Promise.reject(new Error('gateway away'))]) {
    const { posts, presenter, run, think } = setup(shows);
    presenter.started(run);
    think('secret thoughts');
    run.delta('Answer');
    await presenter.finish({ status: 'final', text: 'Answer' }, NO_MEDIA);
    expect(posts.ws('stream_reasoning')).toEqual([]);
    expect(posts.ws('stream_status')[0]).toMatchObject({ status: 'Thinking…' });
    expect(posts.updates()[0].Message).toBe('Answer');
    expect(posts.updates()[0].Props).not.toHaveProperty('openclaw_reasoning');
    expect(JSON.stringify(posts.log)).not.toContain('secret');
  }
});

test('a run that ends before the session\'s setting is known still stores its reasoning once it is', async () => {
  const answer = deferred<boolean>();
  const { posts, presenter, run, think } = setup(() => answer.promise);
  presenter.started(run);
  think('quick thought');
  const finished = presenter.finish({ status: 'final', text: 'Done' }, NO_MEDIA);
  setTimeout(() => answer.resolve(true), 50);
  await finished;
  expect(posts.ws('stream_reasoning').map((e) => e.text).join('')).toBe('quick thought');
  expect(posts.updates()[0].Props).toMatchObject({ openclaw_reasoning: 'quick thought' });
  // The reasoning reaches viewers before the end.
  const events = posts.log.filter((l) => l.kind === 'ws').map((l) => (l as { event: string }).event);
  expect(events.indexOf('stream_reasoning')).toBeLessThan(events.indexOf('stream_end'));
});

test('progress mode sends no reasoning while it runs but keeps it in the final post; the prop is capped with an ellipsis', async () => {
  const { posts, presenter, run, think } = setup(() => Promise.resolve(true), { mode: 'progress' });
  presenter.started(run);
  const long = 'r'.repeat(20_000);
  think(long);
  await presenter.finish({ status: 'final', text: 'Answer' }, NO_MEDIA);
  expect(posts.ws('stream_reasoning')).toEqual([]);
  const stored = posts.updates()[0].Props?.openclaw_reasoning as string;
  expect(stored).toHaveLength(16_000);
  expect(stored.endsWith('r…')).toBe(true);
  expect(posts.updates()[0].Message).toBe('Answer');
});

test('reasoning that is rewritten rather than continued starts again from offset 0', async () => {
  const { posts, presenter, run, think } = setup(() => Promise.resolve(true));
  presenter.started(run);
  think('first idea');
  await until(() => posts.ws('stream_reasoning').length === 1, 'the first piece');
  think('other idea');
  await presenter.finish({ status: 'final', text: 'x' }, NO_MEDIA);
  expect(posts.ws('stream_reasoning').map(({ from, text }) => ({ from, text }))).toEqual([{ from: 0, text: 'first idea' }, { from: 0, text: 'other idea' }]);
});
