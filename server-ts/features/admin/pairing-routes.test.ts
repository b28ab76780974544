import { PairingStore } from '../conversations/pairing-store';
import { fakeResponse } from '../../testing/fake-plugin-api';
import { FakeKv } from '../conversations/testing/fake-kv';
import { consoleRequest } from './console-request.testing';
import { pairingApproveRoute, pairingListRoute, pairingRevokeRoute, type PairingRouteDeps } from './pairing-routes';

const ALICE = 'a'.repeat(26);
const BOB = 'b'.repeat(26);

function setup() {
  const kv = new FakeKv();
  const pairing = new PairingStore(kv, () => 1_000_000);
  const told: string[] = [];
  let changes = 0;
  const deps: PairingRouteDeps = {
    pairing,
    username: (id) => (id === 'gone' ? Promise.reject(new Error('not found')) : Promise.resolve({ [ALICE]: 'alice', [BOB]: 'bob', admin: 'root' }[id] ?? id)),
    tellApproved: (id) => { told.push(id); return Promise.resolve(); },
    changed: () => { changes++; },
  };
  return { pairing, deps, told, changes: () => changes };
}

async function run(route: ReturnType<typeof pairingListRoute>, method: string, body?: unknown) {
  const { res, answers } = fakeResponse();
  await route({}, consoleRequest(method, '/api/v1/pairing', { userId: 'admin', body }), res);
  return answers[0];
}

test('lists pending codes and approved people with their names', async () => {
  const { pairing, deps } = setup();
  const { code } = await pairing.codeFor(ALICE);
  await pairing.approveUser(BOB, 'admin');
  expect(await run(pairingListRoute(deps), 'GET')).toEqual({ code: 200, body: {
    pending: [{ code, userId: ALICE, username: 'alice', createdAt: 1_000_000 }],
    approved: [{ userId: BOB, username: 'bob', approvedBy: 'root', approvedAt: 1_000_000 }],
  } });
});

test('approve by code moves the person to approved, tells them and the cluster', async () => {
  const s = setup();
  const { code } = await s.pairing.codeFor(ALICE);
  expect(await run(pairingApproveRoute(s.deps), 'POST', { code: code.toLowerCase() })).toEqual({ code: 200, body: { approved: true, userId: ALICE, username: 'alice' } });
  expect(await s.pairing.isApproved(ALICE)).toBe(true);
  expect(s.told).toEqual([ALICE]);
  expect(s.changes()).toBe(1);
});

test('an unknown code is a 404 in words; a malformed body a 400; nothing changes', async () => {
  const s = setup();
  expect(await run(pairingApproveRoute(s.deps), 'POST', { code: 'NOPE1234' })).toEqual({ code: 404, body: { error: expect.stringContaining('NOPE1234') as string } });
  expect((await run(pairingApproveRoute(s.deps), 'POST', { userId: 'not-an-id' })).code).toBe(400);
  expect((await run(pairingApproveRoute(s.deps), 'POST', { code: 'X', extra: 1 })).code).toBe(400);
  expect(s.told).toEqual([]);
  expect(s.changes()).toBe(0);
});

test('approve a person directly, then revoke them', async () => {
  const s = setup();
  expect((await run(pairingApproveRoute(s.deps), 'POST', { userId: BOB })).body).toEqual({ approved: true, userId: BOB, username: 'bob' });
  expect(await run(pairingRevokeRoute(s.deps), 'POST', { userId: BOB })).toEqual({ code: 200, body: { revoked: true, userId: BOB } });
  expect(await s.pairing.isApproved(BOB)).toBe(false);
  expect((await run(pairingRevokeRoute(s.deps), 'POST', { userId: BOB })).body).toEqual({ revoked: false, userId: BOB });
});
