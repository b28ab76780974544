// Coalesces text pieces that arrive close together into one WebSocket delta: a model can
// emit dozens of tokens per 50 ms, and every event costs a frame to every member's connection.
// At most one delta per window; a piece that comes after a quiet window goes out at once, so
// coalescing never delays text that has nothing to coalesce with (the gateway itself sends a
// delta at most every 75 ms).
export class DeltaBatcher {
  private pending = '';
  private timer: NodeJS.Timeout | undefined;
  private lastEmitAt = -Infinity;

  constructor(private readonly windowMs: number, private readonly emit: (text: string) => void, private readonly now: () => number = () => performance.now()) {}

  /** `timed` false: held until flush() or flushBlocks() (block mode). */
  push(text: string, timed = true): void {
    if (!text) return;
    this.pending += text;
    if (!timed || this.timer) return;
    const wait = this.lastEmitAt + this.windowMs - this.now();
    if (wait <= 0) return this.flush();
    this.timer = setTimeout(() => this.flush(), wait);
  }

  /** Sends what is waiting now (before a status change, a reset or the end). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.pending) return;
    const text = this.pending;
    this.pending = '';
    this.send(text);
  }

  /** Text not yet sent, up to the last paragraph break (block mode sends whole blocks). */
  flushBlocks(): void {
    const cut = this.pending.lastIndexOf('\n\n');
    if (cut < 0) return;
    const text = this.pending.slice(0, cut + 2);
    this.pending = this.pending.slice(cut + 2);
    this.send(text);
  }

  private send(text: string): void {
    this.lastEmitAt = this.now();
    this.emit(text);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
