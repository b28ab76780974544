import type { EventFrame } from '@openclaw/gateway-protocol';
import type { RunEvent } from './run-events';
import { loadProtocol } from './protocol';
import { RunTracker } from './run-tracker';

// A link loads the schemas while it connects; these tests drive the tracker alone.
beforeAll(() => loadProtocol());

let seq = 0;
const chat = (payload: Record<string, unknown>): EventFrame =>
  ({ type: 'event', event: 'chat', payload: { sessionKey: 's', seq: ++seq, ...payload } });
const agent = (runId: string, stream: string, data: Record<string, unknown>): EventFrame =>
  ({ type: 'event', event: 'agent', payload: { runId, sessionKey: 's', agentId: 'main', seq: ++seq, ts: 1, stream, data } });
const text = (t: string) => ({ role: 'assistant', content: [{ type: 'text', text: t }] });

describe('RunTracker', () => {
  it('routes our run events and drops other clients’ runs', async () => {
    const t = new RunTracker();
    const seen: RunEvent[] = [];
    const h = t.track('run-1', 'agent:main:mattermost:channel:A');
    h.channel.listen((e) => seen.push(e));
    expect(t.handle(chat({ runId: 'someone-else', state: 'final', message: text('nope') }))).toBe(false);
    t.handle(chat({ runId: 'run-1', state: 'delta', deltaText: 'Hel', message: text('Hel') }));
    t.handle(chat({ runId: 'run-1', state: 'delta', deltaText: 'lo', message: text('Hello') }));
    t.handle(chat({ runId: 'run-1', state: 'final', message: text('Hello') }));
    expect(await h.channel.done).toEqual({ status: 'final', text: 'Hello', reasoning: '', mediaCount: 0, queued: false, stopReason: undefined });
    expect(seen.map((e) => e.type)).toEqual(['delta', 'delta', 'final']);
    expect(t.activeRuns()).toBe(0);
    expect(t.isOurs('run-1')).toBe(true);
    expect(t.isOurs('someone-else')).toBe(false);
    expect(t.ownsSession('agent:main:mattermost:channel:a')).toBe(true);
    expect(t.ownsSession('agent:main:mattermost:channel:b')).toBe(false);
  });

  it('keeps a long run\'s events for late listeners at the size of its text, not a snapshot per event', async () => {
    const t = new RunTracker();
    const h = t.track('r-long', 's');
    let sofar = '';
    for (let i = 0; i < 2_000; i++) {
      const piece = `word number ${i} of a long reply; `;
      sofar += piece;
      t.handle(chat({ runId: 'r-long', state: 'delta', deltaText: piece, message: text(sofar) }));
    }
    t.handle(agent('r-long', 'thinking', { text: 'Let me think', delta: 'Let me think' }));
    t.handle(agent('r-long', 'thinking', { text: 'Let me think again', delta: ' again' }));
    t.handle(agent('r-long', 'thinking', { text: 'Rewritten', delta: '' }));
    t.handle(chat({ runId: 'r-long', state: 'final', message: text(sofar) }));
    const late: RunEvent[] = [];
    h.channel.listen((e) => late.push(e));
    // The deltas once, the final once, and the events' own fields; a snapshot in every event would be about 1,000 times the text.
    expect(JSON.stringify(late).length).toBeLessThan(4 * sofar.length);
    expect(late.filter((e) => e.type === 'delta').map((e) => e.text).join('')).toBe(sofar);
    expect(late.filter((e) => e.type === 'reasoning')).toEqual([
      { type: 'reasoning', text: 'Let me think', replace: false },
      { type: 'reasoning', text: ' again', replace: false },
      { type: 'reasoning', text: 'Rewritten', replace: true },
    ]);
  });

  it('settles errors and aborts with what was streamed so far', async () => {
    const t = new RunTracker();
    const a = t.track('r-a', 's');
    t.handle(chat({ runId: 'r-a', state: 'delta', deltaText: 'part' }));
    t.handle(chat({ runId: 'r-a', state: 'error', errorMessage: 'model down' }));
    expect(await a.channel.done).toEqual({ status: 'error', text: 'part', message: 'model down', kind: 'gateway' });
    const b = t.track('r-b', 's');
    t.handle(chat({ runId: 'r-b', state: 'aborted', message: text('half') }));
    expect(await b.channel.done).toMatchObject({ status: 'aborted', text: 'half' });
  });

  it('ignores payloads that do not fit the protocol', () => {
    const t = new RunTracker();
    t.track('r', 's');
    expect(t.handle(chat({ state: 'final' }))).toBe(false);
    expect(t.handle(chat({ runId: 'r', state: 'delta' }))).toBe(false); // deltaText is required
    expect(t.handle({ type: 'event', event: 'chat', payload: null })).toBe(false);
  });

  it('tolerates fields a newer gateway adds', async () => {
    const t = new RunTracker();
    const h = t.track('r', 's');
    expect(t.handle(chat({ runId: 'r', state: 'final', message: text('ok'), addedLater: { x: 1 } }))).toBe(true);
    expect(await h.channel.done).toMatchObject({ status: 'final', text: 'ok' });
  });
});

