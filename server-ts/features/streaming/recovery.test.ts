import { until } from '../../testing/until';
import type { AgentOutcome } from '../conversations/agent-port';
import { FakeKv } from '../conversations/testing/fake-kv';
import { LOST_LINE } from './adopt';
import { KvStreamJournal, type StreamRecord } from './journal';
import { ALIVE_PREFIX, StreamRecovery } from './recovery';

const rec = (postId: string, _node: string): Omit<StreamRecord, 'nodeId' | 'startedAt'> => ({
  postId: postId.padEnd(26, 'p'), channelId: 'ch', rootId: '', runId: `run-${postId}`, runKey: `run-${postId}`, sessionKey: 's', requesterId: 'alice',
});

function setup(answers: Map<string, AgentOutcome>, deadlineMs = 60_000) {
  const kv = new FakeKv();
  const finished: Array<{ postId: string; outcome: AgentOutcome }> = [];
  const recovery = new StreamRecovery({
    kv, journal: new KvStreamJournal(kv, 'me'), nodeId: 'me', deadlineMs, pollMs: 5, log: () => undefined,
    answer: (r) => Promise.resolve(answers.get(r.runId)),
    finish: (r, outcome) => { finished.push({ postId: r.postId, outcome }); return Promise.resolve(); },
  });
  return { kv, finished, recovery };
}

test('a stream of a process that is gone is claimed, finished from the history, and leaves the journal', async () => {
  const answers = new Map<string, AgentOutcome>();
  const { kv, finished, recovery } = setup(answers);
  await new KvStreamJournal(kv, 'dead').started(rec('a', 'dead'));
  await new KvStreamJournal(kv, 'alive').started(rec('b', 'alive'));
  await kv.kvSetWithOptions(`${ALIVE_PREFIX}alive`, new Uint8Array([1]), { ExpireInSeconds: 30 });
  await recovery.sweep();
  expect(finished).toEqual([]); // the answer is not in the history yet: still waiting
  answers.set('run-a', { status: 'final', text: 'The answer' });
  await until(() => finished.length === 1, 'the adopted stream is finished');
  expect(finished[0]).toEqual({ postId: 'a'.padEnd(26, 'p'), outcome: { status: 'final', text: 'The answer' } });
  await until(() => kv.json(`oc-stream:${'a'.padEnd(26, 'p')}`) === undefined, 'the record is gone');
  expect(kv.json(`oc-stream:${'b'.padEnd(26, 'p')}`)).toMatchObject({ nodeId: 'alive' }); // a live node's stream is left alone
});

test('two nodes sweeping at once: only one finishes the post', async () => {
  const answers = new Map<string, AgentOutcome>([['run-c', { status: 'final', text: 'x' }]]);
  const one = setup(answers);
  const finished: string[] = [];
  const other = new StreamRecovery({
    kv: one.kv, journal: new KvStreamJournal(one.kv, 'other'), nodeId: 'other', pollMs: 5, log: () => undefined,
    answer: (r) => Promise.resolve(answers.get(r.runId)),
    finish: (r) => { finished.push(r.postId); return Promise.resolve(); },
  });
  await new KvStreamJournal(one.kv, 'dead').started(rec('c', 'dead'));
  await Promise.all([one.recovery.sweep(), other.sweep()]);
  await until(() => one.finished.length + finished.length >= 1, 'one node finishes it');
  await new Promise((r) => setTimeout(r, 30));
  expect(one.finished.length + finished.length).toBe(1);
});

test('no answer before the deadline: the post ends with a clear line instead of streaming forever', async () => {
  const { kv, finished, recovery } = setup(new Map(), 20);
  await new KvStreamJournal(kv, 'dead').started(rec('d', 'dead'));
  await recovery.sweep();
  await until(() => finished.length === 1, 'the stream is given up');
  expect(finished[0].outcome).toMatchObject({ status: 'error' });
  expect(JSON.stringify(finished[0].outcome)).toContain(LOST_LINE);
});
