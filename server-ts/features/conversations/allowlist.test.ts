import { loadAllowlist, parseAllowlist, resolveAllowlist, type DirectoryPort } from './allowlist';
import { FakeKv } from './testing/fake-kv';

const ALICE = 'a1icea1icea1icea1icea1icea';
const notFound = () => Object.assign(new Error('resource not found'), { statusCode: 404 });

function directory(names: Record<string, string>, calls: string[] = []): DirectoryPort {
  const find = (kind: string) => (x: string) => {
    calls.push(`${kind}:${x}`);
    const id = names[`${kind}:${x}`];
    return id ? Promise.resolve({ Id: id }) : Promise.reject(notFound());
  };
  return {
    getUser: find('userid'), getUserByUsername: find('user'), getTeam: find('teamid'), getTeamByName: find('team'),
    getGroup: find('groupid'), getGroupByName: find('group'),
  };
}

test('entries: usernames with or without @, ids, team:, group:, and *', () => {
  const p = parseAllowlist('@alice, bob\nteam:Eng group:oncall * bad!name', 'DM allowlist');
  expect(p.any).toBe(true);
  expect(p.entries.map((e) => `${e.kind}:${e.ref}`)).toEqual(['user:alice', 'user:bob', 'team:eng', 'group:oncall']);
  expect(p.problems).toEqual(['DM allowlist: "bad!name" is not a username, user id, team:<name> or group:<name>']);
});

test('names resolve to ids; an unknown name is a clear problem', async () => {
  const dir = directory({ 'user:alice': ALICE, 'team:eng': 'team1', 'group:oncall': 'grp1', [`userid:${ALICE}`]: ALICE });
  const r = await resolveAllowlist(dir, `@alice ${ALICE} team:eng group:oncall @zed`, 'DM allowlist');
  expect(r).toMatchObject({ users: [ALICE, ALICE], teams: ['team1'], groups: ['grp1'] });
  expect(r.problems).toEqual(['DM allowlist: no user named "zed" (@zed); it is ignored']);
});

test('an API failure (not a 404) is reported, not mistaken for an unknown name', async () => {
  const dir = directory({});
  dir.getUserByUsername = () => Promise.reject(new Error('database is down'));
  const r = await resolveAllowlist(dir, 'alice', 'Channel allowlist');
  expect(r.problems[0]).toMatch(/could not look up alice \(database is down\)/);
});

test('resolved once per text: the stored ids are reused (a later rename changes nothing)', async () => {
  const kv = new FakeKv();
  const calls: string[] = [];
  const first = await loadAllowlist(kv, directory({ 'user:alice': ALICE }, calls), 'dm', '@alice', 'DM allowlist');
  expect(first.users).toEqual([ALICE]);
  calls.length = 0;
  // alice was renamed: the name no longer resolves, but the text did not change.
  const again = await loadAllowlist(kv, directory({}, calls), 'dm', '@alice', 'DM allowlist');
  expect(again.users).toEqual([ALICE]);
  expect(calls).toEqual([]);
  // New text: only the new entry is looked up.
  const more = await loadAllowlist(kv, directory({ 'user:bob': 'b'.repeat(26) }, calls), 'dm', '@alice @bob', 'DM allowlist');
  expect(more.users).toEqual([ALICE, 'b'.repeat(26)]);
  expect(calls).toEqual(['user:bob']);
});
