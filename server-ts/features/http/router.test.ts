import { Router } from './router';
import type { PluginRequest, PluginResponse } from '../../mattermost/plugin';

function request(method: string, path: string, userId?: string, headers: Record<string, string> = {}): PluginRequest {
  return { method, path, query: new URLSearchParams(), headers: {}, userId, header: (n) => headers[n], body: async () => Buffer.alloc(0) };
}

function response() {
  const seen: { code?: number; body?: unknown } = {};
  const res = { json: (code: number, body: unknown) => { seen.code = code; seen.body = body; } } as unknown as PluginResponse;
  return { res, seen };
}

describe('Router', () => {
  const router = new Router().authenticated('GET', '/api/v1/health', (_c, _q, res) => res.json(200, { ok: true }));

  test('authenticated route answers a signed-in user', async () => {
    const { res, seen } = response();
    await router.handle({}, request('GET', '/api/v1/health', 'u1'), res);
    expect(seen).toEqual({ code: 200, body: { ok: true } });
  });

  test('401 without a Mattermost session', async () => {
    const { res, seen } = response();
    await router.handle({}, request('GET', '/api/v1/health'), res);
    expect(seen.code).toBe(401);
  });

  test('401 for requests relayed by another plugin, even with a user id', async () => {
    const { res, seen } = response();
    await router.handle({}, request('GET', '/api/v1/health', 'u1', { 'Mattermost-Plugin-ID': 'other.plugin' }), res);
    expect(seen.code).toBe(401);
  });

  test('405 for a known path with another method, 404 otherwise', async () => {
    const a = response();
    await router.handle({}, request('POST', '/api/v1/health', 'u1'), a.res);
    expect(a.seen.code).toBe(405);
    const b = response();
    await router.handle({}, request('GET', '/nope', 'u1'), b.res);
    expect(b.seen.code).toBe(404);
  });
});

describe('Router with {param} segments', () => {
  const router = new Router()
    .authenticated('GET', '/api/v1/streams/{post_id}', (_c, req, res) => res.json(200, { path: req.path }))
    .authenticated('POST', '/api/v1/streams/{post_id}/stop', (_c, _q, res) => res.json(200, { stopped: true }));

  test('a segment matches any one value', async () => {
    const { res, seen } = response();
    await router.handle({}, request('GET', '/api/v1/streams/abc', 'u1'), res);
    expect(seen).toEqual({ code: 200, body: { path: '/api/v1/streams/abc' } });
  });

  test('never more or less than one segment; wrong method is 405', async () => {
    for (const path of ['/api/v1/streams/', '/api/v1/streams/a/b', '/api/v1/streams']) {
      const { res, seen } = response();
      await router.handle({}, request('GET', path, 'u1'), res);
      expect(seen.code).toBe(404);
    }
    const { res, seen } = response();
    await router.handle({}, request('GET', '/api/v1/streams/abc/stop', 'u1'), res);
    expect(seen.code).toBe(405);
  });
});
