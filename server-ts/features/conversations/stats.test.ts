import { hookStart, RelayStats } from './stats';

/** Fixed work: about 20 ms of CPU on this machine, however long the OS makes it take. */
const work = () => { let x = 0; for (let i = 0; i < 20_000_000; i++) x = (x + i) % 7919; return x; };
const idle = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('an ignored post is timed on the wall clock and on the thread\'s CPU clock', async () => {
  expect(typeof process.threadCpuUsage).toBe('function'); // Node 24, as the plugin runs on
  const worked = new RelayStats();
  const w = hookStart();
  expect(work()).toBeGreaterThanOrEqual(0);
  worked.ignored(w);
  const busy = worked.snapshot();
  expect(busy.ignoredCpuUs!.max).toBeGreaterThanOrEqual(2_000);
  expect(busy.ignoredCpuUs!.max).toBeLessThanOrEqual(busy.ignoredUs.max + 1_000); // CPU time never exceeds wall time

  const waited = new RelayStats();
  const i = hookStart();
  await idle(30); // wall time passes, this thread's CPU time barely does
  waited.ignored(i);
  const s = waited.snapshot();
  expect(s.ignored).toBe(1);
  expect(s.ignoredUs.max).toBeGreaterThanOrEqual(25_000);
  expect(s.ignoredCpuUs!.max).toBeLessThan(10_000);
});

test('reset starts the samples afresh', () => {
  const stats = new RelayStats();
  stats.ignored(hookStart());
  stats.reset();
  expect(stats.snapshot()).toMatchObject({ ignored: 0, ignoredUs: { p50: 0, p99: 0, max: 0 } });
});
