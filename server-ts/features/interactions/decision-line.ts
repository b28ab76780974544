// The confirmation sentence that replaces the buttons once a question or approval is
// decided; also kept in post.message for clients without our webapp (mobile).
export type Outcome = 'allow-once' | 'allow-always' | 'deny' | 'expired' | 'answered' | 'cancelled';

const labels: Record<Outcome, [mark: string, label: string]> = {
  'allow-once': ['✓', 'Approve once'],
  'allow-always': ['✓', 'Always allow'],
  deny: ['✗', 'Denied'],
  expired: ['⌛', 'Expired'],
  answered: ['✓', 'Answered'],
  cancelled: ['✗', 'Cancelled'],
};

/** e.g. "✓ **Approve once** by @alice · 14:03 UTC", "✗ **Denied** by the OpenClaw CLI · 14:05 UTC". */
export function decisionLine(outcome: Outcome, by: string | undefined, atMs: number): string {
  const [mark, label] = labels[outcome];
  const time = new Date(atMs).toISOString().slice(11, 16);
  return `${mark} **${label}**${by ? ` by ${by}` : ''} · ${time} UTC`;
}

/** How the gateway names who resolved an approval we did not decide through a button. */
export function resolverName(resolvedBy: string | undefined): string {
  if (resolvedBy === 'cli') return 'the OpenClaw CLI';
  return 'another OpenClaw client';
}