describe('RunTracker agent streams', () => {
  it('reasoning, tools and activity are their own events; reasoning never joins the text', async () => {
    const t = new RunTracker();
    const h = t.track('r', 's');
    t.handle(agent('r', 'lifecycle', { phase: 'start' }));
    t.handle(agent('r', 'thinking', { text: 'Let me', delta: 'Let me' }));
    t.handle(agent('r', 'thinking', { text: 'Let me think.', delta: ' think.' }));
    t.handle(agent('r', 'item', { itemId: 'tool:1', kind: 'tool', phase: 'start', title: 'Ls .', status: 'running' }));
    t.handle(agent('r', 'tool', { phase: 'start', name: 'ls', toolCallId: 'c1', args: { path: '.' } }));
    t.handle(agent('r', 'assistant', { text: '42', delta: '42' }));
    t.handle(chat({ runId: 'r', state: 'delta', deltaText: '42', message: text('42') }));
    t.handle(agent('r', 'lifecycle', { phase: 'end', terminalReply: { text: '42\n\nMEDIA:./chart.png' } }));
    t.handle(chat({ runId: 'r', state: 'final', message: text('42') }));
    const events: RunEvent[] = [];
    for await (const e of h.channel.events()) events.push(e);
    expect(events.map((e) => e.type)).toEqual(['agent', 'reasoning', 'reasoning', 'activity', 'tool', 'delta', 'agent', 'final']);
    expect(events[2]).toEqual({ type: 'reasoning', text: ' think.', replace: false });
    expect(events[4]).toMatchObject({ type: 'tool', name: 'ls', args: { path: '.' } });
    expect(await h.channel.done).toEqual({ status: 'final', text: '42', reasoning: 'Let me think.', mediaCount: 1, queued: false, stopReason: undefined });
  });

  it('a final without a message for a run that never started means the gateway queued it', async () => {
    const t = new RunTracker();
    const h = t.track('q', 's');
    t.handle(chat({ runId: 'q', state: 'final' }));
    expect(await h.channel.done).toMatchObject({ status: 'final', text: '', queued: true });
    // A media-only reply also has no message, but its run did start.
    const m = t.track('m', 's');
    t.handle(agent('m', 'lifecycle', { phase: 'end', terminalReply: { text: 'MEDIA:./a.txt' } }));
    t.handle(chat({ runId: 'm', state: 'final' }));
    expect(await m.channel.done).toMatchObject({ status: 'final', text: '', queued: false, mediaCount: 1 });
  });
});

describe('RunTracker retries', () => {
  it('joins a run already in progress for the same key', async () => {
    const t = new RunTracker();
    const first = t.track('k', 's');
    const again = t.track('k', 's');
    expect([first.fresh, again.fresh]).toEqual([true, false]);
    t.handle(chat({ runId: 'k', state: 'final', message: text('once') }));
    expect(await again.channel.done).toMatchObject({ text: 'once' });
    expect(await first.channel.done).toMatchObject({ text: 'once' });
  });
});

describe('RunTracker giving up', () => {
  it('abandonAll settles every open run with the reason, so no caller waits forever', async () => {
    const t = new RunTracker();
    const a = t.track('a', 's1');
    const b = t.track('b', 's2');
    t.abandonAll('link closed');
    expect(await a.channel.done).toMatchObject({ status: 'error', message: 'link closed' });
    expect(await b.channel.done).toMatchObject({ status: 'error', message: 'link closed' });
    expect(t.activeRuns()).toBe(0);
  });

  it('sweep settles runs past the age limit and keeps younger ones', async () => {
    let now = 1_000_000; // a clock the test moves, instead of waiting for a real one
    const clock = jest.spyOn(Date, 'now').mockImplementation(() => now);
    try {
      const t = new RunTracker(60_000);
      const old = t.track('old', 's');
      now += 30_000;
      t.track('young', 's');
      now += 30_001; // old: just past the limit; young: half of it
      t.sweep();
      expect(await old.channel.done).toMatchObject({ status: 'error', kind: 'timeout' });
      expect(t.isOurs('young')).toBe(true);
      expect(t.activeRuns()).toBe(1);
    } finally {
      clock.mockRestore();
    }
  });
});
