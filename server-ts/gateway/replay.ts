// A chat.send replayed with a used idempotency key never starts a second run (that is the
// point), but the gateway then sends no events either: it just answers `status: "ok"`
// (or error/aborted) from its dedupe cache. To still hand the caller the answer, read it
// back from the session history. There the user turn carries `<key>:user`; the reply
// carries the key itself (command answers) or the run id, which equals the key (model
// answers); failing both, take the first assistant message after our user turn.
import { z } from 'zod';
import { readMediaParts, readMessageText } from './message-content';
import type { RunOutcome } from './run-events';

const HistoryMessage = z.object({
  role: z.string().optional(),
  content: z.unknown().optional(),
  idempotencyKey: z.string().optional(),
  __openclaw: z.object({ idempotencyKey: z.string().optional(), runId: z.string().optional() }).passthrough().optional(),
  /** Set on the partial answer of a stopped run (gateway-probe-2 §Q7). */
  openclawAbort: z.object({ aborted: z.boolean().optional() }).passthrough().optional(),
}).passthrough();
const HistorySchema = z.object({ messages: z.array(HistoryMessage) }).passthrough();

/** Statuses that mean "a run for this key already exists"; events follow only for in_flight. */
export function isReplayStatus(status: string): boolean {
  return status !== 'started' && status !== 'in_flight' && status !== 'accepted';
}

export function answerFromHistory(history: unknown, idempotencyKey: string): RunOutcome | undefined {
  const parsed = HistorySchema.safeParse(history);
  if (!parsed.success) return undefined;
  const msgs = parsed.data.messages;
  const keysOf = (m: z.infer<typeof HistoryMessage>) => [m.idempotencyKey, m.__openclaw?.idempotencyKey, m.__openclaw?.runId];
  const direct = msgs.find((m) => m.role === 'assistant' && keysOf(m).includes(idempotencyKey));
  const start = msgs.findIndex((m) => m.role === 'user' && keysOf(m).includes(`${idempotencyKey}:user`));
  const reply = direct ?? (start < 0 ? undefined : msgs.slice(start + 1).find((m) => m.role === 'assistant'));
  if (!reply) return undefined;
  const { text, reasoning } = readMessageText(reply);
  if (reply.openclawAbort?.aborted) return { status: 'aborted', text };
  return { status: 'final', text, reasoning, mediaCount: readMediaParts(reply).length, queued: false };
}
