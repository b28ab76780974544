import { FakeKvApi } from '../../testing/fake-plugin-api';
import { recordActivation } from './activation-record';

test('counts activations across restarts and stamps the latest', async () => {
  const kv = new FakeKvApi();
  expect(await recordActivation(kv, 1_000)).toEqual({ count: 1, lastActivatedAt: 1_000 });
  expect(await recordActivation(kv, 2_000)).toEqual({ count: 2, lastActivatedAt: 2_000 });
  expect(kv.json('activation')).toEqual({ count: 2, lastActivatedAt: 2_000 });
});

test.each([
  ['not JSON', 'count=7'],
  ['a negative count', JSON.stringify({ count: -3, lastActivatedAt: 1 })],
  ['a fractional count', JSON.stringify({ count: 1.5, lastActivatedAt: 1 })],
])('a damaged record (%s) starts the count again instead of blocking activation', async (_what, stored) => {
  const kv = new FakeKvApi();
  kv.data.set('activation', Buffer.from(stored, 'utf8'));
  expect(await recordActivation(kv, 5_000)).toEqual({ count: 1, lastActivatedAt: 5_000 });
});

test('a KV store that does not keep what it is given fails activation loudly', async () => {
  const kv = new FakeKvApi();
  kv.dropWrites = true;
  await expect(recordActivation(kv)).rejects.toThrow('KV store did not keep the activation record');
});
