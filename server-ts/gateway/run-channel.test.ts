import { RunChannel } from './run-channel';
import type { RunEvent } from './run-events';

const delta = (t: string): RunEvent => ({ type: 'delta', text: t, replace: false });

describe('RunChannel', () => {
  it('a listener joining late gets every earlier event first, then live ones, each once', () => {
    const ch = new RunChannel();
    ch.push(delta('a'));
    const seen: string[] = [];
    const off = ch.listen((e) => seen.push(e.type === 'delta' ? e.text : e.type));
    ch.push(delta('b'));
    off();
    ch.push(delta('c'));
    expect(seen).toEqual(['a', 'b']);
  });

  it('iterators started before, during and after the run all see the whole run and end', async () => {
    const ch = new RunChannel();
    const collect = async () => { const out: string[] = []; for await (const e of ch.events()) out.push(e.type); return out; };
    const early = collect();
    ch.push(delta('a'));
    const middle = collect();
    ch.push({ type: 'final', text: 'a', reasoning: '', mediaCount: 0, queued: false });
    ch.close({ status: 'final', text: 'a', reasoning: '', mediaCount: 0, queued: false });
    ch.push(delta('ignored after close'));
    const late = collect();
    expect(await Promise.all([early, middle, late])).toEqual([['delta', 'final'], ['delta', 'final'], ['delta', 'final']]);
    expect(await ch.done).toMatchObject({ status: 'final', text: 'a' });
  });

  it('a throwing listener does not stop the others', () => {
    const ch = new RunChannel();
    const seen: string[] = [];
    ch.listen(() => { throw new Error('boom'); });
    ch.listen((e) => seen.push(e.type));
    ch.push(delta('x'));
    expect(seen).toEqual(['delta']);
  });
});
