import { AccessControl, type MembershipPort } from './access';
import { EMPTY_ALLOWLIST, type ResolvedAllowlist } from './allowlist';
import { PairingStore } from './pairing-store';
import { FakeKv } from './testing/fake-kv';

const list = (over: Partial<ResolvedAllowlist>): ResolvedAllowlist => ({ ...EMPTY_ALLOWLIST, ...over });

function setup() {
  const calls: string[] = [];
  const membership: MembershipPort = {
    isTeamMember: (t, u) => { calls.push(`team:${t}:${u}`); return Promise.resolve(t === 'eng' && u === 'erin'); },
    groupMemberIds: (g) => { calls.push(`group:${g}`); return Promise.resolve(g === 'oncall' ? ['gus'] : []); },
  };
  const pairing = new PairingStore(new FakeKv());
  return { access: new AccessControl(pairing, membership), pairing, calls };
}

test.each([
  // DM policy, allowlist, user, expected
  ['disabled', list({ any: true }), 'alice', 'disabled'],
  ['open', list({}), 'alice', 'allow'],
  ['allowlist', list({ users: ['alice'] }), 'alice', 'allow'],
  ['allowlist', list({ users: ['alice'] }), 'bob', 'not-allowlisted'],
  ['allowlist', list({ any: true }), 'bob', 'allow'],
  ['allowlist', list({ teams: ['eng'] }), 'erin', 'allow'],
  ['allowlist', list({ groups: ['oncall'] }), 'gus', 'allow'],
  ['allowlist', list({ groups: ['oncall'] }), 'hal', 'not-allowlisted'],
  ['pairing', list({}), 'stranger', 'pair'],
  ['pairing', list({ users: ['alice'] }), 'alice', 'allow'],
] as const)('DM policy %s, allowlist %j, %s → %s', async (policy, dm, user, expected) => {
  const { access } = setup();
  access.configure({ dmPolicy: policy, channelPolicy: 'allowlist' }, dm, EMPTY_ALLOWLIST);
  expect(await access.checkDm(user)).toBe(expected);
});

test('pairing: an approved person is let in', async () => {
  const { access, pairing } = setup();
  access.configure({ dmPolicy: 'pairing', channelPolicy: 'allowlist' }, EMPTY_ALLOWLIST, EMPTY_ALLOWLIST);
  await pairing.approveUser('paula', 'admin');
  expect(await access.checkDm('paula')).toBe('allow');
});

test.each([
  ['disabled', list({ any: true }), 'alice', 't1', 'disabled'],
  ['open', list({}), 'alice', 't1', 'allow'],
  ['allowlist', list({}), 'alice', 't1', 'not-allowlisted'],
  ['allowlist', list({ users: ['alice'] }), 'alice', 't1', 'allow'],
  ['allowlist', list({ teams: ['t1'] }), 'anyone', 't1', 'allow'],
  ['allowlist', list({ teams: ['eng'] }), 'erin', '', 'allow'],
  ['allowlist', list({ groups: ['oncall'] }), 'gus', 't1', 'allow'],
] as const)('channel policy %s, allowlist %j, %s in team %s → %s', async (policy, ch, user, team, expected) => {
  const { access } = setup();
  access.configure({ dmPolicy: 'open', channelPolicy: policy }, EMPTY_ALLOWLIST, ch);
  expect(await access.checkChannel(user, team)).toBe(expected);
});

test('team and group membership are looked up once and cached', async () => {
  const { access, calls } = setup();
  access.configure({ dmPolicy: 'allowlist', channelPolicy: 'allowlist' }, list({ teams: ['eng'], groups: ['oncall'] }), EMPTY_ALLOWLIST);
  for (let i = 0; i < 3; i++) expect(await access.checkDm('gus')).toBe('allow');
  expect(calls).toEqual(['team:eng:gus', 'group:oncall']);
});
