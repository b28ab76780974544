// Agent questions (`ask_user`) as an operator sees them (gateway-probe §7): `question.requested`
// goes to every socket, the first `question.resolve` wins (a later one fails with
// QUESTION_ALREADY_TERMINAL), and `question.resolved` (answered, cancelled or expired) follows.
// That last event names no session, so the link passes it on for the feature to match by id.
import { z } from 'zod';

export const QUESTION_RESOLVED_EVENT = 'question.resolved';

export const QuestionSchema = z.object({
  questionId: z.string().min(1).max(200),
  header: z.string().max(200).optional(),
  question: z.string().max(4000),
  options: z.array(z.object({ label: z.string().min(1).max(200), description: z.string().max(1000).optional() }).passthrough()).max(20).default([]),
  multiSelect: z.boolean().optional(),
  /** Free text allowed besides the options (ask_user always sets it). */
  isOther: z.boolean().optional(),
  isSecret: z.boolean().optional(),
}).passthrough();
export type Question = z.infer<typeof QuestionSchema>;

export const QuestionRequestSchema = z.object({
  id: z.string().min(1).max(200),
  questions: z.array(QuestionSchema).min(1).max(10),
  sessionKey: z.string(),
  runId: z.string().optional(),
  expiresAtMs: z.number().optional(),
}).passthrough();
export type QuestionRequest = z.infer<typeof QuestionRequestSchema>;

export const QUESTION_OUTCOMES = ['answered', 'cancelled', 'expired'] as const;

export const QuestionResolvedSchema = z.object({
  id: z.string().min(1).max(200),
  status: z.enum(QUESTION_OUTCOMES),
  /** Present when answered; unreadable answers read as none rather than dropping the event. */
  answers: z.object({ answers: z.record(z.string(), z.array(z.string())) }).optional().catch(undefined),
}).passthrough();
export type QuestionResolved = z.infer<typeof QuestionResolvedSchema>;

/** Per question id, the chosen labels or free text. */
export type QuestionAnswers = Record<string, string[]>;

type Request = (method: string, params: unknown) => Promise<unknown>;

/** Rejects when the gateway refuses (unknown id, already answered, an answer it does not accept). */
export async function resolveQuestion(request: Request, id: string, answers: QuestionAnswers): Promise<void> {
  await request('question.resolve', { id, answers: { answers } });
}
