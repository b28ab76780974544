// What the relay costs: time spent on posts that are not for the agent (the hook runs for
// every post on the server) and the API calls the decision made. Read by the admin stats
// route and the relay bench.
const SIZE = 32_768;

type CpuUsage = { user: number; system: number };
// CPU time of this thread (getrusage RUSAGE_THREAD, Node 23.9+): what deciding cost the plugin,
// without the time the OS gave other processes meanwhile, which wall time also counts.
const threadCpu: ((since?: CpuUsage) => CpuUsage) | undefined =
  typeof process.threadCpuUsage === 'function' ? process.threadCpuUsage.bind(process) : undefined;
const NO_CPU: CpuUsage = { user: 0, system: 0 };

/** Where a hook call started, on both clocks. */
export interface HookStart {
  wallMs: number;
  cpu: CpuUsage;
}

export function hookStart(): HookStart {
  return { wallMs: performance.now(), cpu: threadCpu?.() ?? NO_CPU };
}

export class RelayStats {
  private readonly ignoredUs = new Float64Array(SIZE);
  private readonly ignoredCpuUs = new Float64Array(SIZE);
  private ignoredCount = 0;
  relayed = 0;
  /** Reactions handed to a session as system events. */
  reactionsForwarded = 0;
  /** API calls made while deciding (channel facts and membership on a cache miss). */
  decisionApiCalls = 0;

  /** `start` from hookStart() at hook entry. */
  ignored(start: HookStart): void {
    const i = this.ignoredCount % SIZE;
    this.ignoredUs[i] = (performance.now() - start.wallMs) * 1000;
    if (threadCpu) {
      const used = threadCpu(start.cpu);
      this.ignoredCpuUs[i] = used.user + used.system;
    }
    this.ignoredCount++;
  }

  reset(): void {
    this.ignoredCount = 0;
    this.relayed = 0;
    this.reactionsForwarded = 0;
    this.decisionApiCalls = 0;
  }

  snapshot(): {
    ignored: number; relayed: number; reactionsForwarded: number; decisionApiCalls: number;
    /** Wall time per ignored post, and the plugin thread's CPU time (absent where Node cannot read it). */
    ignoredUs: Quantiles; ignoredCpuUs?: Quantiles;
  } {
    const n = Math.min(this.ignoredCount, SIZE);
    return {
      ignored: this.ignoredCount, relayed: this.relayed, reactionsForwarded: this.reactionsForwarded, decisionApiCalls: this.decisionApiCalls,
      ignoredUs: quantiles(this.ignoredUs.subarray(0, n)),
      ...(threadCpu ? { ignoredCpuUs: quantiles(this.ignoredCpuUs.subarray(0, n)) } : {}),
    };
  }
}

interface Quantiles { p50: number; p99: number; max: number }

function quantiles(samples: Float64Array): Quantiles {
  const n = samples.length;
  const sorted = Float64Array.from(samples).sort();
  const round = (x: number) => Math.round(x * 10) / 10;
  const at = (q: number) => (n ? round(sorted[Math.min(n - 1, Math.floor(q * n))]) : 0);
  return { p50: at(0.5), p99: at(0.99), max: n ? round(sorted[n - 1]) : 0 };
}
