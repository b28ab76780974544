// Adapts the plugin's gateway connection to the AgentPort. The link is rebuilt when the
// settings change, so listeners follow `connection.current`.
import { GatewayLinkError, type AgentMessage as LinkAgentMessage, type GatewayLink, type LinkState, type MediaResult } from '../../gateway';
import type { AgentMediaResult, AgentMessage, AgentPort, AgentRun, AttachmentLimits, ChatAttachment } from './agent-port';

export interface LinkSource {
  readonly current: GatewayLink | undefined;
  readonly agentId: string;
  onStateChange(listener: (state: LinkState) => void): () => void;
}

function mediaResult(r: MediaResult): AgentMediaResult {
  return { files: r.files, failed: r.failed.map((f) => (f.fileName ? `${f.fileName}: ${f.reason}` : f.reason)) };
}

export class GatewayAgentPort implements AgentPort {
  private readonly messageListeners = new Set<(m: AgentMessage) => void>();
  private readonly connectedListeners = new Set<() => void>();
  private wired: GatewayLink | undefined;
  private unwire: (() => void) | undefined;
  private readonly off: () => void;

  constructor(private readonly source: LinkSource) {
    this.off = source.onStateChange((state) => {
      this.follow();
      if (state.status === 'connected') for (const l of this.connectedListeners) l();
    });
  }

  dispose(): void {
    this.off();
    this.unwire?.();
    this.wired = undefined;
  }

  isConnected(): boolean {
    return this.source.current?.state.status === 'connected';
  }

  attachmentLimits(): AttachmentLimits | undefined {
    return this.source.current?.attachmentLimits;
  }

  async sendChat(req: { sessionKey: string; message: string; idempotencyKey: string; attachments?: ChatAttachment[] }): Promise<AgentRun> {
    const link = this.source.current;
    if (!link) throw new GatewayLinkError('not-connected', 'OpenClaw gateway is not configured');
    this.follow();
    const run = await link.sendChat(req);
    return {
      runId: run.runId, done: run.done, media: async () => mediaResult(await run.media()),
      listen: (l) => run.listen(l),
      abort: async () => { await run.abort(); },
    };
  }

  async sendSystemEvent(sessionKey: string, text: string): Promise<void> {
    const link = this.source.current;
    if (!link) throw new GatewayLinkError('not-connected', 'OpenClaw gateway is not configured');
    await link.sendSystemEvent(sessionKey, text);
  }

  onAgentMessage(listener: (m: AgentMessage) => void): () => void {
    this.messageListeners.add(listener);
    this.follow();
    return () => this.messageListeners.delete(listener);
  }

  onConnected(listener: () => void): () => void {
    this.connectedListeners.add(listener);
    return () => this.connectedListeners.delete(listener);
  }

  /** (Re)attaches the agent-message listener to the current link. */
  private follow(): void {
    const link = this.source.current;
    if (link === this.wired) return;
    this.unwire?.();
    this.wired = link;
    this.unwire = link?.onAgentMessage(`agent:${this.source.agentId}:mattermost:`, (m: LinkAgentMessage) => {
      const message: AgentMessage = {
        sessionKey: m.sessionKey, messageId: m.messageId, runId: m.runId, text: m.text,
        media: async () => mediaResult(await link.fetchMedia(m.sessionKey, { messageId: m.messageId })),
      };
      for (const l of this.messageListeners) l(message);
    });
  }
}
