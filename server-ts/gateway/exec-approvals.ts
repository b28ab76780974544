// Exec approvals as an operator sees them (gateway-probe §7): the gateway asks every
// approval-capable socket of the requesting device, the first `exec.approval.resolve` wins,
// and every socket then gets `exec.approval.resolved` (also when the CLI or another client
// decided). Only the fields we show or act on are read; the rest is left alone.
import { z } from 'zod';

/** Connect with this cap (plus operator.approvals) to be offered approvals instead of the gateway auto-denying them. */
export const EXEC_APPROVAL_CAP = 'exec-approvals';

export const EXEC_DECISIONS = ['allow-once', 'allow-always', 'deny'] as const;
export type ExecDecision = (typeof EXEC_DECISIONS)[number];

const Decision = z.enum(EXEC_DECISIONS);

export const ExecApprovalRequestSchema = z.object({
  id: z.string().min(1).max(200),
  expiresAtMs: z.number().optional(),
  request: z.object({
    command: z.string(),
    cwd: z.string().optional(),
    host: z.string().optional(),
    sessionKey: z.string(),
    runId: z.string().optional(),
    allowedDecisions: z.array(z.string()).optional(),
  }).passthrough(),
}).passthrough();
export type ExecApprovalRequest = z.infer<typeof ExecApprovalRequestSchema>;

export const ExecApprovalResolvedSchema = z.object({
  id: z.string().min(1).max(200),
  decision: z.string(),
  resolvedBy: z.string().optional(),
  ts: z.number().optional(),
  request: z.object({ sessionKey: z.string().optional() }).passthrough().optional(),
}).passthrough();
export type ExecApprovalResolved = z.infer<typeof ExecApprovalResolvedSchema>;

/** The decisions the gateway offers for this request (allow-always only when it allows it). */
export function offeredDecisions(req: ExecApprovalRequest): ExecDecision[] {
  const allowed = req.request.allowedDecisions;
  if (!allowed) return ['allow-once', 'deny'];
  return EXEC_DECISIONS.filter((d) => allowed.includes(d) || d === 'deny');
}

export function isExecDecision(value: string): value is ExecDecision {
  return Decision.safeParse(value).success;
}

type Request = (method: string, params: unknown) => Promise<unknown>;

/** Resolves `{ ok: true }` from the gateway; rejects (e.g. already resolved, unknown id) otherwise. */
export async function resolveExecApproval(request: Request, id: string, decision: ExecDecision): Promise<void> {
  await request('exec.approval.resolve', { id, decision });
}
