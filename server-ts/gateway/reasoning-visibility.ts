// Whether a session shows the model's reasoning. The gateway streams reasoning to operator
// clients whatever `/reasoning` says (gateway-probe-2 §Q4), so the client decides from the
// session row's `reasoningLevel` (`on`, `stream`, `off`, or unset).
import { z } from 'zod';
import { checkedParams } from './protocol-params';

type Request = (method: string, params: Record<string, unknown>, timeoutMs?: number) => Promise<unknown>;

// The protocol leaves sessions.describe's session row open; we read the one field we use.
const DescribedReasoning = z.object({ session: z.object({ reasoningLevel: z.string().nullish() }) });

const SHOWN = new Set(['on', 'stream']);

/** True for `/reasoning on` or `stream`; false for off, unset, an unknown session or any error. */
export async function sessionShowsReasoning(request: Request, sessionKey: string, timeoutMs: number): Promise<boolean> {
  try {
    const params = checkedParams('sessions.describe', (p) => p.root.validateSessionsDescribeParams, { key: sessionKey });
    const described = DescribedReasoning.safeParse(await request('sessions.describe', params, timeoutMs));
    return described.success && SHOWN.has(described.data.session.reasoningLevel ?? '');
  } catch {
    return false;
  }
}
