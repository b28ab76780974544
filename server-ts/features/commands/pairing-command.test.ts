import { PairingStore } from '../conversations/pairing-store';
import { FakeKv } from '../conversations/testing/fake-kv';
import { pairingCommand, type PairingCommandDeps } from './pairing-command';

const users: Record<string, string> = { admin1: 'root', alice1: 'alice', bob1: 'bob' };

function setup() {
  const pairing = new PairingStore(new FakeKv());
  const told: string[] = [];
  let changes = 0;
  const deps: PairingCommandDeps = {
    pairing,
    isSystemAdmin: (id) => Promise.resolve(id === 'admin1'),
    findUser: (ref) => {
      const name = ref.replace(/^@/, '');
      const id = Object.keys(users).find((k) => users[k] === name || k === name);
      return Promise.resolve(id ? { id, username: users[id] } : undefined);
    },
    username: (id) => Promise.resolve(users[id] ?? id),
    tellApproved: (id) => { told.push(id); return Promise.resolve(); },
    changed: () => { changes++; },
  };
  const run = (command: string, userId = 'admin1') => pairingCommand(deps, { Command: command, UserId: userId });
  return { pairing, told, run, changes: () => changes };
}

test('only system admins', async () => {
  const { run } = setup();
  expect((await run('/oc_pairing list', 'alice1')).Text).toBe('Only system admins can use /oc_pairing.');
});

test('approve by code: the person is approved and told; list and revoke', async () => {
  const { pairing, told, run, changes } = setup();
  const { code } = await pairing.codeFor('alice1');
  expect((await run('/oc_pairing list')).Text).toMatch(new RegExp(`\`${code}\` @alice \\(just now\\)`));
  expect((await run(`/oc_pairing approve ${code.toLowerCase()}`)).Text).toBe('Approved @alice: OpenClaw now answers their direct messages.');
  expect(told).toEqual(['alice1']);
  expect(await pairing.isApproved('alice1')).toBe(true);
  expect((await run('/oc_pairing list')).Text).toMatch(/#### Approved\n- @alice \(by @root, just now\)/);
  expect((await run('/oc_pairing revoke @alice')).Text).toMatch(/^Revoked: @alice/);
  expect(await pairing.isApproved('alice1')).toBe(false);
  expect(changes()).toBe(2);
});

test('approve a person directly; unknown codes and users are explained', async () => {
  const { pairing, run } = setup();
  expect((await run('/oc_pairing approve @bob')).Text).toBe('Approved @bob: OpenClaw now answers their direct messages.');
  expect(await pairing.isApproved('bob1')).toBe(true);
  expect((await run('/oc_pairing approve ZZZZ2222')).Text).toMatch(/No pending pairing has the code `ZZZZ2222`/);
  expect((await run('/oc_pairing approve @nobody')).Text).toBe('There is no user @nobody.');
  expect((await run('/oc_pairing')).Text).toMatch(/^#### \/oc_pairing/);
});
