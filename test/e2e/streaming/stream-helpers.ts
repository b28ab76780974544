// What the streaming suite reads: the reply post of a run, its plugin WebSocket events as a
// test client receives them, its edit-history rows in the database, the snapshot route.
import { postOf, rawRequest, waitFor, type EventRecorder, type WsEvent } from '../../harness';
import { bedSql } from '../openclaw/helpers';

export const REPLY_TYPE = 'custom_openclaw_reply';
const EVENT = (name: string) => `custom_openclaw_${name}`;

export interface ReplyPost { id: string; message: string; channel_id: string; type?: string; props?: Record<string, unknown> }

/** The first reply post of ours created in `channelId` after event index `from`. */
export function replyPost(ws: EventRecorder, channelId: string, from: number, timeoutMs = 90_000): Promise<ReplyPost> {
  return waitFor('the streaming reply post', () => Promise.resolve(ws.events.slice(from)
    .filter((e) => e.event === 'posted').map((e): ReplyPost | undefined => postOf(e))
    .find((p) => p?.channel_id === channelId && p.type === REPLY_TYPE)), timeoutMs, 50);
}

export function streamEvents(ws: EventRecorder, postId: string, name?: string): WsEvent[] {
  return ws.events.filter((e) => e.event.startsWith(EVENT('stream_')) && e.data['post_id'] === postId && (!name || e.event === EVENT(name)));
}

export function deltas(ws: EventRecorder, postId: string): Array<{ seq: number; text: string }> {
  return streamEvents(ws, postId, 'stream_delta').map((e) => ({ seq: Number(e.data['seq']), text: String(e.data['text']) }));
}

export async function streamEnd(ws: EventRecorder, postId: string, timeoutMs = 90_000): Promise<{ seq: number; state: string }> {
  const e = await ws.waitFor((ev) => ev.event === EVENT('stream_end') && ev.data['post_id'] === postId, timeoutMs, 'stream_end');
  return { seq: Number(e.data['seq']), state: String(e.data['state']) };
}

/** Rows Mattermost keeps as the post's edit history (one per UpdatePost). */
export function editRows(serverDir: string, postId: string): number {
  return Number(bedSql(serverDir, `select count(*) from posts where originalid = '${postId}'`));
}

export async function snapshot(url: string, token: string, postId: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await rawRequest(url, `/plugins/openclaw/api/v1/streams/${postId}`, token);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

export async function stop(url: string, token: string, postId: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await rawRequest(url, `/plugins/openclaw/api/v1/streams/${postId}/stop`, token, { method: 'POST' });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
