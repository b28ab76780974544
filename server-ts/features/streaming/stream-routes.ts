// GET /api/v1/streams/{post_id}: the live text of a reply for a viewer that mounts or
// reconnects mid-stream (channel read permission). POST …/stop: the requester, the
// channel's admins and system admins stop the run. Both work on any node: a stream this
// process does not show is read from its post (and its journal record, for a Stop).
import { z } from 'zod';
import { toPlain, type GobValue } from '../../mattermost/gob';
import type { Post } from '../../mattermost/model';
import { csrfProtected } from '../admin/csrf';
import type { Route, Router } from '../http/router';
import type { LiveStreams, StreamSnapshot } from './live-streams';
import { PROP_REASONING, PROP_REQUESTER, PROP_SEQ, PROP_STATE, REASONING_CAP, REPLY_POST_TYPE } from './post-type';

export interface StreamRoutePort {
  getPost(postId: string): Promise<Post>;
  hasPermissionToChannel(userId: string, channelId: string, permission: string): Promise<boolean>;
  /** Channel admin of that channel (channel member roles), or system admin. */
  isAdminOf(userId: string, channelId: string): Promise<boolean>;
  /** Stops a run this process does not follow (another node's, or one left by a restart). */
  stopElsewhere(postId: string): Promise<boolean>;
}

const POST_ID = /^[a-z0-9]{26}$/;
const Props = z.object({
  [PROP_STATE]: z.enum(['streaming', 'done', 'stopped', 'error']).catch('done'),
  [PROP_SEQ]: z.number().int().nonnegative().catch(0),
  [PROP_REQUESTER]: z.string().catch(''),
  [PROP_REASONING]: z.string().max(REASONING_CAP).catch(''),
}).partial();

function postIdOf(path: string): string | undefined {
  const id = path.split('/')[4];
  return id && POST_ID.test(id) ? id : undefined;
}

/** A reply post's facts as stored, or undefined when the id is no reply of ours. */
async function storedReply(port: StreamRoutePort, postId: string): Promise<(StreamSnapshot & { channelId: string }) | undefined> {
  const post = await port.getPost(postId).catch(() => undefined);
  if (!post || post.Type !== REPLY_POST_TYPE || (post.DeleteAt ?? 0) > 0) return undefined;
  const plain = toPlain((post.Props ?? {}) as GobValue);
  const p = Props.safeParse(plain);
  const props = p.success ? p.data : {};
  return {
    post_id: postId, channelId: post.ChannelId ?? '', text: post.Message ?? '', seq: props[PROP_SEQ] ?? 0,
    state: props[PROP_STATE] ?? 'done', status: '', requester_id: props[PROP_REQUESTER] ?? '',
    reasoning: props[PROP_REASONING] ?? '',
  };
}

export function streamRoutes(router: Router, live: LiveStreams, port: StreamRoutePort): void {
  const snapshot: Route = async (_ctx, req, res) => {
    const postId = postIdOf(req.path);
    if (!postId) return res.json(404, { error: 'no such stream' });
    const local = live.get(postId);
    const reply = local ? { ...local.snapshot(), channelId: local.channelId } : await storedReply(port, postId);
    if (!reply) return res.json(404, { error: 'no such stream' });
    if (!(await port.hasPermissionToChannel(req.userId ?? '', reply.channelId, 'read_channel'))) {
      return res.json(403, { error: 'you cannot read this channel' });
    }
    return res.json(200, {
      post_id: reply.post_id, text: reply.text, seq: reply.seq, state: reply.state, status: reply.status, requester_id: reply.requester_id,
      reasoning: reply.reasoning,
    });
  };

  const stop: Route = async (_ctx, req, res) => {
    const postId = postIdOf(req.path);
    const userId = req.userId ?? '';
    if (!postId) return res.json(404, { error: 'no such stream' });
    const local = live.get(postId);
    const reply = local ? { ...local.snapshot(), channelId: local.channelId } : await storedReply(port, postId);
    if (!reply) return res.json(404, { error: 'no such stream' });
    const allowed = reply.requester_id === userId || await port.isAdminOf(userId, reply.channelId);
    if (!allowed) return res.json(403, { error: 'only the person who asked and the channel\'s admins can stop this reply' });
    if (reply.state !== 'streaming') return res.json(200, { state: reply.state });
    if (local) await local.stop();
    else if (!(await port.stopElsewhere(postId))) return res.json(200, { state: reply.state });
    return res.json(200, { state: 'stopped' });
  };

  router.authenticated('GET', '/api/v1/streams/{post_id}', snapshot);
  router.authenticated('POST', '/api/v1/streams/{post_id}/stop', csrfProtected(stop));
}
