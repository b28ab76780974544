// What the status panel needs beyond the state itself: when it last changed, and the last
// error in words with its time (a link that is `connecting` again after a failure would
// otherwise hide why it failed).
import type { LinkState } from '../../gateway';

export interface StateHistorySnapshot {
  /** ms since the epoch of the last state change (or of activation). */
  changedAt: number;
  lastError?: { reason: string; at: number };
}

export class StateHistory {
  private changedAt: number;
  private lastError: { reason: string; at: number } | undefined;

  constructor(private readonly now: () => number = Date.now) {
    this.changedAt = now();
  }

  record(state: LinkState): void {
    this.changedAt = this.now();
    if (state.status === 'error') this.lastError = { reason: state.reason, at: this.changedAt };
    // A working link makes an old error irrelevant.
    if (state.status === 'connected') this.lastError = undefined;
  }

  snapshot(): StateHistorySnapshot {
    return { changedAt: this.changedAt, ...(this.lastError ? { lastError: { ...this.lastError } } : {}) };
  }
}
