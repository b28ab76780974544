import { until } from '../../testing/until';
import { NO_MEDIA } from '../conversations/agent-port';
import { MAX_POST_CHARS } from '../conversations/split-reply';
import { LiveStreams } from './live-streams';
import { PLACEHOLDER, StreamingPresenter } from './presenter';
import { REPLY_POST_TYPE } from './post-type';
import type { StreamingSettings } from './settings';
import { FakePosts, FakeRun } from './testing/fakes';

function setup(settings: Partial<StreamingSettings> = {}, windowMs = 30) {
  const posts = new FakePosts();
  const live = new LiveStreams();
  const errors: string[] = [];
  const presenter = new StreamingPresenter({
    posts, botUserId: 'bot', live, windowMs, logError: (m) => errors.push(m),
    settings: { mode: 'partial', checkpointSeconds: 0, ...settings },
  }, { channelId: 'ch', rootFor: (i) => (i === 0 ? 'root' : ''), requesterId: 'alice', sessionKey: 's', runKey: 'k' });
  const run = new FakeRun();
  return { posts, live, presenter, run, errors };
}

const deltasOf = (posts: FakePosts) => posts.ws('stream_delta');

test('one post of our type is created at the start, with a readable placeholder and the requester', async () => {
  const { posts, presenter, run, live } = setup();
  presenter.started(run);
  await until(() => posts.creates().length === 1, 'the post is created');
  const [post] = posts.creates();
  expect(post).toMatchObject({ UserId: 'bot', ChannelId: 'ch', RootId: 'root', Type: REPLY_POST_TYPE, Message: PLACEHOLDER });
  expect(post.Props).toMatchObject({ openclaw_state: 'streaming', openclaw_requester: 'alice', openclaw_seq: 0 });
  expect(live.get(post.Id!)?.snapshot()).toMatchObject({ text: '', seq: 0, state: 'streaming', requester_id: 'alice' });
});

test('the first delta goes out at once, deltas close after it as one event; seqs count up without gaps; the final post equals their concatenation', async () => {
  const { posts, presenter, run, live } = setup();
  presenter.started(run);
  await until(() => posts.creates().length === 1, 'the post is created');
  run.delta('Hel');
  expect(deltasOf(posts)).toHaveLength(0); // published in order behind the post's own operations
  await until(() => deltasOf(posts).length === 1, 'the first delta is sent');
  run.delta('lo');
  run.delta(' world');
  await until(() => deltasOf(posts).length === 2, 'the batch is sent');
  run.end({ status: 'final', text: 'Hello world' });
  const ids = await presenter.finish(await run.done, NO_MEDIA);
  const postId = posts.creates()[0].Id!;
  expect(ids).toEqual([postId]);
  expect(deltasOf(posts)).toEqual([{ post_id: postId, seq: 1, text: 'Hel' }, { post_id: postId, seq: 2, text: 'lo world' }]);
  expect(posts.updates()).toHaveLength(1);
  expect(posts.updates()[0]).toMatchObject({ Id: postId, Message: 'Hello world', Type: REPLY_POST_TYPE });
  expect(posts.updates()[0].Props).toMatchObject({ openclaw_state: 'done', openclaw_seq: 2 });
  // The end comes after the final write, so a viewer that sees it finds the post final.
  expect(posts.log.at(-1)).toMatchObject({ kind: 'ws', event: 'stream_end', payload: { post_id: postId, seq: 2, state: 'done' } });
  for (const l of posts.log) if (l.kind === 'ws') expect(l.broadcast).toEqual({ ChannelId: 'ch' });
  expect(live.get(postId)).toBeUndefined();
});

test('final text the deltas did not carry goes out as one more delta; different text resets', async () => {
  const a = setup();
  a.presenter.started(a.run);
  a.run.delta('Hello');
  await a.presenter.finish({ status: 'final', text: 'Hello there' }, NO_MEDIA);
  expect(deltasOf(a.posts).map((d) => d.text)).toEqual(['Hello', ' there']);

  const b = setup();
  b.presenter.started(b.run);
  b.run.delta('Draft');
  await b.presenter.finish({ status: 'final', text: 'Another answer' }, NO_MEDIA);
  expect(b.posts.ws('stream_reset')).toEqual([{ post_id: b.posts.creates()[0].Id, seq: 2 }]);
  expect(b.posts.updates()[0].Props).toMatchObject({ openclaw_seq: 2 });
});

