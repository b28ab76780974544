// The line that replaces the buttons once a decision is made: a mark coloured by the outcome,
// what was chosen, by whom, and when in the reader's own time zone (post.message says UTC).
import type { ReactNode } from 'react';
import type { Decision, Outcome } from './wire';

const tones: Record<Outcome, 'positive' | 'negative' | 'neutral'> = {
  'allow-once': 'positive', 'allow-always': 'positive', answered: 'positive', selected: 'positive',
  deny: 'negative', cancelled: 'negative', expired: 'neutral',
};
const marks = { positive: '✓', negative: '✗', neutral: '⌛' } as const;

export function localTime(atMs: number): string {
  return new Date(atMs).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

export function Confirmation({ decision }: { decision: Decision }): ReactNode {
  const tone = tones[decision.outcome];
  const verb = decision.outcome === 'selected' ? 'selected by' : 'by';
  return (
    <div className={`openclaw-decision openclaw-decision--${tone}`} data-testid="openclaw-decision" data-outcome={decision.outcome}>
      <span className="openclaw-decision__mark" aria-hidden="true">{marks[tone]}</span>
      <strong className="openclaw-decision__label">{decision.label}</strong>
      {decision.by && <span className="openclaw-decision__by"> {verb} {decision.by}</span>}
      <time className="openclaw-decision__time" dateTime={new Date(decision.at).toISOString()} title={new Date(decision.at).toLocaleString()}>
        {' · '}{localTime(decision.at)}
      </time>
    </div>
  );
}
