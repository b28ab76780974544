// The gateway as the AgentPort, for unit tests: answers each message with a scripted
// outcome, dedupes by idempotency key like the real gateway (one run per key), and lets a
// test drop or restore the link and push agent-initiated messages.
import { GatewayLinkError } from '../../../gateway';
import type { AgentMediaResult, AgentMessage, AgentOutcome, AgentPort, AgentRun, AttachmentLimits, ChatAttachment } from '../agent-port';

export interface SentChat { sessionKey: string; message: string; idempotencyKey: string; attachments?: ChatAttachment[] }

export class FakeAgent implements AgentPort {
  connected = true;
  readonly sent: SentChat[] = [];
  readonly runs = new Map<string, AgentRun>();
  readonly systemEvents: Array<{ sessionKey: string; text: string }> = [];
  media: AgentMediaResult = { files: [], failed: [] };
  limits: AttachmentLimits = { maxBytes: 1000, maxImageBytes: 500 };
  /** The outcome for a message; default: echo. */
  answer: (req: SentChat) => AgentOutcome | Promise<AgentOutcome> = (req) => ({ status: 'final', text: `reply to: ${req.message}` });
  private readonly messageListeners = new Set<(m: AgentMessage) => void>();
  private readonly connectedListeners = new Set<() => void>();

  isConnected(): boolean { return this.connected; }
  attachmentLimits(): AttachmentLimits { return this.limits; }

  sendChat(req: SentChat): Promise<AgentRun> {
    if (!this.connected) return Promise.reject(new GatewayLinkError('not-connected', 'OpenClaw gateway is not connected'));
    const existing = this.runs.get(req.idempotencyKey);
    if (existing) return Promise.resolve(existing);
    this.sent.push(req);
    const done = Promise.resolve().then(() => this.answer(req));
    const run: AgentRun = { runId: req.idempotencyKey, done, media: () => done.then(() => this.media) };
    this.runs.set(req.idempotencyKey, run);
    return Promise.resolve(run);
  }

  sendSystemEvent(sessionKey: string, text: string): Promise<void> {
    this.systemEvents.push({ sessionKey, text });
    return Promise.resolve();
  }

  onAgentMessage(l: (m: AgentMessage) => void): () => void {
    this.messageListeners.add(l);
    return () => this.messageListeners.delete(l);
  }

  onConnected(l: () => void): () => void {
    this.connectedListeners.add(l);
    return () => this.connectedListeners.delete(l);
  }

  emitMessage(m: AgentMessage): void {
    for (const l of this.messageListeners) l(m);
  }

  setConnected(up: boolean): void {
    this.connected = up;
    if (up) for (const l of this.connectedListeners) l();
  }
}
