// Text the agent produces for a Mattermost session outside a person's turn (a cron job, a
// follow-up run, another operator client writing into the session) is posted into that
// conversation. Every cluster node may hear it on its own gateway link; one node acts: the
// first to take the message's KV claim (a lock with expiry). A lease would not do: the
// holder might be a node that did not hear the message. Replies to runs started from
// Mattermost (run ids `mm-…`) are posted by the node that started them, never here.
import type { AgentMessage, AgentPort } from './agent-port';
import { encodeJson } from './kv';
import type { MattermostPort } from './mattermost-port';
import { stripReasoning } from './reasoning';
import { parseSessionKey } from './session-key';
import { splitReply } from './split-reply';

export interface AgentMessageDeps {
  mm: Pick<MattermostPort, 'createPost' | 'getDirectChannel' | 'kvGet' | 'kvSet' | 'kvSetWithOptions' | 'kvDelete'>;
  agent: Pick<AgentPort, 'onAgentMessage'>;
  botUserId: () => string;
  agentId: () => string;
  nodeId: string;
  log: { error(message: string): void };
  remember(postIds: string[], sessionKey: string): void;
}

const CLAIM_SECONDS = 2 * 24 * 3600;

export class AgentMessages {
  constructor(private readonly deps: AgentMessageDeps) {}

  start(): () => void {
    return this.deps.agent.onAgentMessage((m) => {
      void this.handle(m).catch((err: Error) => this.deps.log.error(`posting an agent message failed: ${err.message}`));
    });
  }

  async handle(m: AgentMessage): Promise<string[]> {
    const target = parseSessionKey(m.sessionKey);
    if (!target || target.agentId !== this.deps.agentId().toLowerCase()) return [];
    if (m.runId?.startsWith('mm-')) return [];
    const chunks = splitReply(stripReasoning(m.text));
    if (chunks.length === 0) return [];
    const claimed = await this.deps.mm.kvSetWithOptions(`conv-am-${m.messageId}`, encodeJson({ node: this.deps.nodeId }),
      { Atomic: true, OldValue: undefined, ExpireInSeconds: CLAIM_SECONDS });
    if (!claimed) return [];
    const bot = this.deps.botUserId();
    const channelId = target.kind === 'direct' ? (await this.deps.mm.getDirectChannel(bot, target.peerId)).Id ?? '' : target.peerId;
    const ids: string[] = [];
    for (const message of chunks) {
      const post = await this.deps.mm.createPost({ UserId: bot, ChannelId: channelId, RootId: target.threadId ?? '', Message: message });
      if (post.Id) ids.push(post.Id);
    }
    this.deps.remember(ids, m.sessionKey);
    return ids;
  }
}
