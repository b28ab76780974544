// Session-level actions besides sending a message: stop a run, and hand the session a
// system event (a line of context the agent sees on its next turn, e.g. "reaction added").
import { z } from 'zod';
import type { AbortResult } from './chat-run';
import { checkedParams } from './protocol-params';

type Request = (method: string, params: Record<string, unknown>) => Promise<unknown>;

// The protocol declares no result schema for chat.abort.
const AbortAnswer = z.object({ aborted: z.boolean().optional(), runIds: z.array(z.string()).optional() });

export async function abortRun(request: Request, sessionKey: string, runId?: string): Promise<AbortResult> {
  const params = checkedParams('chat.abort', (p) => p.root.validateChatAbortParams, { sessionKey, ...(runId ? { runId } : {}) });
  const res = AbortAnswer.safeParse(await request('chat.abort', params));
  return { aborted: res.success && res.data.aborted === true, runIds: res.success ? res.data.runIds ?? [] : [] };
}

/**
 * `queued`: the event waits for the session's next turn, as the seed's enqueueSystemEvent
 * does; that takes `system-event`, which needs operator.admin. `woke`: without admin the
 * only write-scope route is `wake`, which queues the event the same way but also makes the
 * gateway run a heartbeat turn in that session at once (its reply, if any, is an
 * agent-initiated message).
 */
export type SystemEventDelivery = 'queued' | 'woke';

export async function sendSystemEvent(request: Request, scopes: string[], sessionKey: string, text: string): Promise<SystemEventDelivery> {
  if (scopes.includes('operator.admin')) {
    await request('system-event', checkedParams('system-event', (p) => p.schema.validateSystemEventParams, { text, sessionKey }));
    return 'queued';
  }
  await request('wake', checkedParams('wake', (p) => p.root.validateWakeParams, { mode: 'next-heartbeat' as const, text, sessionKey }));
  return 'woke';
}
