import type { PushNotification } from '../../mattermost/model/push';
import { encodeJson } from '../conversations/kv';
import { FakeKv } from '../conversations/testing/fake-kv';
import { HELD_PREFIX, KvHeldPushes } from './held-pushes';

const POST = 'p'.repeat(26);
const ALICE = 'a'.repeat(26);
const BOB = 'b'.repeat(26);
const push = (message: string): PushNotification => ({ PostId: POST, Message: message, Badge: 2, IsCRTEnabled: true, DeviceId: 'dev' });

test('held pushes survive in the store, expire with the hold, and are taken once', async () => {
  const kv = new FakeKv();
  const store = new KvHeldPushes(kv);
  await store.save(POST, { notification: push('for alice'), userId: ALICE }, 960);
  await store.save(POST, { notification: push('for bob'), userId: BOB }, 960);
  await store.save('q'.repeat(26), { notification: push('another post'), userId: ALICE }, 960);
  expect(kv.data.get(`${HELD_PREFIX}${POST}:${ALICE}`)!.expireAt).toBeGreaterThan(Date.now() + 950_000);
  await store.drop(POST, BOB);

  expect(await store.take(POST)).toEqual([{ notification: push('for alice'), userId: ALICE }]);
  expect(await store.take(POST)).toEqual([]);
  expect(await store.take('q'.repeat(26))).toHaveLength(1);
});

test('a damaged or misfiled record is dropped, never sent', async () => {
  const kv = new FakeKv();
  await kv.kvSet(`${HELD_PREFIX}${POST}:${ALICE}`, encodeJson({ userId: ALICE, notification: { Badge: 'three' } }));
  await kv.kvSet(`${HELD_PREFIX}${POST}:${BOB}`, encodeJson({ userId: ALICE, notification: push('misfiled') }));
  await kv.kvSet(`${HELD_PREFIX}${POST}:x`, new TextEncoder().encode('{not json'));
  expect(await new KvHeldPushes(kv).take(POST)).toEqual([]);
  expect([...kv.data.keys()]).toEqual([]);
});

test('taking reads every page before deleting, so no record is skipped', async () => {
  const kv = new FakeKv();
  const store = new KvHeldPushes(kv);
  const users = Array.from({ length: 30 }, (_, i) => String(i).padStart(26, 'u'));
  for (let i = 0; i < 450; i++) { // held pushes spread over three pages of keys
    await kv.kvSet(`other:${i}`, new Uint8Array([1]));
    const userId = users[i / 15];
    if (userId) await store.save(POST, { notification: push(userId), userId }, 60);
  }
  const taken = await store.take(POST);
  expect(taken.map((t) => t.userId).sort()).toEqual([...users].sort());
});
