// Reconnect delays. The cap is low (10 s) on purpose: a restarted gateway needs ~10 s to
// become ready, and the plugin must be back within 30 s of that without a human.
export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
  factor: number;
  /** Fixed poll interval while waiting for the operator to approve pairing. */
  pairingPollMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 500, maxMs: 10_000, factor: 2, pairingPollMs: 3_000 };

export class Backoff {
  private attempt = 0;
  constructor(private readonly policy: BackoffPolicy, private readonly random: () => number = Math.random) {}

  next(): number {
    const base = Math.min(this.policy.maxMs, this.policy.initialMs * this.policy.factor ** this.attempt);
    this.attempt += 1;
    // ±20 % jitter keeps cluster nodes from reconnecting in lockstep.
    return Math.round(base * (0.8 + 0.4 * this.random()));
  }

  pairingPoll(): number {
    return this.policy.pairingPollMs;
  }

  reset(): void {
    this.attempt = 0;
  }
}
