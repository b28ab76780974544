// The one mapping from a Mattermost conversation to a gateway session key:
//   direct message      → agent:<agent>:mattermost:direct:<user id>      (one session per person)
//   group message       → agent:<agent>:mattermost:group:<channel id>
//   public/private chan → agent:<agent>:mattermost:channel:<channel id>
//   …inside a thread    → the above + :thread:<root post id>
// A DM session follows the person, not the DM channel, matching OpenClaw's own channel.
import { buildSessionKey, type ConversationKind } from '../../gateway';

export interface Conversation {
  channelId: string;
  /** Mattermost channel type: O public, P private, D direct, G group. */
  channelType: string;
  /** The human in the conversation (the invoker or the poster). */
  userId: string;
  rootId?: string;
}

export function conversationKind(channelType: string): ConversationKind {
  if (channelType === 'D') return 'direct';
  if (channelType === 'G') return 'group';
  return 'channel';
}

export function sessionKeyFor(agentId: string, c: Conversation): string {
  const kind = conversationKind(c.channelType);
  return buildSessionKey({
    agentId,
    channel: 'mattermost',
    kind,
    peerId: kind === 'direct' ? c.userId : c.channelId,
    ...(c.rootId ? { threadId: c.rootId } : {}),
  });
}

export interface ParsedSessionKey {
  agentId: string;
  kind: ConversationKind;
  /** User id (direct) or channel id (group, channel). */
  peerId: string;
  threadId?: string;
}

const KEY = /^agent:([a-z0-9][a-z0-9._-]*):mattermost:(direct|group|channel):([a-z0-9][a-z0-9._-]*)(?::thread:([a-z0-9][a-z0-9._-]*))?$/;

/** The reverse mapping, for messages the agent starts: which Mattermost conversation is this? */
export function parseSessionKey(key: string): ParsedSessionKey | undefined {
  const m = KEY.exec(key.toLowerCase());
  if (!m) return undefined;
  return { agentId: m[1], kind: m[2] as ConversationKind, peerId: m[3], ...(m[4] ? { threadId: m[4] } : {}) };
}
