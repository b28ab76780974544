// A click on an external script's button: the selection goes to the agent as a message in
// that conversation's session, the buttons give way to the confirmation line, and the
// agent's answer is posted by the bot under the script's post.
import type { ChatRun } from '../../gateway';
import type { PluginAPI } from '../../mattermost/plugin';
import type { ServerLogger } from '../logging/server-logger';
import { sessionKeyFor } from '../conversations/session-key';
import type { ScriptClickHandler } from './click-route';
import { showDecided } from './decided-post';
import type { ScriptClick } from './verify-script-click';

export interface ScriptClickDeps {
  api: Pick<PluginAPI, 'getUser' | 'getChannel' | 'getPost' | 'updatePost' | 'createPost'>;
  /** Sends into a session; rejects when the gateway is away (the click then stays usable). */
  sendChat: (req: { sessionKey: string; message: string; idempotencyKey: string }) => Promise<Pick<ChatRun, 'finalReply'>>;
  agentId: () => string;
  botUserId: () => string;
  log: ServerLogger;
  now?: () => number;
}

const quote = (s: string) => s.replace(/["\n\r]/g, ' ').slice(0, 200);

export function scriptClicks(deps: ScriptClickDeps): ScriptClickHandler {
  const now = deps.now ?? Date.now;
  return {
    async handle(click: ScriptClick) {
      const { post } = click;
      const [user, channel] = await Promise.all([deps.api.getUser(click.userId), deps.api.getChannel(post.ChannelId ?? '')]);
      const username = user.Username ?? click.userId;
      const label = click.actionName || click.actionId;
      const sessionKey = sessionKeyFor(deps.agentId(), {
        channelId: post.ChannelId ?? '', channelType: channel.Type ?? 'O', userId: click.userId, ...(post.RootId ? { rootId: post.RootId } : {}),
      });
      const data = typeof click.context.callback_data === 'string' ? ` (value "${quote(click.context.callback_data)}")` : '';
      const run = await deps.sendChat({
        sessionKey, message: `[Button click: @${username} selected "${quote(label)}"${data}]`, idempotencyKey: `mm-click-${post.Id ?? ''}-${click.actionId}`,
      });
      await showDecided(deps.api, post.Id ?? '', post.Message ?? '', { outcome: 'selected', label, by: `@${username}`, atMs: now() });
      void run.finalReply({ timeoutMs: 15 * 60_000 }).then(
        (reply) => (reply.text.trim() ? deps.api.createPost({ UserId: deps.botUserId(), ChannelId: post.ChannelId, RootId: post.RootId || post.Id, Message: reply.text }) : undefined),
      ).catch((err: Error) => deps.log.warn('interactions: no answer to a script button click', { error: err.message }));
      return undefined;
    },
  };
}
