import type { EventFrame } from '@openclaw/gateway-protocol';
import { type RunEvent } from './run-events';
import { RunTracker } from './run-tracker';

const chat = (payload: object) => ({ type: 'event', event: 'chat', payload }) as unknown as EventFrame;
const text = (t: string) => ({ role: 'assistant', content: [{ type: 'text', text: t }] });

describe('RunTracker', () => {
  it('routes our run events and drops other clients’ runs', async () => {
    const t = new RunTracker();
    const seen: RunEvent[] = [];
    const h = t.track('run-1', 'agent:main:mattermost:channel:A');
    h.listen((e) => seen.push(e));
    expect(t.handle(chat({ runId: 'someone-else', state: 'final', message: text('nope') }))).toBe(false);
    t.handle(chat({ runId: 'run-1', state: 'delta', deltaText: 'Hel', message: text('Hel') }));
    t.handle(chat({ runId: 'run-1', state: 'delta', deltaText: 'lo', message: text('Hello') }));
    t.handle(chat({ runId: 'run-1', state: 'final', message: text('Hello') }));
    expect(await h.done).toEqual({ status: 'final', text: 'Hello', stopReason: undefined });
    expect(seen.map((e) => e.type)).toEqual(['delta', 'delta', 'final']);
    expect(t.activeRuns()).toBe(0);
    expect(t.ownsSession('agent:main:mattermost:channel:a')).toBe(true);
    expect(t.ownsSession('agent:main:mattermost:channel:b')).toBe(false);
  });

  it('settles errors and aborts with what was streamed so far', async () => {
    const t = new RunTracker();
    const a = t.track('r-a', 's');
    t.handle(chat({ runId: 'r-a', state: 'delta', deltaText: 'part' }));
    t.handle(chat({ runId: 'r-a', state: 'error', errorMessage: 'model down' }));
    expect(await a.done).toEqual({ status: 'error', text: 'part', message: 'model down', kind: 'gateway' });
    const b = t.track('r-b', 's');
    t.handle(chat({ runId: 'r-b', state: 'aborted', message: text('half') }));
    expect(await b.done).toMatchObject({ status: 'aborted', text: 'half' });
  });

  it('ignores malformed payloads', () => {
    const t = new RunTracker();
    t.track('r', 's');
    expect(t.handle(chat({ state: 'final' }))).toBe(false);
    expect(t.handle({ type: 'event', event: 'chat', payload: null } as unknown as EventFrame)).toBe(false);
  });
});

describe('RunTracker retries', () => {
  it('joins a run already in progress for the same key', async () => {
    const t = new RunTracker();
    const first = t.track('k', 's');
    const again = t.track('k', 's');
    expect([first.fresh, again.fresh]).toEqual([true, false]);
    t.handle(chat({ runId: 'k', state: 'final', message: text('once') }));
    expect((await again.done).text).toBe('once');
    expect((await first.done).text).toBe('once');
  });
});

describe('RunTracker giving up', () => {
  it('abandonAll settles every open run with the reason, so no caller waits forever', async () => {
    const t = new RunTracker();
    const a = t.track('a', 's1');
    const b = t.track('b', 's2');
    t.abandonAll('link closed');
    expect(await a.done).toMatchObject({ status: 'error', message: 'link closed' });
    expect(await b.done).toMatchObject({ status: 'error', message: 'link closed' });
    expect(t.activeRuns()).toBe(0);
  });

  it('sweep settles runs past the age limit', async () => {
    const t = new RunTracker(0);
    const old = t.track('old', 's');
    await new Promise((r) => setTimeout(r, 2));
    t.sweep();
    expect(await old.done).toMatchObject({ status: 'error' });
  });
});
