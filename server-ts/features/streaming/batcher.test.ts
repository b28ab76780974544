import { DeltaBatcher } from './batcher';

function batcher(windowMs = 50) {
  let now = 0;
  const sent: Array<{ at: number; text: string }> = [];
  const b = new DeltaBatcher(windowMs, (text) => sent.push({ at: now, text }), () => now);
  const advance = (ms: number) => {
    now += ms;
    jest.advanceTimersByTime(ms);
  };
  return { b, sent, advance };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

test('a piece after a quiet window goes out at once', () => {
  const { b, sent, advance } = batcher();
  b.push('Hello');
  expect(sent).toEqual([{ at: 0, text: 'Hello' }]);
  advance(80);
  b.push(' world');
  expect(sent).toEqual([{ at: 0, text: 'Hello' }, { at: 80, text: ' world' }]);
});

test('pieces inside the window after a send are coalesced and go out when it closes: one delta per window at most', () => {
  const { b, sent, advance } = batcher();
  b.push('a');
  advance(10);
  b.push('b');
  advance(10);
  b.push('c');
  expect(sent.map((s) => s.text)).toEqual(['a']);
  advance(29);
  expect(sent.map((s) => s.text)).toEqual(['a']);
  advance(1);
  expect(sent).toEqual([{ at: 0, text: 'a' }, { at: 50, text: 'bc' }]);
  for (let i = 0; i < 20; i++) {
    b.push(`${i}`);
    advance(7);
  }
  b.flush();
  const gaps = sent.slice(1, -1).map((s, i) => s.at - sent[i].at);
  expect(gaps.every((g) => g >= 50)).toBe(true);
  expect(sent.map((s) => s.text).join('')).toBe(`abc${Array.from({ length: 20 }, (_, i) => i).join('')}`);
});

test('untimed pieces wait for flush; flushBlocks sends whole paragraphs', () => {
  const { b, sent } = batcher();
  b.push('one\n\ntw', false);
  expect(sent).toEqual([]);
  b.flushBlocks();
  expect(sent.map((s) => s.text)).toEqual(['one\n\n']);
  b.flush();
  expect(sent.map((s) => s.text)).toEqual(['one\n\n', 'tw']);
});
