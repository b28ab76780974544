// Issue 11 item 5 through a real Mattermost: the System Console routes need a system admin, and
// a browser session (the MMAUTHTOKEN cookie) must also pass the CSRF check as Client4 sends it
// (X-Requested-With: XMLHttpRequest + X-CSRF-Token from the MMCSRF cookie). What Mattermost
// does itself for plugin routes: a cookie POST whose token is wrong reaches the plugin without a
// user (401 from us); one that only says X-Requested-With passes Mattermost (non-strict CSRF)
// and is refused by our own check (403). Bearer tokens (scripts) need no CSRF token.
import { createWorld, DEFAULT_PASSWORD, installPlugin, readDistBundle, useTestBed, type World } from '../../harness';

jest.setTimeout(180_000);

const PLUGIN = '/plugins/openclaw/api/v1';

interface CookieSession { cookie: string; csrf: string }

/** Signs in as the web client does and keeps the cookies Mattermost sets. */
async function cookieLogin(url: string, username: string): Promise<CookieSession> {
  const res = await fetch(`${url}/api/v4/users/login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
    body: JSON.stringify({ login_id: username, password: DEFAULT_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${username}: HTTP ${res.status}`);
  const jar = new Map(res.headers.getSetCookie().map((c) => c.split(';')[0].split('=') as [string, string]));
  for (const name of ['MMAUTHTOKEN', 'MMUSERID', 'MMCSRF']) if (!jar.get(name)) throw new Error(`login ${username}: no ${name} cookie`);
  return { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '), csrf: jar.get('MMCSRF')! };
}

describe('System Console routes: system admin and CSRF, through a real Mattermost', () => {
  const bed = useTestBed();
  let world: World;
  let admin: CookieSession;
  let user: CookieSession;

  const send = (path: string, headers: Record<string, string>, method = 'POST') =>
    fetch(`${bed().url}${PLUGIN}${path}`, { method, headers: { 'Content-Type': 'application/json', ...headers }, body: method === 'POST' ? '{}' : undefined });
  const client4 = (s: CookieSession) => ({ Cookie: s.cookie, 'X-Requested-With': 'XMLHttpRequest', 'X-CSRF-Token': s.csrf });

  beforeAll(async () => {
    await installPlugin(bed().admin.client, readDistBundle(), { logFile: bed().logFile });
    world = await createWorld(bed().url, bed().admin);
    admin = await cookieLogin(bed().url, bed().admin.user.username);
    user = await cookieLogin(bed().url, world.users[0].user.username);
  });

  test.each(['/gateway/test', '/gateway/reset-device'])('an admin with Client4\'s headers is served: POST %s', async (path) => {
    const res = await send(path, client4(admin));
    expect(res.status).toBe(200);
  });

  test('a non-admin with a valid CSRF token is refused (403)', async () => {
    for (const path of ['/gateway/test', '/gateway/reset-device', '/pairing/revoke']) {
      const res = await send(path, client4(user));
      expect([path, res.status]).toEqual([path, 403]);
    }
    expect((await send('/pairing', { Cookie: user.cookie }, 'GET')).status).toBe(403);
    expect((await send('/status', { Cookie: user.cookie }, 'GET')).status).toBe(403);
  });

  test('an admin cookie session without the CSRF token is refused', async () => {
    // Only X-Requested-With: Mattermost lets it through (StrictCSRFEnforcement off); we do not.
    const xhrOnly = await send('/gateway/reset-device', { Cookie: admin.cookie, 'X-Requested-With': 'XMLHttpRequest' });
    expect(xhrOnly.status).toBe(403);
    expect(((await xhrOnly.json()) as { error: string }).error).toMatch(/CSRF token/);
    // Neither header: Mattermost drops the session (no user), so the plugin sees an anonymous call.
    expect((await send('/gateway/reset-device', { Cookie: admin.cookie })).status).toBe(401);
    // A wrong token with X-Requested-With: passes Mattermost's lenient check, not ours.
    expect((await send('/pairing/revoke', { Cookie: admin.cookie, 'X-Requested-With': 'XMLHttpRequest', 'X-CSRF-Token': 'forged' })).status).toBe(403);
  });

  test('reading needs no CSRF token (GET, as in Mattermost); a bearer-token script needs none either', async () => {
    expect((await send('/status', { Cookie: admin.cookie }, 'GET')).status).toBe(200);
    expect((await send('/pairing', { Cookie: admin.cookie }, 'GET')).status).toBe(200);
    const script = await send('/gateway/test', { Authorization: `Bearer ${bed().admin.token}` });
    expect(script.status).toBe(200);
    expect(await script.json()).toMatchObject({ ok: false, outcome: 'invalid' });
  });
});
