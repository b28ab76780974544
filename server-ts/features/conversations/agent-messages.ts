// Text the agent produces for a Mattermost session outside a person's turn (a cron job, a
// follow-up run, another operator client writing into the session) is posted into that
// conversation. Every cluster node hears it on its own gateway link; one node acts: the
// holder of a KV lease, and a per-message KV claim makes "exactly once" hold even while
// the lease changes hands. Replies to runs started from Mattermost (run ids `mm-…`) are
// posted by the node that started them, never here.
import type { AgentMessage, AgentPort } from './agent-port';
import { encodeJson } from './kv';
import { KvLease } from './kv-lock';
import type { MattermostPort } from './mattermost-port';
import { stripReasoning } from './reasoning';
import { parseSessionKey } from './session-key';
import { splitReply } from './split-reply';

export interface AgentMessageDeps {
  mm: Pick<MattermostPort, 'createPost' | 'getDirectChannel' | 'kvGet' | 'kvSet' | 'kvSetWithOptions' | 'kvDelete'>;
  agent: Pick<AgentPort, 'onAgentMessage' | 'isConnected'>;
  botUserId: () => string;
  agentId: () => string;
  nodeId: string;
  log: { error(message: string): void };
  remember(postIds: string[], sessionKey: string): void;
  leaseSeconds?: number;
}

const CLAIM_SECONDS = 2 * 24 * 3600;

export class AgentMessages {
  private readonly lease: KvLease;

  constructor(private readonly deps: AgentMessageDeps) {
    this.lease = new KvLease(deps.mm, 'conv-agent-lease', deps.nodeId, deps.leaseSeconds ?? 30);
  }

  start(): () => void {
    const off = this.deps.agent.onAgentMessage((m) => {
      void this.handle(m).catch((err: Error) => this.deps.log.error(`posting an agent message failed: ${err.message}`));
    });
    // Keep the lease while connected, so the holder is a node that hears the gateway.
    const renew = setInterval(() => {
      if (this.deps.agent.isConnected()) this.lease.acquire().catch(() => undefined);
    }, Math.max(1_000, ((this.deps.leaseSeconds ?? 30) * 1000) / 3));
    renew.unref?.();
    return () => { off(); clearInterval(renew); };
  }

  async handle(m: AgentMessage): Promise<string[]> {
    const target = parseSessionKey(m.sessionKey);
    if (!target || target.agentId !== this.deps.agentId().toLowerCase()) return [];
    if (m.runId?.startsWith('mm-')) return [];
    const chunks = splitReply(stripReasoning(m.text));
    if (chunks.length === 0) return [];
    if (!(await this.lease.acquire())) return [];
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
