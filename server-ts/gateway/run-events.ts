// Shapes of the broadcast `chat` and `agent` event payloads we consume, and the events we
// hand to callers. Unknown fields are ignored; a payload that does not parse is dropped.
import { z } from 'zod';

const ContentPart = z.object({ type: z.string(), text: z.string().optional() }).passthrough();
const MessageSchema = z.object({ content: z.union([z.string(), z.array(ContentPart)]).optional() }).passthrough();

export const ChatPayloadSchema = z.object({
  runId: z.string(),
  sessionKey: z.string().optional(),
  state: z.string(),
  seq: z.number().optional(),
  phase: z.string().optional(),
  deltaText: z.string().optional(),
  replace: z.boolean().optional(),
  message: MessageSchema.optional(),
  stopReason: z.string().optional(),
  errorMessage: z.string().optional(),
  errorKind: z.string().optional(),
  errorDetail: z.object({ provider: z.string().optional(), model: z.string().optional(), httpStatus: z.number().optional() }).passthrough().optional(),
}).passthrough();
export type ChatPayload = z.infer<typeof ChatPayloadSchema>;

export const AgentPayloadSchema = z.object({
  runId: z.string(),
  sessionKey: z.string().optional(),
  stream: z.string(),
  data: z.unknown().optional(),
}).passthrough();

export type RunEvent =
  | { type: 'status'; phase: string }
  /** `text` is the new piece; `snapshot` the whole reply so far (authoritative when `replace`). */
  | { type: 'delta'; text: string; snapshot: string; replace: boolean }
  | { type: 'final'; text: string; stopReason?: string }
  | { type: 'aborted'; text: string; stopReason?: string }
  | { type: 'error'; message: string; kind: RunErrorKind }
  /** Raw agent streams (tool, lifecycle, …) for features that need them. */
  | { type: 'agent'; stream: string; data: unknown };

/** What failed: the model (provider error, refusal, limits), the gateway itself, or a deadline. */
export type RunErrorKind = 'model' | 'gateway' | 'timeout';

export type RunOutcome =
  | { status: 'final'; text: string; stopReason?: string }
  | { status: 'aborted'; text: string; stopReason?: string }
  | { status: 'error'; text: string; message: string; kind: RunErrorKind };

export function messageText(message: ChatPayload['message']): string {
  const content = message?.content;
  if (typeof content === 'string') return content;
  return (content ?? []).filter((p) => p.type === 'text' && typeof p.text === 'string').map((p) => p.text).join('');
}

/** Maps one `chat` payload to the caller's event; `snapshot` is the text seen so far. */
export function chatToRunEvent(p: ChatPayload, snapshot: string): RunEvent | undefined {
  switch (p.state) {
    case 'status': return { type: 'status', phase: p.phase ?? 'unknown' };
    case 'delta': {
      const full = p.message ? messageText(p.message) : snapshot + (p.deltaText ?? '');
      return { type: 'delta', text: p.deltaText ?? full.slice(snapshot.length), snapshot: full, replace: p.replace === true };
    }
    case 'final': return { type: 'final', text: messageText(p.message), stopReason: p.stopReason };
    case 'aborted': return { type: 'aborted', text: messageText(p.message) || snapshot, stopReason: p.stopReason };
    case 'error': return { type: 'error', message: p.errorMessage ?? 'the run failed', kind: errorKindOf(p) };
    default: return undefined;
  }
}

const MODEL_ERROR_KINDS = new Set(['refusal', 'rate_limit', 'context_length']);

/** The gateway names provider facts (errorDetail) only when the model call itself failed. */
export function errorKindOf(p: Pick<ChatPayload, 'errorKind' | 'errorDetail'>): RunErrorKind {
  if (p.errorKind === 'timeout') return 'timeout';
  if (p.errorKind && MODEL_ERROR_KINDS.has(p.errorKind)) return 'model';
  const d = p.errorDetail;
  return d && (d.provider !== undefined || d.model !== undefined || d.httpStatus !== undefined) ? 'model' : 'gateway';
}
