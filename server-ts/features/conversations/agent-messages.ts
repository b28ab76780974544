// Text the agent produces for a Mattermost session outside a person's turn (a cron job, a
// follow-up run, another operator client writing into the session) is posted into that
// conversation. Every cluster node may hear it on its own gateway link; one node acts: the
// first to take the message's KV claim (a lock with expiry). A lease would not do: the
// holder might be a node that did not hear the message. Replies to runs started from
// Mattermost (run ids `mm-…`) are posted by the node that started them, never here.
import { NO_MEDIA, type AgentMessage, type AgentPort } from './agent-port';
import { encodeJson } from './kv';
import type { MattermostPort } from './mattermost-port';
import { stripReasoning } from './reasoning';
import { parseSessionKey } from './session-key';
import { FinalReplyPresenter } from './reply-presenter';

export interface AgentMessageDeps {
  mm: Pick<MattermostPort, 'createPost' | 'uploadFile' | 'getDirectChannel' | 'kvSetWithOptions'>;
  agent: Pick<AgentPort, 'onAgentMessage'>;
  botUserId: () => string;
  agentId: () => string;
  nodeId: string;
  log: { debug: (message: string) => void; error: (message: string) => void };
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
    const hasText = stripReasoning(m.text) !== '';
    const claimed = await this.deps.mm.kvSetWithOptions(`conv-am-${m.messageId}`, encodeJson({ node: this.deps.nodeId }),
      { Atomic: true, OldValue: undefined, ExpireInSeconds: CLAIM_SECONDS });
    if (!claimed) {
      this.deps.log.debug(`agent message ${m.messageId} in ${m.sessionKey}: another node posts it`);
      return [];
    }
    const media = m.media ? await m.media().catch(() => NO_MEDIA) : NO_MEDIA;
    if (!hasText && media.files.length === 0) return [];
    const bot = this.deps.botUserId();
    const channelId = target.kind === 'direct' ? (await this.deps.mm.getDirectChannel(bot, target.peerId)).Id ?? '' : target.peerId;
    const root = target.threadId ?? '';
    const presenter = new FinalReplyPresenter(this.deps.mm, bot, { channelId, rootFor: () => root });
    const ids = await presenter.finish({ status: 'final', text: m.text }, media);
    this.deps.remember(ids, m.sessionKey);
    this.deps.log.debug(`agent message ${m.messageId} in ${m.sessionKey}: posted`);
    return ids;
  }
}
