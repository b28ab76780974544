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
