// Adapts the plugin's gateway connection to the AgentPort. The link is rebuilt when the
// settings change, so listeners follow `connection.current`.
//
// Built on what the gateway module offers today:
// - chat.send through GatewayLink.sendChat (tracked run, typed outcome);
// - system events through the `wake` RPC (mode next-heartbeat: queued for the session's
//   next turn, no model call by itself), which operator.write may call;
// - agent-initiated text from `chat` finals of runs that are not ours in sessions this
//   process has talked in (GatewayLink.onSessionEvent); runs started from Mattermost
//   carry `mm-` run ids and are left to the node that started them.
// Attachments and run media need chat.send attachments and artifacts.download from the
// gateway module; until it has them, files are reported as not sent and no media is fetched.
import { z } from 'zod';
import { GatewayLinkError, type GatewayLink, type LinkState } from '../../gateway';
import type { AgentMessage, AgentPort, AgentRun, AttachmentLimits } from './agent-port';

export interface LinkSource {
  readonly current: GatewayLink | undefined;
  onStateChange(listener: (state: LinkState) => void): () => void;
}

const ChatFinal = z.object({
  runId: z.string(),
  sessionKey: z.string(),
  state: z.literal('final'),
  message: z.object({
    content: z.union([z.string(), z.array(z.object({ type: z.string(), text: z.string().optional() }).passthrough())]).optional(),
  }).passthrough().optional(),
}).passthrough();

function finalText(m: z.infer<typeof ChatFinal>['message']): string {
  const c = m?.content;
  if (typeof c === 'string') return c;
  return (c ?? []).filter((p) => p.type === 'text' && typeof p.text === 'string').map((p) => p.text).join('');
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
  }

  isConnected(): boolean {
    return this.source.current?.state.status === 'connected';
  }

  /** undefined: this gateway link cannot carry files yet. */
  attachmentLimits(): AttachmentLimits | undefined {
    return undefined;
  }

  async sendChat(req: { sessionKey: string; message: string; idempotencyKey: string }): Promise<AgentRun> {
    const link = this.link();
    this.follow();
    const run = await link.sendChat({ sessionKey: req.sessionKey, message: req.message, idempotencyKey: req.idempotencyKey });
    return { runId: run.runId, done: run.done };
  }

  runMedia(): Promise<[]> {
    return Promise.resolve([]);
  }

  async sendSystemEvent(sessionKey: string, text: string): Promise<void> {
    await this.link().request('wake', { mode: 'next-heartbeat', text, sessionKey });
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

  private link(): GatewayLink {
    const link = this.source.current;
    if (!link) throw new GatewayLinkError('not-connected', 'OpenClaw gateway is not configured');
    return link;
  }

  /** (Re)attaches the event listener to the current link. */
  private follow(): void {
    const link = this.source.current;
    if (link === this.wired) return;
    this.unwire?.();
    this.wired = link;
    this.unwire = link?.onSessionEvent((evt) => {
      if (evt.event !== 'chat') return;
      const p = ChatFinal.safeParse(evt.payload);
      if (!p.success || p.data.runId.startsWith('mm-')) return;
      const text = finalText(p.data.message);
      if (!text.trim()) return;
      const m: AgentMessage = { sessionKey: p.data.sessionKey, messageId: `run:${p.data.runId}`, runId: p.data.runId, text };
      for (const l of this.messageListeners) l(m);
    });
  }
}
