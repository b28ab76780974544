// Rendezvous between peer-opened broker streams (offer) and accept(id) calls
// (claim); either may come first, and each side only waits a bounded time.

import type { YamuxStream } from '../yamux';

interface Slot {
  stream?: YamuxStream;
  claimer?: { resolve: (s: YamuxStream) => void; reject: (e: Error) => void };
  timer: NodeJS.Timeout;
}

export class PendingStreams {
  private readonly slots = new Map<number, Slot>();

  constructor(private readonly parkTimeoutMs: number) {}

  /** A peer stream announced `id`: hand it to a waiting claimer or park it. */
  offer(id: number, stream: YamuxStream): void {
    const slot = this.slots.get(id);
    if (slot?.claimer) {
      this.drop(id, slot);
      slot.claimer.resolve(stream);
      return;
    }
    if (slot?.stream) {
      // Second dial of the same id while the first is unclaimed: go-plugin drops it too.
      stream.destroy();
      return;
    }
    // Nobody claimed it in time: close it, so the dialer learns instead of hanging.
    const timer = setTimeout(() => {
      this.slots.delete(id);
      stream.destroy();
    }, this.parkTimeoutMs);
    timer.unref();
    this.slots.set(id, { stream, timer });
  }

  claim(id: number, timeoutMs: number): Promise<YamuxStream> {
    const slot = this.slots.get(id);
    if (slot?.stream) {
      this.drop(id, slot);
      return Promise.resolve(slot.stream);
    }
    if (slot?.claimer) return Promise.reject(new Error(`broker: id ${id} is already being accepted`));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.slots.delete(id);
        reject(new Error(`broker: timeout waiting for accept of id ${id} after ${timeoutMs} ms`));
      }, timeoutMs);
      this.slots.set(id, { claimer: { resolve, reject }, timer });
    });
  }

  /** Session gone: fail claimers, close parked streams. */
  closeAll(): void {
    for (const [id, slot] of this.slots) {
      this.drop(id, slot);
      slot.stream?.destroy();
      slot.claimer?.reject(new Error(`broker: session closed while accepting id ${id}`));
    }
  }

  private drop(id: number, slot: Slot): void {
    clearTimeout(slot.timer);
    this.slots.delete(id);
  }
}
