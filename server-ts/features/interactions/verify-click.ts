// The one gate every click of our own buttons passes before anything reaches the gateway.
// Mattermost gives the plugin the context stored in the clicked post, but anyone can write
// a post with our URL and any context in it, so the signature alone proves nothing about
// the post: authorship, the action's presence, the channel, the clicker and single use are
// all checked against what Mattermost itself stores.
import type { PluginAPI } from '../../mattermost/plugin';
import type { Post } from '../../mattermost/model/post';
import { ClickRequestSchema, OurContextSchema, type OurContext } from './click-request';
import { hasValidToken, TOKEN_KEY } from './signature';
import { postActions } from './post-actions';
import { Refusal } from './refusals';
import type { NonceLedger } from './nonces';
import type { SigningSecrets } from './signing-secrets';
import { verifyScriptClick, type ScriptClick } from './verify-script-click';

export interface VerifiedClick {
  userId: string;
  post: Post;
  context: OurContext;
  /** The button's label as stored in the post. */
  actionName: string;
  /** Opens an interactive dialog for the clicker (valid for about 30 s). */
  triggerId?: string;
}

/** Who may press the buttons of one kind; resolves a refusal sentence, or undefined to allow. */
export type Authorize = (userId: string, click: VerifiedClick) => Promise<string | undefined>;

export interface VerifierDeps {
  api: Pick<PluginAPI, 'getPost' | 'hasPermissionToChannel'>;
  secrets: Pick<SigningSecrets, 'get'>;
  nonces: Pick<NonceLedger, 'consume'>;
  botUserId: () => string;
  /** Per button kind; a kind not listed is refused. */
  authorizers: ReadonlyMap<string, Authorize>;
  /** Also accept buttons signed with the scripts secret (external scripts). */
  acceptScripts?: boolean;
  now?: () => number;
}

export type Verdict =
  | { ok: true; click: VerifiedClick; script?: undefined }
  | { ok: true; script: ScriptClick; click?: undefined }
  | { ok: false; refusal: Refusal };

const refuse = (code: Refusal['code'], detail?: string): Verdict => ({ ok: false, refusal: new Refusal(code, detail) });

export async function verifyClick(deps: VerifierDeps, userId: string, body: unknown): Promise<Verdict> {
  const request = ClickRequestSchema.safeParse(body);
  if (!request.success) return refuse('malformed');
  const { context: raw, channel_id: channelId, post_id: postId } = request.data;
  if (typeof raw[TOKEN_KEY] !== 'string' || raw[TOKEN_KEY] === '') return refuse('unsigned');
  if (!hasValidToken(await deps.secrets.get('buttons'), raw)) {
    if (!deps.acceptScripts || !hasValidToken(await deps.secrets.get('scripts'), raw)) return refuse('bad-signature');
    const verdict = await verifyScriptClick({ ...deps, now: deps.now ?? Date.now }, userId, request.data);
    return verdict.ok ? { ok: true, script: verdict.click } : verdict;
  }
  const parsed = OurContextSchema.safeParse(raw);
  if (!parsed.success) return refuse('malformed');
  const context = parsed.data;
  const authorize = deps.authorizers.get(context.kind);
  if (!authorize) return refuse('unknown-kind');
  if (Number(context.expires_at) <= (deps.now ?? Date.now)()) return refuse('expired');
  if (context.channel_id !== channelId) return refuse('channel-mismatch');

  const post = await deps.api.getPost(postId).catch(() => undefined);
  if (!post || post.DeleteAt) return refuse('post-missing');
  if (post.ChannelId !== context.channel_id) return refuse('channel-mismatch');
  if (!post.UserId || post.UserId !== deps.botUserId()) return refuse('not-our-post');
  const action = postActions(post).find((a) => a.id === context.action_id);
  if (!action || action.context[TOKEN_KEY] !== context[TOKEN_KEY]) return refuse('action-missing');

  if (!(await deps.api.hasPermissionToChannel(userId, post.ChannelId, 'read_channel'))) return refuse('no-channel-access');
  const click: VerifiedClick = { userId, post, context, actionName: action.name, triggerId: request.data.trigger_id };
  const denied = await authorize(userId, click);
  if (denied !== undefined) return refuse('not-allowed', denied);
  if (!(await deps.nonces.consume(context.nonce, Number(context.expires_at)))) return refuse('used');
  return { ok: true, click };
}
