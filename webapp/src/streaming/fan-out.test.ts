import { eventName, streamEventHandler } from './fan-out';
import { Streams } from './streams';
import type { Snapshot } from './wire';

function setup(snapshots: Record<string, Snapshot | undefined> = {}) {
  const frames: Array<() => void> = [];
  const fetched: string[] = [];
  const errors: string[] = [];
  const streams = new Streams({
    fetchSnapshot: (id) => {
      fetched.push(id);
      return Promise.resolve(snapshots[id]);
    },
    onFrame: (run) => void frames.push(run),
    logError: (m) => void errors.push(m),
  });
  const handle = streamEventHandler('openclaw', streams);
  const send = (name: string, data: unknown) => handle({ event: eventName('openclaw', name), data });
  const flush = () => frames.splice(0).forEach((run) => run());
  return { streams, handle, send, flush, frames, fetched, errors };
}

test('events fan out by post_id; renders are batched to one per frame per post', () => {
  const t = setup();
  const renders: string[] = [];
  t.streams.subscribe('a', () => renders.push('a'));
  t.streams.subscribe('b', () => renders.push('b'));
  for (let i = 1; i <= 50; i++) t.send('stream_delta', { post_id: 'a', seq: i, text: `${i},` });
  t.send('stream_delta', { post_id: 'b', seq: 1, text: 'B' });
  expect(renders).toEqual([]);
  expect(t.frames).toHaveLength(1);
  t.flush();
  expect(renders.sort()).toEqual(['a', 'b']);
  expect(t.streams.get('a')!.view.text.split(',')).toHaveLength(51);
  expect(t.streams.get('b')!.view.text).toBe('B');
  t.send('stream_status', { post_id: 'a', seq: 50, status: 'Thinking…' });
  t.send('stream_end', { post_id: 'b', seq: 1, state: 'done' });
  t.flush();
  expect(t.streams.get('a')!.view.status).toBe('Thinking…');
  expect(t.streams.get('b')!.view.state).toBe('done');
});

test('hostile or malformed payloads are dropped without throwing and change nothing', () => {
  const t = setup();
  t.send('stream_delta', { post_id: 'a', seq: 1, text: 'ok' });
  const bad: unknown[] = [
    null, 'string', 42, [], { post_id: 'a' }, { post_id: 'a', seq: '2', text: 'x' }, { post_id: 'a', seq: 2.5, text: 'x' },
    { post_id: 'a', seq: -1, text: 'x' }, { post_id: '', seq: 2, text: 'x' }, { post_id: 'a', seq: 2, text: { html: '<b>' } },
    { post_id: 'x'.repeat(1000), seq: 2, text: 'x' },
  ];
  for (const data of bad) t.send('stream_delta', data);
  t.send('stream_end', { post_id: 'a', seq: 1, state: 'exploded' });
  t.send('stream_status', { post_id: 'a', seq: 1, status: 7 });
  t.handle({ event: 'custom_openclaw_unknown', data: { post_id: 'a' } });
  t.handle({ event: 'custom_other_stream_delta', data: { post_id: 'a', seq: 2, text: 'not ours' } });
  t.handle({ event: 42, data: {} });
  expect(t.streams.get('a')!.view).toMatchObject({ text: 'ok', seq: 1, state: 'streaming', status: '' });
});

test('a gap on a shown post fetches the snapshot once and replays what came after it', async () => {
  const t = setup({ a: { post_id: 'a', seq: 2, text: 'ab', state: 'streaming', status: '🔧 exec: ls', requester_id: 'u1' } });
  t.streams.subscribe('a', () => undefined);
  t.send('stream_delta', { post_id: 'a', seq: 1, text: 'a' });
  t.send('stream_delta', { post_id: 'a', seq: 3, text: 'c' });
  t.send('stream_delta', { post_id: 'a', seq: 4, text: 'd' });
  expect(t.fetched).toEqual(['a']);
  await Promise.resolve();
  await Promise.resolve();
  expect(t.streams.get('a')!.view).toMatchObject({ text: 'abcd', seq: 4, status: '🔧 exec: ls', requesterId: 'u1' });
});

test('a post nobody shows is not fetched on a gap; it is when it mounts and refreshes, and after a reconnect', async () => {
  const t = setup({ a: { post_id: 'a', seq: 3, text: 'abc', state: 'streaming', requester_id: 'u1' } });
  t.send('stream_delta', { post_id: 'a', seq: 2, text: 'b' });
  expect(t.fetched).toEqual([]);
  t.streams.subscribe('a', () => undefined);
  t.streams.refresh('a');
  await Promise.resolve();
  await Promise.resolve();
  expect(t.streams.get('a')!.view.text).toBe('abc');
  t.streams.reconnected();
  expect(t.fetched).toEqual(['a', 'a']);
});

test('an unknown post (404) stops asking; a failing fetch is logged, not thrown', async () => {
  const t = setup();
  t.streams.subscribe('gone', () => undefined);
  t.send('stream_delta', { post_id: 'gone', seq: 5, text: 'x' });
  await Promise.resolve();
  await Promise.resolve();
  expect(t.streams.get('gone')!.stale).toBe(false);
  const failing = new Streams({ fetchSnapshot: () => Promise.reject(new Error('HTTP 500')), onFrame: (r) => r(), logError: (m) => t.errors.push(m) });
  failing.refresh('p');
  await new Promise((r) => setTimeout(r, 0));
  expect(t.errors).toEqual(['OpenClaw: could not load the reply p: HTTP 500']);
});
