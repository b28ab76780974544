// The event stream of one run: every event is kept, so a listener or iterator that joins
// late (the chat.send answer can arrive after a fast run's first events, or even after its
// final) still sees all of them, in order, exactly once.
import type { RunEvent, RunOutcome } from './run-events';

export type RunListener = (event: RunEvent) => void;

/** Past this many events only the newest are kept (a reply of several MB in tiny deltas). */
const MAX_BUFFERED = 20_000;

export class RunChannel {
  private readonly buffer: RunEvent[] = [];
  private dropped = 0;
  private readonly listeners = new Set<RunListener>();
  private readonly wakers = new Set<() => void>();
  private closed = false;
  private settle!: (o: RunOutcome) => void;
  readonly done: Promise<RunOutcome> = new Promise((resolve) => (this.settle = resolve));

  push(event: RunEvent): void {
    if (this.closed) return;
    this.buffer.push(event);
    if (this.buffer.length > MAX_BUFFERED) {
      this.buffer.shift();
      this.dropped += 1;
    }
    for (const l of this.listeners) {
      try {
        l(event);
      } catch {
        // A failing listener must not starve the others or break the socket's event loop.
      }
    }
    this.wake();
  }

  /** Ends the stream; `done` resolves with the outcome. Later pushes are ignored. */
  close(outcome: RunOutcome): void {
    if (this.closed) return;
    this.closed = true;
    this.settle(outcome);
    this.wake();
  }

  /** Replays what happened so far, then follows live events. Returns the unsubscribe. */
  readonly listen = (listener: RunListener): (() => void) => {
    for (const e of [...this.buffer]) listener(e);
    if (this.closed) return () => undefined;
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** All events from the first (or the oldest kept), ending after the terminal one. */
  async *events(): AsyncGenerator<RunEvent, void, undefined> {
    let next = 0;
    for (;;) {
      const at = next - this.dropped;
      if (at < this.buffer.length) {
        next = this.dropped + Math.max(at, 0) + 1;
        yield this.buffer[Math.max(at, 0)];
        continue;
      }
      if (this.closed) return;
      await new Promise<void>((resolve) => this.wakers.add(resolve));
    }
  }

  private wake(): void {
    for (const w of this.wakers) w();
    this.wakers.clear();
  }
}
