import { z } from 'zod';
import { encodeJson, JsonRecord } from './kv';
import { KvLease } from './kv-lock';
import { FakeKv } from './testing/fake-kv';

const Schema = z.object({ n: z.number() });

test('a JSON record reads empty when missing or damaged, and updates atomically', async () => {
  const kv = new FakeKv();
  const rec = new JsonRecord(kv, 'r', Schema, () => ({ n: 0 }));
  expect(await rec.read()).toEqual({ n: 0 });
  await kv.kvSet('r', new TextEncoder().encode('{"n":"not a number"}'));
  expect(await rec.read()).toEqual({ n: 0 });
  await Promise.all(Array.from({ length: 5 }, () => rec.update((c) => ({ n: c.n + 1 }))));
  expect(await rec.read()).toEqual({ n: 5 });
  expect(await rec.update(() => undefined)).toEqual({ n: 5 });
});

test('an update that keeps losing the race gives up with a clear error', async () => {
  const kv = new FakeKv();
  kv.kvSetWithOptions = () => Promise.resolve(false);
  await expect(new JsonRecord(kv, 'r', Schema, () => ({ n: 0 })).update((c) => c, 3)).rejects.toThrow(/kept changing/);
});

test('a lease is held by one node at a time, renewed by its holder, and expires', async () => {
  const kv = new FakeKv();
  let t = 1_000_000;
  kv.now = () => t;
  const a = new KvLease(kv, 'lock', 'node-a', 30, () => t);
  const b = new KvLease(kv, 'lock', 'node-b', 30, () => t);
  expect(await a.acquire()).toBe(true);
  expect(await b.acquire()).toBe(false);
  t += 20_000;
  expect(await a.acquire()).toBe(true); // renewed: 30 s from now
  t += 20_000;
  expect(await b.acquire()).toBe(false);
  t += 11_000; // a stopped renewing
  expect(await b.acquire()).toBe(true);
  await a.release(); // not a's any more: no effect
  expect(await a.acquire()).toBe(false);
  await b.release();
  expect(await a.acquire()).toBe(true);
  expect(kv.json('lock')).toEqual({ owner: 'node-a', at: t });
  expect(encodeJson({ a: 1 })).toBeInstanceOf(Uint8Array);
});
