// The confirmation that replaces the buttons once a question or approval is decided: a
// sentence kept in post.message for clients without our webapp (mobile), and the same facts
// in a prop our webapp renders (webapp/src/interactions/decision.ts reads them).
export type Outcome = 'allow-once' | 'allow-always' | 'deny' | 'expired' | 'answered' | 'cancelled' | 'selected';

export interface Decision {
  outcome: Outcome;
  /** What was chosen, as the clicker saw it ("Approve once", an answer, a button's name). */
  label: string;
  /** Who decided ("@alice", "the OpenClaw CLI"); absent for an expiry. */
  by?: string;
  atMs: number;
}

const marks: Record<Outcome, string> = {
  'allow-once': '✓', 'allow-always': '✓', answered: '✓', selected: '✓', deny: '✗', cancelled: '✗', expired: '⌛',
};

const labels: Partial<Record<Outcome, string>> = {
  'allow-once': 'Approve once', 'allow-always': 'Always allow', deny: 'Denied', expired: 'Expired', answered: 'Answered', cancelled: 'Cancelled',
};

/** A decision with the standard label of its outcome. */
export function decisionOf(outcome: Outcome, by: string | undefined, atMs: number): Decision {
  return { outcome, label: labels[outcome] ?? outcome, ...(by ? { by } : {}), atMs };
}

/** e.g. "✓ **Approve once** by @alice · 14:03 UTC", "✗ **Denied** by the OpenClaw CLI · 14:05 UTC". */
export function lineOf(d: Decision): string {
  const time = new Date(d.atMs).toISOString().slice(11, 16);
  const label = d.label.replace(/[*_`~\n\r]/g, ' ').trim().slice(0, 200);
  const verb = d.outcome === 'selected' ? ' selected' : '';
  return `${marks[d.outcome]} **${label}**${d.by ? `${verb} by ${d.by}` : ''} · ${time} UTC`;
}

/** How the gateway names who resolved an approval we did not decide through a button. */
export function resolverName(resolvedBy: string | undefined): string {
  if (resolvedBy === 'cli') return 'the OpenClaw CLI';
  return 'another OpenClaw client';
}
