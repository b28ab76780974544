// Outgoing pings: the host answers our Ping SYN with a Ping ACK carrying the
// same opaque value. Only used for diagnostics (the host pings us, not vice versa).

import { performance } from 'node:perf_hooks';

interface PendingPing {
  started: number;
  resolve: (rttMs: number) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

export class PingTracker {
  private nextValue = 0;
  private readonly pending = new Map<number, PendingPing>();

  constructor(private readonly sendSyn: (value: number) => void) {}

  ping(timeoutMs: number): Promise<number> {
    const value = this.nextValue;
    this.nextValue = (this.nextValue + 1) >>> 0;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(value);
        reject(new Error(`yamux: ping timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(value, { started: performance.now(), resolve, reject, timer });
      this.sendSyn(value);
    });
  }

  /** A Ping ACK arrived; unknown values (late or forged) are ignored, as Go does. */
  answered(value: number): void {
    const p = this.pending.get(value);
    if (!p) return;
    this.pending.delete(value);
    clearTimeout(p.timer);
    p.resolve(performance.now() - p.started);
  }

  closeAll(err: Error): void {
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(err);
    }
    this.pending.clear();
  }
}
