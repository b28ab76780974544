import { Backoff, DEFAULT_BACKOFF } from './backoff';

it('grows to the 10 s cap and resets', () => {
  const b = new Backoff(DEFAULT_BACKOFF, () => 0.5);
  const seq = Array.from({ length: 8 }, () => b.next());
  expect(seq).toEqual([500, 1000, 2000, 4000, 8000, 10000, 10000, 10000]);
  b.reset();
  expect(b.next()).toBe(500);
});
