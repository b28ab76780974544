import type { PluginAPI } from '../../mattermost/plugin';
import { fakeRequest, fakeResponse } from '../../testing/fake-plugin-api';
import { isSystemAdmin, systemAdminOnly } from './system-admin';

type User = Awaited<ReturnType<PluginAPI['getUser']>>;

/** getUser answering from a roles table; unknown users make it fail like the RPC does. */
function usersApi(roles: Record<string, string>) {
  const asked: string[] = [];
  const api: Pick<PluginAPI, 'getUser'> = {
    getUser(userId) {
      asked.push(userId);
      if (!(userId in roles)) return Promise.reject(new Error(`GetUser ${userId}: not found`));
      return Promise.resolve({ Id: userId, Roles: roles[userId] } as User);
    },
  };
  return { api, asked };
}

const guarded = () => {
  const reached: string[] = [];
  const route = systemAdminOnly(usersApi({ admin: 'system_user system_admin', user: 'system_user', lookalike: 'system_user system_admin_x' }).api,
    (_ctx, req, res) => {
      reached.push(req.userId ?? '');
      res.json(200, { ok: true });
    });
  return { route, reached };
};

test('isSystemAdmin reads the role list, word by word', async () => {
  const { api } = usersApi({ a: 'system_user  system_admin', b: 'system_user', c: 'system_admin_x team_admin', d: '' });
  expect(await isSystemAdmin(api, 'a')).toBe(true);
  expect(await isSystemAdmin(api, 'b')).toBe(false);
  expect(await isSystemAdmin(api, 'c')).toBe(false);
  expect(await isSystemAdmin(api, 'd')).toBe(false);
});

test('a system admin reaches the route', async () => {
  const { route, reached } = guarded();
  const { res, answers } = fakeResponse();
  await route({}, fakeRequest('GET', '/api/v1/status', 'admin'), res);
  expect(reached).toEqual(['admin']);
  expect(answers).toEqual([{ code: 200, body: { ok: true } }]);
});

test.each(['user', 'lookalike'])('%s gets 403 and never reaches the route', async (userId) => {
  const { route, reached } = guarded();
  const { res, answers } = fakeResponse();
  await route({}, fakeRequest('GET', '/api/v1/status', userId), res);
  expect(reached).toEqual([]);
  expect(answers).toHaveLength(1);
  expect(answers[0].code).toBe(403);
});

test('no user id: 403 without asking the server', async () => {
  const { api, asked } = usersApi({});
  const route = systemAdminOnly(api, () => { throw new Error('must not be reached'); });
  const { res, answers } = fakeResponse();
  await route({}, fakeRequest('GET', '/api/v1/status', undefined), res);
  expect(asked).toEqual([]);
  expect(answers.map((a) => a.code)).toEqual([403]);
});

test('a failed user lookup is an error (500 upstream), not a 403 and not a pass', async () => {
  const { route, reached } = guarded();
  const { res, answers } = fakeResponse();
  await expect(route({}, fakeRequest('GET', '/api/v1/status', 'ghost'), res)).rejects.toThrow(/not found/);
  expect(reached).toEqual([]);
  expect(answers).toEqual([]);
});
