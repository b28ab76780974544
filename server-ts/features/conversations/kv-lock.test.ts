import { KvLease } from './kv-lock';
import { FakeKv } from './testing/fake-kv';

function ticking() {
  const kv = new FakeKv();
  let t = 1_000;
  kv.now = () => t;
  return { kv, clock: () => ++t }; // every renewal writes a different value
}

test('renewals racing within one node all hold the lease; another node is refused', async () => {
  const { kv, clock } = ticking();
  const mine = new KvLease(kv, 'lease', 'n1', 60, clock);
  expect(await Promise.all([mine.acquire(), mine.acquire(), mine.acquire()])).toEqual([true, true, true]);
  expect(await new KvLease(kv, 'lease', 'n2', 60, clock).acquire()).toBe(false);
  expect(await mine.acquire()).toBe(true);
});

test('two instances with the same owner racing both hold it; a crashed holder expires', async () => {
  const { kv, clock } = ticking();
  const a = new KvLease(kv, 'lease', 'n1', 60, clock);
  const b = new KvLease(kv, 'lease', 'n1', 60, clock);
  expect(await Promise.all([a.acquire(), b.acquire()])).toEqual([true, true]);
  const other = new KvLease(kv, 'lease', 'n2', 60, clock);
  expect(await other.acquire()).toBe(false);
  const now = kv.now();
  kv.now = () => now + 61_000;
  expect(await other.acquire()).toBe(true);
  expect(await a.acquire()).toBe(false);
});

test('release gives the lease up only when held', async () => {
  const { kv, clock } = ticking();
  const a = new KvLease(kv, 'lease', 'n1', 60, clock);
  const b = new KvLease(kv, 'lease', 'n2', 60, clock);
  await a.acquire();
  await b.release();
  expect(await b.acquire()).toBe(false);
  await a.release();
  expect(await b.acquire()).toBe(true);
});
