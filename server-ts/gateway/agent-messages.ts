// Messages the agent writes into sessions outside a run we started: cron jobs, heartbeat
// wake-ups (which emit no chat events at all), follow-ups the gateway ran under its own run
// id, other operator clients' turns, chat.inject. The one live source that carries all of
// them is `session.message`, which needs `sessions.subscribe` on this very connection: the
// gateway keys subscriptions by connection, so every hello (also the client's silent
// reconnect) subscribes again (gateway-probe-2 §Q1).
import { z } from 'zod';
import type { GatewayLogger } from './logger';
import { readMessageText } from './message-content';

export interface AgentMessage {
  sessionKey: string;
  /** Transcript entry id: the same message seen on two sockets or two cluster nodes has one id. */
  messageId: string;
  /** The gateway's run that wrote it, when it says. */
  runId?: string;
  text: string;
  /** Model reasoning of that entry, kept apart; never part of `text`. */
  reasoning: string;
  /** `injected`: written by an operator (chat.inject) or a gateway command, not by the model. */
  origin: 'agent' | 'injected';
}

export type AgentMessageListener = (message: AgentMessage) => void;

export interface WatchOptions {
  /**
   * Runs started elsewhere on our side (another cluster node, by its idempotency-key
   * prefix): this process did not start them, yet their answers are not agent-initiated.
   */
  excludeRun?: (runId: string) => boolean;
}

interface Watch {
  prefix: string;
  excludeRun?: (runId: string) => boolean;
}

// The protocol declares no schema for `session.message` (its message is opaque): the
// envelope and the message fields we filter on.
const SessionMessageEvent = z.object({
  sessionKey: z.string().min(1),
  messageId: z.string().min(1).optional(),
  message: z.object({
    role: z.string(),
    model: z.string().optional(),
    stopReason: z.string().optional(),
    provenance: z.unknown().optional(),
    openclawAbort: z.unknown().optional(),
    idempotencyKey: z.string().optional(),
    __openclaw: z.object({ id: z.string().optional(), runId: z.string().optional(), idempotencyKey: z.string().optional() }).passthrough().optional(),
  }).passthrough(),
});

/**
 * The run an entry belongs to. Model replies name it (`runId`); a gateway command's reply
 * (e.g. `/status`) names only the idempotency key of the message that asked, which is our
 * run id; an aborted partial carries `<key>:assistant`.
 */
function owningRun(m: z.infer<typeof SessionMessageEvent>['message']): string | undefined {
  const key = m.__openclaw?.idempotencyKey ?? m.idempotencyKey;
  return m.__openclaw?.runId ?? key?.replace(/:assistant$/, '');
}

export interface WatcherDeps {
  request(method: string, params: Record<string, unknown>): Promise<unknown>;
  /** A run this process started (still running or recently finished). */
  isOurs(runId: string): boolean;
  log: GatewayLogger;
}

const SEEN_MAX = 2_000;

export class AgentMessageWatcher {
  private readonly listeners = new Map<AgentMessageListener, Watch>();
  private readonly seen = new Set<string>();
  private subscribed = false;

  constructor(private readonly deps: WatcherDeps) {}

  /** Listens for messages in sessions whose key starts with `prefix` (case-insensitive). */
  watch(prefix: string, listener: AgentMessageListener, connected: boolean, opts: WatchOptions = {}): () => void {
    this.listeners.set(listener, { prefix: prefix.toLowerCase(), excludeRun: opts.excludeRun });
    if (connected && !this.subscribed) void this.subscribe();
    return () => this.listeners.delete(listener);
  }

  /** A new connection: its subscriptions start empty. */
  onHello(): void {
    this.subscribed = false;
    if (this.listeners.size > 0) void this.subscribe();
  }

  onSessionMessage(payload: unknown): void {
    if (this.listeners.size === 0) return;
    const p = SessionMessageEvent.safeParse(payload);
    if (!p.success) return;
    const { sessionKey, message } = p.data;
    const key = sessionKey.toLowerCase();
    const messageId = p.data.messageId ?? message.__openclaw?.id;
    const runId = owningRun(message);
    if (message.role !== 'assistant' || !messageId) return;
    if (runId && this.deps.isOurs(runId)) return; // our runs reach their own ChatRun
    // A cron job's prompt (and any other system input) is written as an assistant entry with
    // a provenance; an aborted run leaves its partial text: neither is a message to show.
    if (message.provenance !== undefined || message.openclawAbort !== undefined) return;
    const { text, reasoning } = readMessageText(message);
    // Empty text ends a turn only when the entry carries files (MEDIA: lines), which the
    // transcript adds later; a tool-call step has no text and no end-of-turn stop reason.
    if (!text.trim() && message.stopReason !== 'stop') return;
    if (this.seen.has(messageId)) return;
    this.remember(messageId);
    const event: AgentMessage = { sessionKey, messageId, runId, text, reasoning, origin: message.model === 'gateway-injected' ? 'injected' : 'agent' };
    for (const [listener, watch] of this.listeners) {
      if (!key.startsWith(watch.prefix) || (runId && watch.excludeRun?.(runId))) continue;
      try {
        listener(event);
      } catch (err) {
        this.deps.log.error('gateway agent message listener failed', { error: err instanceof Error ? err.name : typeof err });
      }
    }
  }

  private async subscribe(): Promise<void> {
    this.subscribed = true;
    try {
      await this.deps.request('sessions.subscribe', {});
    } catch (err) {
      this.subscribed = false;
      this.deps.log.warn('could not subscribe to gateway session messages; agent-initiated messages are missed until the next reconnect',
        { error: err instanceof Error ? err.message : typeof err });
    }
  }

  private remember(id: string): void {
    this.seen.add(id);
    if (this.seen.size > SEEN_MAX) this.seen.delete(this.seen.values().next().value as string);
  }
}
