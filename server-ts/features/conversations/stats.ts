// What the relay costs: time spent on posts that are not for the agent (the hook runs for
// every post on the server) and the API calls the decision made. Read by the admin stats
// route and the relay bench.
const SIZE = 32_768;

export class RelayStats {
  private readonly ignoredUs = new Float64Array(SIZE);
  private ignoredCount = 0;
  relayed = 0;
  /** Reactions handed to a session as system events. */
  reactionsForwarded = 0;
  /** API calls made while deciding (channel facts and membership on a cache miss). */
  decisionApiCalls = 0;

  /** `startMs` from performance.now() at hook entry. */
  ignored(startMs: number): void {
    this.ignoredUs[this.ignoredCount % SIZE] = (performance.now() - startMs) * 1000;
    this.ignoredCount++;
  }

  reset(): void {
    this.ignoredCount = 0;
    this.relayed = 0;
    this.reactionsForwarded = 0;
    this.decisionApiCalls = 0;
  }

  snapshot(): {
    ignored: number; relayed: number; reactionsForwarded: number; decisionApiCalls: number; ignoredUs: { p50: number; p99: number; max: number };
  } {
    const n = Math.min(this.ignoredCount, SIZE);
    const sorted = Array.from(this.ignoredUs.subarray(0, n)).sort((a, b) => a - b);
    const at = (q: number) => (n ? Math.round(sorted[Math.min(n - 1, Math.floor(q * n))] * 10) / 10 : 0);
    return {
      ignored: this.ignoredCount, relayed: this.relayed, reactionsForwarded: this.reactionsForwarded, decisionApiCalls: this.decisionApiCalls,
      ignoredUs: { p50: at(0.5), p99: at(0.99), max: n ? Math.round(sorted[n - 1] * 10) / 10 : 0 },
    };
  }
}
