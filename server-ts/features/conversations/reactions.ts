// Reactions on a relayed post or on a bot reply reach the session as a system event (as
// in OpenClaw's own Mattermost channel), subject to the same policies as messages. A
// reaction anywhere else is dropped after a cached check: no API call, no KV read.
import type { Reaction } from '../../mattermost/model';
import type { AccessControl } from './access';
import type { AgentPort } from './agent-port';
import type { ChannelCache } from './channel-cache';
import type { PostSessions } from './post-sessions';
import { speakerLabel } from './sender-identity';
import { conversationKind } from './session-key';
import type { UserCache } from './users';

export interface ReactionDeps {
  agent: Pick<AgentPort, 'sendSystemEvent' | 'isConnected'>;
  access: AccessControl;
  cache: ChannelCache;
  users: UserCache;
  sessions: PostSessions;
  botUserId: string;
}

const EMOJI = /^[a-z0-9_+-]{1,64}$/i;

/** Resolves true when the reaction was handed to a session. */
export async function forwardReaction(deps: ReactionDeps, r: Reaction, added: boolean): Promise<boolean> {
  const userId = r.UserId ?? '';
  const postId = r.PostId ?? '';
  const emoji = r.EmojiName ?? '';
  if (!userId || !postId || userId === deps.botUserId || !EMOJI.test(emoji)) return false;
  const channelId = r.ChannelId ?? '';
  const known = channelId ? deps.cache.peek(channelId) : undefined;
  if (known && !known.botIsMember) return false;
  const sessionKey = await deps.sessions.lookup(postId);
  if (!sessionKey || !deps.agent.isConnected()) return false;
  const channel = known ?? (channelId ? await deps.cache.get(channelId) : undefined);
  if (!channel) return false;
  const allowed = conversationKind(channel.type) === 'direct'
    ? (await deps.access.checkDm(userId)) === 'allow'
    : (await deps.access.checkChannel(userId, channel.teamId)) === 'allow';
  if (!allowed) return false;
  const who = speakerLabel(await deps.users.get(userId));
  await deps.agent.sendSystemEvent(sessionKey, `Mattermost reaction ${added ? 'added' : 'removed'}: :${emoji}: by ${who} on message ${postId}`);
  return true;
}
