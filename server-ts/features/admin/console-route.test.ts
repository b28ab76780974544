import type { PluginAPI } from '../../mattermost/plugin';
import { fakeResponse } from '../../testing/fake-plugin-api';
import { browser, consoleRequest } from './console-request.testing';
import { consoleRoute } from './console-route';
import { cookiesOf } from './csrf';

type User = Awaited<ReturnType<PluginAPI['getUser']>>;
const api: Pick<PluginAPI, 'getUser'> = {
  getUser: (id) => Promise.resolve({ Id: id, Roles: id === 'admin' ? 'system_user system_admin' : 'system_user' } as User),
};

async function call(method: string, init: Parameters<typeof consoleRequest>[2]) {
  const reached: string[] = [];
  const route = consoleRoute(api, (_ctx, req, res) => {
    reached.push(req.userId ?? '');
    res.json(200, { ok: true });
  });
  const { res, answers } = fakeResponse();
  await route({}, consoleRequest(method, '/api/v1/x', init), res);
  return { reached, answer: answers[0] };
}

test('an admin from the webapp (Client4 headers, matching CSRF token) reaches the route', async () => {
  const { reached, answer } = await call('POST', { userId: 'admin', ...browser() });
  expect(reached).toEqual(['admin']);
  expect(answer.code).toBe(200);
});

test('a non-admin is refused even with a perfect CSRF token', async () => {
  const { reached, answer } = await call('POST', { userId: 'user', ...browser() });
  expect(reached).toEqual([]);
  expect(answer.code).toBe(403);
});

test('a browser request that changes state without the CSRF token is refused, even for an admin', async () => {
  // Mattermost lets this one through when StrictCSRFEnforcement is off (X-Requested-With alone).
  const noToken = await call('POST', { userId: 'admin', cookies: browser().cookies, headers: { 'X-Requested-With': 'XMLHttpRequest' } });
  expect(noToken.reached).toEqual([]);
  expect(noToken.answer).toEqual({ code: 403, body: { error: expect.stringContaining('CSRF token') as string } });

  const wrong = await call('POST', { userId: 'admin', cookies: browser('right').cookies, headers: { 'X-Requested-With': 'XMLHttpRequest', 'X-CSRF-Token': 'wrong' } });
  expect(wrong.reached).toEqual([]);
  expect(wrong.answer.code).toBe(403);

  const noXhr = await call('POST', { userId: 'admin', cookies: browser().cookies, headers: { 'X-CSRF-Token': 'csrf-token-1' } });
  expect(noXhr.reached).toEqual([]);
  expect(noXhr.answer.code).toBe(403);
});

test('GET needs no CSRF token (as in Mattermost), but still an admin', async () => {
  expect((await call('GET', { userId: 'admin', cookies: browser().cookies })).answer.code).toBe(200);
  expect((await call('GET', { userId: 'user', cookies: browser().cookies })).answer.code).toBe(403);
});

test('a token-authenticated script (no Mattermost browser cookies) is not asked for a CSRF token', async () => {
  const { reached, answer } = await call('POST', { userId: 'admin' });
  expect(reached).toEqual(['admin']);
  expect(answer.code).toBe(200);
});

test('cookies are read from every Cookie line, first value wins', () => {
  const jar = cookiesOf({ headers: { Cookie: ['a=1; MMCSRF=x=y', 'a=2; b=3'] } });
  expect([...jar]).toEqual([['a', '1'], ['MMCSRF', 'x=y'], ['b', '3']]);
});
