import type { Post } from '../../mattermost/model';
import type { PluginRequest, PluginResponse } from '../../mattermost/plugin';
import { Router } from '../http/router';
import { LiveStreams, type StreamSnapshot } from './live-streams';
import { REPLY_POST_TYPE } from './post-type';
import { streamRoutes, type StreamRoutePort } from './stream-routes';

const LIVE = 'a'.repeat(26);
const STORED = 'b'.repeat(26);
const FORGED = 'd'.repeat(26);

function request(method: string, path: string, userId: string, headers: Record<string, string> = {}, cookie?: string): PluginRequest {
  return { method, path, query: new URLSearchParams(), headers: cookie ? { Cookie: [cookie] } : {}, userId, header: (n) => headers[n], body: async () => Buffer.alloc(0) };
}

function setup() {
  const live = new LiveStreams();
  let stops = 0;
  const snap: StreamSnapshot = { post_id: LIVE, text: 'so far', seq: 3, state: 'streaming', status: 'Thinking…', requester_id: 'alice', reasoning: 'Let me think.' };
  live.add({ postId: LIVE, channelId: 'ch', requesterId: 'alice', initialMessage: '', snapshot: () => snap, stop: async () => { stops++; } });
  const stopped: string[] = [];
  const port: StreamRoutePort = {
    getPost: (id) => {
      if (id === STORED) {
        return Promise.resolve<Post>({ Id: id, ChannelId: 'ch', Type: REPLY_POST_TYPE, Message: 'checkpoint',
          Props: { openclaw_state: 'streaming', openclaw_seq: 7, openclaw_requester: 'alice', openclaw_reasoning: 'Stored thoughts.' } });
      }
      if (id === FORGED) {
        return Promise.resolve<Post>({ Id: id, ChannelId: 'ch', Type: REPLY_POST_TYPE, Message: 'done', Props: { openclaw_reasoning: 'x'.repeat(20_000) } });
      }
      return Promise.reject(new Error('not found'));
    },
    hasPermissionToChannel: (u) => Promise.resolve(u !== 'outsider'),
    isAdminOf: (u) => Promise.resolve(u === 'chanadmin'),
    stopElsewhere: (id) => { stopped.push(id); return Promise.resolve(true); },
  };
  const router = new Router();
  streamRoutes(router, live, port);
  const call = async (req: PluginRequest) => {
    const seen: { code?: number; body?: unknown } = {};
    const res = { json: (code: number, body: unknown) => { seen.code = code; seen.body = body; } } as unknown as PluginResponse;
    await router.handle({}, req, res);
    return seen;
  };
  return { call, stops: () => stops, stopped };
}

test('snapshot of a live stream, for anyone who can read the channel', async () => {
  const { call } = setup();
  expect(await call(request('GET', `/api/v1/streams/${LIVE}`, 'bob'))).toEqual({ code: 200, body: {
    post_id: LIVE, text: 'so far', seq: 3, state: 'streaming', status: 'Thinking…', requester_id: 'alice', reasoning: 'Let me think.' } });
  expect((await call(request('GET', `/api/v1/streams/${LIVE}`, 'outsider'))).code).toBe(403);
});

test('a stream this node does not show is read from its post; unknown ids are 404', async () => {
  const { call } = setup();
  expect(await call(request('GET', `/api/v1/streams/${STORED}`, 'bob'))).toEqual({ code: 200, body: {
    post_id: STORED, text: 'checkpoint', seq: 7, state: 'streaming', status: '', requester_id: 'alice', reasoning: 'Stored thoughts.' } });
  // A reasoning prop longer than the server ever writes is not ours: dropped.
  expect((await call(request('GET', `/api/v1/streams/${FORGED}`, 'bob'))).body).toMatchObject({ text: 'done', reasoning: '' });
  expect((await call(request('GET', `/api/v1/streams/${'c'.repeat(26)}`, 'bob'))).code).toBe(404);
  expect((await call(request('GET', '/api/v1/streams/..%2F..', 'bob'))).code).toBe(404);
});

test('Stop: the requester and channel admins may; anyone else gets 403', async () => {
  const { call, stops, stopped } = setup();
  expect((await call(request('POST', `/api/v1/streams/${LIVE}/stop`, 'bob'))).code).toBe(403);
  expect(stops()).toBe(0);
  expect(await call(request('POST', `/api/v1/streams/${LIVE}/stop`, 'alice'))).toEqual({ code: 200, body: { state: 'stopped' } });
  expect(stops()).toBe(1);
  expect((await call(request('POST', `/api/v1/streams/${STORED}/stop`, 'chanadmin'))).code).toBe(200);
  expect(stopped).toEqual([STORED]);
});

test('Stop from a browser needs the CSRF token', async () => {
  const { call, stops } = setup();
  const path = `/api/v1/streams/${LIVE}/stop`;
  expect((await call(request('POST', path, 'alice', {}, 'MMCSRF=tok; MMUSERID=alice'))).code).toBe(403);
  const ok = await call(request('POST', path, 'alice', { 'X-CSRF-Token': 'tok', 'X-Requested-With': 'XMLHttpRequest' }, 'MMCSRF=tok; MMUSERID=alice'));
  expect(ok.code).toBe(200);
  expect(stops()).toBe(1);
});