test('checkpoints write the text so far at most every interval, and only when it grew', async () => {
  const { posts, presenter, run } = setup({ checkpointSeconds: 0.1 });
  presenter.started(run);
  await until(() => posts.creates().length === 1, 'the live post');
  run.delta('one');
  await until(() => posts.updates().length === 1, 'the first checkpoint');
  expect(posts.updates()[0]).toMatchObject({ Message: 'one' });
  expect(posts.updates()[0].Props).toMatchObject({ openclaw_state: 'streaming', openclaw_seq: 1 });
  await new Promise((r) => setTimeout(r, 350)); // three more intervals with nothing new
  expect(posts.updates()).toHaveLength(1);
  run.delta(' two');
  await until(() => posts.updates().length === 2, 'the second checkpoint');
  await presenter.finish({ status: 'final', text: 'one two' }, NO_MEDIA);
  expect(posts.updates().map((p) => p.Message)).toEqual(['one', 'one two', 'one two']);
});

test('after the first checkpoint, the next waits until the text has doubled', async () => {
  const { posts, presenter, run } = setup({ checkpointSeconds: 0.05 });
  presenter.started(run);
  await until(() => posts.creates().length === 1, 'the live post');
  run.delta('0123456789');
  await until(() => posts.updates().length === 1, 'the first checkpoint');
  let text = '0123456789';
  for (const piece of ['abcde', 'fghi']) { // 15, then 19 characters: less than twice 10
    run.delta(piece);
    text += piece;
    await new Promise((r) => setTimeout(r, 120)); // more than two intervals
    expect(posts.updates()).toHaveLength(1);
  }
  run.delta('j'); // 20 characters: doubled
  text += 'j';
  await until(() => posts.updates().length === 2, 'the second checkpoint');
  expect(posts.updates()[1].Message).toBe(text);
  await presenter.finish({ status: 'final', text }, NO_MEDIA);
  expect(posts.updates()).toHaveLength(3);
});

test('a post deleted mid-stream: the answer comes in a fresh post', async () => {
  const { posts, presenter, run, errors } = setup();
  presenter.started(run);
  await until(() => posts.creates().length === 1, 'the post is created');
  posts.deleted.add(posts.creates()[0].Id!);
  run.delta('Hi');
  const ids = await presenter.finish({ status: 'final', text: 'Hi' }, NO_MEDIA);
  const fresh = posts.creates()[1];
  expect(ids).toEqual([fresh.Id]);
  expect(fresh).toMatchObject({ Message: 'Hi', Type: REPLY_POST_TYPE, RootId: 'root' });
  expect(fresh.Props).toMatchObject({ openclaw_state: 'done' });
  expect(errors.join()).toContain('posting the answer anew');
});

test('a model error keeps the partial text and adds one clear line; a Stop says stopped', async () => {
  const a = setup();
  a.presenter.started(a.run);
  a.run.delta('Partial answer');
  await a.presenter.finish({ status: 'error', kind: 'model', message: 'rate limited\ntrace' }, NO_MEDIA);
  expect(a.posts.updates()[0].Message).toBe('Partial answer\n\n:x: The model failed to answer: rate limited');
  expect(a.posts.updates()[0].Props).toMatchObject({ openclaw_state: 'error' });
  expect(a.posts.ws('stream_end')[0]).toMatchObject({ state: 'error' });

  const b = setup();
  b.presenter.started(b.run);
  b.run.delta('Half');
  await until(() => b.live.size === 1, 'the stream is live');
  await b.live.get(b.posts.creates()[0].Id!)!.stop();
  expect(b.run.aborted).toBe(1);
  await b.presenter.finish({ status: 'aborted', text: 'Half' }, NO_MEDIA);
  expect(b.posts.updates()[0].Message).toMatch(/^Half\n\n:stop_sign: /);
  expect(b.posts.ws('stream_end')[0]).toMatchObject({ state: 'stopped' });
});

test('status lines: thinking, a tool in plain text, cleared by the next text', async () => {
  const { posts, presenter, run } = setup();
  presenter.started(run);
  run.emit({ type: 'reasoning', text: 'hmm', replace: false });
  run.emit({ type: 'tool', phase: 'start', name: 'exec', toolCallId: 't1', args: { command: 'ls `-la`\nrm -rf /' } });
  run.delta('Done');
  await presenter.finish({ status: 'final', text: 'Done' }, NO_MEDIA);
  expect(posts.ws('stream_status').map((s) => s.status)).toEqual(['Thinking…', '🔧 exec: ls -la', '']);
  expect(JSON.stringify(posts.log)).not.toContain('hmm');
});

