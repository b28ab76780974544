// A post the decision function accepted: check who may talk here, build what the agent
// receives (sender and place in channels, thread-scoped session), then deliver it now or
// queue it while the gateway is away (or while older posts still wait, to keep order).
import type { Post } from '../../mattermost/model';
import type { AccessControl } from './access';
import type { AgentPort } from './agent-port';
import type { CachedChannel } from './channel-cache';
import type { Decision, PostFacts } from './decide';
import type { MattermostPort } from './mattermost-port';
import { channelRefusal, dmRefusal, pairingText } from './notices';
import type { PairingStore } from './pairing-store';
import type { DeliveryResult } from './queue-drainer';
import type { QueuedPost, RelayQueue } from './relay-queue';
import { replyTarget } from './reply-target';
import { messageForAgent } from './sender-identity';
import { conversationKind, sessionKeyFor } from './session-key';
import type { ConversationSettings } from './settings';
import type { UserCache } from './users';

export interface IntakeDeps {
  mm: Pick<MattermostPort, 'createPost' | 'sendEphemeralPost'>;
  agent: Pick<AgentPort, 'isConnected'>;
  access: AccessControl;
  pairing: PairingStore;
  users: UserCache;
  queue: Pick<RelayQueue, 'maybeNonEmpty'>;
  settings: ConversationSettings;
  agentId: string;
  botUserId: string;
  deliver(item: QueuedPost): Promise<DeliveryResult>;
  enqueue(item: QueuedPost): Promise<void>;
}

type Accepted = Extract<Decision, { relay: true }>;

/** `arrival` orders posts of the same millisecond (hook order on this node). */
export async function acceptPost(deps: IntakeDeps, post: PostFacts, channel: CachedChannel, decision: Accepted, createAt: number, arrival: number): Promise<void> {
  const kind = conversationKind(channel.type);
  const reply = (message: string): Post => ({ UserId: deps.botUserId, ChannelId: post.channelId, RootId: post.rootId, Message: message });
  if (kind === 'direct') {
    const verdict = await deps.access.checkDm(post.userId);
    if (verdict === 'pair') {
      const { code } = await deps.pairing.codeFor(post.userId);
      await deps.mm.createPost(reply(pairingText(code)));
      return;
    }
    if (verdict !== 'allow') {
      await deps.mm.sendEphemeralPost(post.userId, reply(dmRefusal(verdict)));
      return;
    }
  } else {
    const verdict = await deps.access.checkChannel(post.userId, channel.teamId);
    if (verdict !== 'allow') {
      // Only someone who addressed the bot is told; in onmessage channels silence is right.
      if (decision.trigger !== 'message') await deps.mm.sendEphemeralPost(post.userId, reply(channelRefusal(verdict)));
      return;
    }
  }

  // DMs go as typed: only channels and groups need the speaker's names (and their lookup).
  const speaker = kind === 'direct' ? { username: '' } : await deps.users.get(post.userId);
  const target = replyTarget(kind, post, deps.settings.replyToMode);
  const item: QueuedPost = {
    postId: post.id,
    channelId: post.channelId,
    userId: post.userId,
    sessionKey: sessionKeyFor(deps.agentId, { channelId: post.channelId, channelType: channel.type, userId: post.userId, rootId: target.sessionThreadId }),
    message: messageForAgent(decision.text, speaker, { type: channel.type, name: channel.name, displayName: channel.displayName }),
    fileIds: post.fileIds,
    rootFirst: target.rootFor(0),
    rootRest: target.rootFor(1),
    postCreateAt: createAt,
    seq: arrival,
    queuedAt: Date.now(),
  };
  if (!deps.agent.isConnected() || deps.queue.maybeNonEmpty) return deps.enqueue(item);
  if ((await deps.deliver(item)) === 'link-down') await deps.enqueue(item);
}
