import { CODE_TTL_MS, normalizeCode, PairingStore, PAIRING_KEY } from './pairing-store';
import { FakeKv } from './testing/fake-kv';

const setup = () => {
  const kv = new FakeKv();
  let t = 1_000_000;
  const clock = { advance: (ms: number) => { t += ms; } };
  return { kv, clock, store: new PairingStore(kv, () => t), other: new PairingStore(kv, () => t) };
};

test('an unknown person gets one code, kept until approved; approval is seen by every node', async () => {
  const { store, other, kv } = setup();
  expect(await store.isApproved('alice')).toBe(false);
  const first = await store.codeFor('alice');
  expect(first.created).toBe(true);
  expect(first.code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
  expect(await store.codeFor('alice')).toEqual({ code: first.code, created: false });
  expect(await other.approve(first.code.toLowerCase(), 'admin')).toMatchObject({ userId: 'alice' });
  expect(await store.isApproved('alice')).toBe(true);
  expect((await store.list()).pending).toEqual([]);
  expect(kv.json(PAIRING_KEY)).toMatchObject({ approved: [{ userId: 'alice', approvedBy: 'admin' }] });
});

test('a wrong or expired code approves nobody', async () => {
  const { store, clock } = setup();
  const { code } = await store.codeFor('bob');
  expect(await store.approve('ZZZZZZZZ', 'admin')).toBeUndefined();
  clock.advance(CODE_TTL_MS + 1);
  expect(await store.approve(code, 'admin')).toBeUndefined();
  expect(await store.isApproved('bob')).toBe(false);
  expect((await store.codeFor('bob')).created).toBe(true);
});

test('revocation takes effect on another node once its short cache expires', async () => {
  const { store, other, clock } = setup();
  await store.approveUser('carol', 'admin');
  expect(await other.isApproved('carol')).toBe(true);
  expect(await store.revoke('carol')).toBe(true);
  expect(await store.revoke('carol')).toBe(false);
  expect(await store.isApproved('carol')).toBe(false);
  clock.advance(16_000);
  expect(await other.isApproved('carol')).toBe(false);
});

test('an approved person costs no KV read while the cache is fresh', async () => {
  const { store, kv } = setup();
  await store.approveUser('dave', 'admin');
  const before = kv.calls;
  for (let i = 0; i < 10; i++) expect(await store.isApproved('dave')).toBe(true);
  expect(kv.calls).toBe(before);
});

test('codes are read leniently', () => {
  expect(normalizeCode(' abcd-2345 ')).toBe('ABCD2345');
});
