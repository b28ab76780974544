// What a caller sees of one run, built from the gateway's `chat` and `agent` events (read
// with the protocol's schemas in protocol-events.ts). Answer text and reasoning are always
// separate; a preview can follow the deltas, a bot post can wait for `final`.
import { z } from 'zod';
import { countMediaRefs, readMessageText } from './message-content';
import type { AgentEventWithSession, ChatEvent } from './protocol-events';
import { splitReasoning } from './reasoning';

/** What failed: the model (provider error, refusal, limits), the gateway itself, or a deadline. */
export type RunErrorKind = 'model' | 'gateway' | 'timeout';

export type RunEvent =
  /** Startup phases before any output (preparing_workspace, starting_model, …). */
  | { type: 'status'; phase: string }
  /**
   * Visible answer text: `text` is the new piece, or with `replace` (not a continuation) all of
   * it so far. Events carry pieces only: a run's events are kept for late listeners, and a
   * snapshot in every one would keep O(n²) characters of a long reply in memory.
   */
  | { type: 'delta'; text: string; replace: boolean }
  /** Model reasoning as it streams, in pieces like `delta`; never part of the answer. */
  | { type: 'reasoning'; text: string; replace: boolean }
  /** A tool call (name, arguments, result flag); only reaches the connection that sent the message. */
  | { type: 'tool'; phase: string; name: string; toolCallId: string; args?: unknown; isError?: boolean }
  /** The gateway's one-line summary of a work item ("Exec list files"), as every connection sees it. */
  | { type: 'activity'; itemId: string; kind: string; phase: string; title?: string; status?: string }
  /**
   * The answer. `mediaCount`: files the gateway attaches to the message (fetch them with
   * the link's runMedia). `queued`: the gateway folded this message into another run of
   * the session (steer/followup), whose answer carries the reply; `text` is then empty.
   */
  | { type: 'final'; text: string; reasoning: string; mediaCount: number; queued: boolean; stopReason?: string }
  /** Stopped before the end (chat.abort, /stop); `text` is the partial answer, not an answer. */
  | { type: 'aborted'; text: string; stopReason?: string }
  | { type: 'error'; kind: RunErrorKind; message: string }
  /** Other agent streams (lifecycle, usage, command_output, …), raw, for features that need them. */
  | { type: 'agent'; stream: string; data: Record<string, unknown> };

export type RunOutcome =
  | { status: 'final'; text: string; reasoning: string; mediaCount: number; queued: boolean; stopReason?: string }
  | { status: 'aborted'; text: string; stopReason?: string }
  | { status: 'error'; kind: RunErrorKind; message: string; text: string };

// Stricter than the protocol, which types agent `data` as an open record: the fields we use.
const Thinking = z.object({ text: z.string().optional(), delta: z.string().optional() });
const Tool = z.object({ phase: z.string(), name: z.string(), toolCallId: z.string(), args: z.unknown().optional(), isError: z.boolean().optional() });
const Item = z.object({ itemId: z.string(), kind: z.string(), phase: z.string(), title: z.string().optional(), status: z.string().optional() });
const Lifecycle = z.object({ phase: z.string(), terminalReply: z.object({ text: z.string() }).partial().optional() });

const MODEL_ERROR_KINDS = new Set(['refusal', 'rate_limit', 'context_length']);

/** The gateway names provider facts (errorDetail) only when the model call itself failed. */
export function errorKindOf(p: Extract<ChatEvent, { state: 'error' }>): RunErrorKind {
  if (p.errorKind === 'timeout') return 'timeout';
  if (p.errorKind && MODEL_ERROR_KINDS.has(p.errorKind)) return 'model';
  const d = p.errorDetail;
  return d && (d.provider !== undefined || d.model !== undefined || d.httpStatus !== undefined) ? 'model' : 'gateway';
}

/**
 * A copy of `piece` that does not share memory with the string it was cut from (V8 keeps the
 * whole parent alive behind a slice of 13 characters or more).
 */
function detached(piece: string): string {
  return piece.length < 13 ? piece : Buffer.from(piece, 'utf8').toString('utf8');
}

/** Per-run state that turns gateway events into RunEvents; one per tracked run. */
export class RunProjection {
  snapshot = '';
  reasoning = '';
  private started = false;
  private mediaRefs = 0;

  onChat(p: ChatEvent): RunEvent | undefined {
    switch (p.state) {
      case 'status': return { type: 'status', phase: p.phase };
      case 'delta': {
        const previous = this.snapshot;
        const next = p.message !== undefined ? readMessageText(p.message).text : splitReasoning(previous + p.deltaText).text;
        const continues = p.replace !== true && next.startsWith(previous);
        this.snapshot = next;
        if (continues && next === previous) return undefined; // only reasoning or markup arrived
        return continues ? { type: 'delta', text: detached(next.slice(previous.length)), replace: false } : { type: 'delta', text: next, replace: true };
      }
      case 'final': {
        const m = readMessageText(p.message);
        // No message at all and no sign of the run starting: the gateway queued our text into another run.
        const queued = p.message === undefined && !this.started;
        return { type: 'final', text: m.text, reasoning: m.reasoning || this.reasoning, mediaCount: this.mediaRefs, queued, stopReason: p.stopReason };
      }
      case 'aborted': return { type: 'aborted', text: readMessageText(p.message).text || this.snapshot, stopReason: p.stopReason };
      case 'error': return { type: 'error', kind: errorKindOf(p), message: p.errorMessage ?? 'the run failed' };
    }
  }

  onAgent(p: AgentEventWithSession): RunEvent | undefined {
    this.started = true;
    const { stream, data } = p;
    if (stream === 'assistant') return undefined; // the same text arrives as chat deltas
    if (stream === 'thinking') {
      const t = Thinking.safeParse(data);
      if (!t.success) return undefined;
      const previous = this.reasoning;
      this.reasoning = t.data.text ?? previous + (t.data.delta ?? '');
      return this.reasoning.startsWith(previous)
        ? { type: 'reasoning', text: detached(this.reasoning.slice(previous.length)), replace: false }
        : { type: 'reasoning', text: this.reasoning, replace: true };
    }
    if (stream === 'tool') {
      const t = Tool.safeParse(data);
      return t.success ? { type: 'tool', ...t.data } : undefined;
    }
    if (stream === 'item') {
      const i = Item.safeParse(data);
      return i.success ? { type: 'activity', ...i.data } : undefined;
    }
    if (stream === 'lifecycle') {
      const l = Lifecycle.safeParse(data);
      if (l.success && l.data.phase === 'end') this.mediaRefs = countMediaRefs(l.data.terminalReply?.text ?? '');
    }
    return { type: 'agent', stream, data };
  }
}

export function outcomeOf(event: RunEvent, projection: RunProjection): RunOutcome | undefined {
  switch (event.type) {
    case 'final': return { status: 'final', text: event.text, reasoning: event.reasoning, mediaCount: event.mediaCount, queued: event.queued, stopReason: event.stopReason };
    case 'aborted': return { status: 'aborted', text: event.text, stopReason: event.stopReason };
    case 'error': return { status: 'error', kind: event.kind, message: event.message, text: projection.snapshot };
    default: return undefined;
  }
}
