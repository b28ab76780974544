// Clicks on buttons that external scripts posted (OpenClaw's documented "Direct API
// integration"): the context is signed with the scripts secret admins hand out, so the post
// may be written by anyone; what Mattermost stores still has to match: the post is in the
// clicked channel and holds this action with this very token, the clicker can read the
// channel, and the post's buttons answer once.
import { z } from 'zod';
import type { PluginAPI } from '../../mattermost/plugin';
import type { ClickRequest } from './click-request';
import type { NonceLedger } from './nonces';
import { postActions } from './post-actions';
import { Refusal } from './refusals';
import { TOKEN_KEY } from './signature';
import type { Post } from '../../mattermost/model/post';

export interface ScriptClick {
  userId: string;
  post: Post;
  actionId: string;
  actionName: string;
  context: Record<string, unknown>;
}

export type ScriptVerdict = { ok: true; click: ScriptClick } | { ok: false; refusal: Refusal };

const ScriptContextSchema = z.object({
  action_id: z.string().regex(/^[A-Za-z0-9]{1,64}$/),
  expires_at: z.string().regex(/^\d{1,15}$/).optional(),
}).passthrough();

/** A script's buttons stay usable this long when it sets no expiry. */
const SCRIPT_NONCE_DAYS = 30;

export async function verifyScriptClick(
  deps: { api: Pick<PluginAPI, 'getPost' | 'hasPermissionToChannel'>; nonces: Pick<NonceLedger, 'consume'>; now: () => number },
  userId: string, request: ClickRequest,
): Promise<ScriptVerdict> {
  const refuse = (code: Refusal['code']): ScriptVerdict => ({ ok: false, refusal: new Refusal(code) });
  const parsed = ScriptContextSchema.safeParse(request.context);
  if (!parsed.success) return refuse('malformed');
  const context = parsed.data;
  if (context.expires_at && Number(context.expires_at) <= deps.now()) return refuse('expired');
  const post = await deps.api.getPost(request.post_id).catch(() => undefined);
  if (!post || post.DeleteAt) return refuse('post-missing');
  if (post.ChannelId !== request.channel_id) return refuse('channel-mismatch');
  const action = postActions(post).find((a) => a.id === context.action_id);
  if (!action || action.context[TOKEN_KEY] !== context[TOKEN_KEY]) return refuse('action-missing');
  if (!(await deps.api.hasPermissionToChannel(userId, post.ChannelId, 'read_channel'))) return refuse('no-channel-access');
  const until = context.expires_at ? Number(context.expires_at) : deps.now() + SCRIPT_NONCE_DAYS * 86_400_000;
  if (!(await deps.nonces.consume(`script${post.Id ?? request.post_id}`, until))) return refuse('used');
  return { ok: true, click: { userId, post, actionId: context.action_id, actionName: action.name, context } };
}
