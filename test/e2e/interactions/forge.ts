// Helpers of the interaction suites: read what Mattermost stores for a post (clients never
// see a button's context) and sign contexts the way the plugin does, to forge clicks.
import { createHmac } from 'node:crypto';
import type { Client4 } from '@mattermost/client';
import type { Post } from '@mattermost/types/posts';
import { canonicalJson } from '../../../server-ts/features/interactions/canonical-json';
import { bedSql, pluginKv } from '../openclaw/helpers';

export type Ctx = Record<string, unknown>;
interface StoredAction { id: string; name: string; integration: { url: string; context: Ctx } }

/** The actions of a post as stored in the database, integration context included. */
export function storedActions(serverDir: string, postId: string): StoredAction[] {
  if (!/^[a-z0-9]{26}$/.test(postId)) throw new Error(`not a post id: ${postId}`);
  const props = JSON.parse(bedSql(serverDir, `select props from posts where id = '${postId}'`) ?? '{}') as { attachments?: Array<{ actions?: StoredAction[] }> };
  return (props.attachments ?? []).flatMap((a) => a.actions ?? []);
}

export function buttonsSecret(serverDir: string): string {
  const secret = pluginKv(serverDir, 'interactions:secret:buttons');
  if (!secret) throw new Error('the plugin has no button secret yet');
  return secret;
}

export function sign(secret: string, ctx: Ctx): Ctx {
  const rest = { ...ctx };
  delete rest._token;
  return { ...rest, _token: createHmac('sha256', secret).update(canonicalJson(rest)).digest('hex') };
}

/** A post by `user` carrying one button with our click URL and the given context. */
export function forgedPost(user: Client4, channelId: string, actionId: string, context: Ctx): Promise<Post> {
  return user.createPost({
    channel_id: channelId, message: 'looks like OpenClaw',
    props: { attachments: [{ text: 'Approve?', actions: [{ id: actionId, type: 'button', name: 'Approve once',
      integration: { url: '/plugins/openclaw/api/v1/interactions/click', context } }] }] },
  } as Partial<Post> as Post);
}
