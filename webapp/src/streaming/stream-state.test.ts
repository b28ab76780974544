import { StreamState } from './stream-state';
import type { Snapshot } from './wire';

const snap = (seq: number, text: string, state: Snapshot['state'] = 'streaming', status = ''): Snapshot =>
  ({ post_id: 'p', seq, text, state, status, requester_id: 'u1' });

test('deltas append in seq order; repeats and old ones are ignored', () => {
  const s = new StreamState();
  expect(s.delta(1, 'Hel')).toBe(true);
  expect(s.delta(2, 'lo')).toBe(true);
  expect(s.delta(2, 'lo')).toBe(false);
  expect(s.delta(1, 'Hel')).toBe(false);
  expect(s.view).toMatchObject({ text: 'Hello', seq: 2, state: 'streaming' });
  expect(s.stale).toBe(false);
});

test('a gap waits for the snapshot; deltas after the gap are replayed on top of it', () => {
  const s = new StreamState();
  s.delta(1, 'a');
  expect(s.delta(3, 'c')).toBe(false);
  expect(s.delta(4, 'd')).toBe(false);
  expect(s.stale).toBe(true);
  expect(s.view.text).toBe('a');
  expect(s.snapshot(snap(2, 'aB'))).toBe(true);
  expect(s.view).toMatchObject({ text: 'aBcd', seq: 4 });
  expect(s.stale).toBe(false);
});

test('a snapshot older than the live text does not roll it back', () => {
  const s = new StreamState();
  for (let i = 1; i <= 5; i++) s.delta(i, String(i));
  s.snapshot(snap(3, '123'));
  expect(s.view).toMatchObject({ text: '12345', seq: 5 });
});

test('an older stored checkpoint (post_edited) never rolls the view back; a newer one is adopted and deltas continue', () => {
  const s = new StreamState();
  for (let i = 1; i <= 4; i++) s.delta(i, 'x');
  expect(s.checkpoint({ text: 'xx', seq: 2, state: 'streaming', requesterId: 'u1' })).toBe(false);
  expect(s.view.text).toBe('xxxx');
  expect(s.view.requesterId).toBe('u1');
  expect(s.checkpoint({ text: 'xxxxYY', seq: 6, state: 'streaming', requesterId: 'u1' })).toBe(true);
  s.delta(7, 'z');
  expect(s.view).toMatchObject({ text: 'xxxxYYz', seq: 7 });
});

test('the final stored post replaces equal-seq live text (the final text is authoritative) and ends the stream', () => {
  const s = new StreamState();
  s.delta(1, 'draft');
  s.status(1, 'Thinking…');
  expect(s.view.status).toBe('Thinking…');
  expect(s.end(1, 'done')).toBe(true);
  expect(s.view).toMatchObject({ state: 'done', status: '' });
  expect(s.checkpoint({ text: 'final text', seq: 1, state: 'done', requesterId: '' })).toBe(true);
  expect(s.view).toMatchObject({ text: 'final text', state: 'done' });
  // A late status after the end changes nothing.
  expect(s.status(1, 'late')).toBe(false);
});

test('an end that covers deltas we never got marks the state stale; a reset does too', () => {
  const s = new StreamState();
  s.delta(1, 'a');
  s.end(3, 'stopped');
  expect(s.stale).toBe(true);
  expect(s.view.state).toBe('stopped');
  // A snapshot taken before the end does not bring the stream back to life.
  s.snapshot(snap(3, 'abc', 'streaming', 'Thinking…'));
  expect(s.view).toMatchObject({ text: 'abc', state: 'stopped', status: '' });
  const r = new StreamState();
  r.delta(1, 'old');
  r.reset();
  expect(r.delta(2, 'ignored until the snapshot')).toBe(false);
  r.snapshot(snap(2, 'replaced'));
  expect(r.view.text).toBe('replaced');
});

test('status lines follow the stream and an empty one clears it', () => {
  const s = new StreamState();
  s.delta(1, 'a');
  expect(s.status(1, '🔧 exec: ls')).toBe(true);
  expect(s.status(0, 'older')).toBe(false);
  expect(s.status(1, '')).toBe(true);
  expect(s.view.status).toBe('');
});