test('progress mode: no text while the run goes on, statuses only, the answer at the end', async () => {
  const { posts, presenter, run } = setup({ mode: 'progress', checkpointSeconds: 0.05 });
  presenter.started(run);
  run.emit({ type: 'tool', phase: 'start', name: 'web_search', toolCallId: 't', args: { query: 'weather' } });
  run.delta('The answer');
  await new Promise((r) => setTimeout(r, 120));
  expect(deltasOf(posts)).toEqual([]);
  expect(posts.updates()).toEqual([]);
  await presenter.finish({ status: 'final', text: 'The answer' }, NO_MEDIA);
  expect(deltasOf(posts).map((d) => d.text)).toEqual(['The answer']);
  expect(posts.ws('stream_status').map((s) => s.status)).toEqual(['🔧 web_search: weather', '']);
});

test('block mode: text goes out a paragraph at a time', async () => {
  const { posts, presenter, run } = setup({ mode: 'block' }, 1);
  presenter.started(run);
  run.delta('First para');
  run.delta('graph.\n\nSec');
  await new Promise((r) => setTimeout(r, 30));
  expect(deltasOf(posts).map((d) => d.text)).toEqual(['First paragraph.\n\n']);
  run.delta('ond.');
  await presenter.finish({ status: 'final', text: 'First paragraph.\n\nSecond.' }, NO_MEDIA);
  expect(deltasOf(posts).map((d) => d.text)).toEqual(['First paragraph.\n\n', 'Second.']);
});

test('a reply longer than a post continues in follow-up posts at the end', async () => {
  const { posts, presenter, run } = setup({ checkpointSeconds: 0.05 });
  presenter.started(run);
  await until(() => posts.creates().length === 1, 'the live post');
  const text = Array.from({ length: 4 }, (_, i) => `${i}`.repeat(9_000)).join('\n\n');
  run.delta(text);
  await until(() => posts.updates().length === 1, 'a checkpoint');
  expect((posts.updates()[0].Message ?? '').length).toBeLessThanOrEqual(MAX_POST_CHARS);
  const ids = await presenter.finish({ status: 'final', text }, NO_MEDIA);
  expect(ids.length).toBeGreaterThan(1);
  const follow = posts.creates().slice(1);
  expect([posts.updates().at(-1)!.Message, ...follow.map((p) => p.Message)].join('\n\n')).toBe(text);
  expect(follow.every((p) => p.Type === undefined && p.RootId === '')).toBe(true);
  expect(ids).toEqual([posts.creates()[0].Id, ...follow.map((p) => p.Id)]);
  // The follow-ups go up while the live post still shows the whole answer; it shrinks after them.
  const finalUpdate = posts.log.findIndex((l) => l.kind === 'update' && l.post.Props?.openclaw_state === 'done');
  const lastFollowUp = posts.log.findIndex((l) => l.kind === 'create' && l.post.Id === follow.at(-1)!.Id);
  expect(lastFollowUp).toBeLessThan(finalUpdate);
});

/** A reply of three posts' worth, streamed into its live post. */
async function streamedLongReply() {
  const { posts, presenter, run } = setup({ checkpointSeconds: 0 });
  presenter.started(run);
  const text = Array.from({ length: 3 }, (_, i) => `${i}`.repeat(9_000)).join('\n\n');
  run.delta(text);
  await until(() => posts.creates().length === 1, 'the live post');
  return { posts, presenter, text };
}

test('a long reply whose live post was deleted: the fresh first part comes before the follow-ups', async () => {
  const { posts, presenter, text } = await streamedLongReply();
  posts.deleted.add(posts.creates()[0].Id!);
  const ids = await presenter.finish({ status: 'final', text }, NO_MEDIA);
  const [, fresh, ...follow] = posts.creates();
  expect(fresh).toMatchObject({ Type: REPLY_POST_TYPE });
  expect(ids).toEqual([fresh.Id, ...follow.map((p) => p.Id)]);
  expect([fresh.Message, ...follow.map((p) => p.Message)].join('\n\n')).toBe(text);
});

test('a follow-up post that cannot be created still leaves the live post finalized, and the error is raised', async () => {
  const { posts, presenter, text } = await streamedLongReply();
  const create = posts.createPost.bind(posts);
  posts.createPost = () => Promise.reject(new Error('database unavailable'));
  await expect(presenter.finish({ status: 'final', text }, NO_MEDIA)).rejects.toThrow('database unavailable');
  posts.createPost = create;
  expect(posts.updates().at(-1)?.Props).toMatchObject({ openclaw_state: 'done' });
  expect(posts.ws('stream_end')).toHaveLength(1);
});
