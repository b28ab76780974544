// Coalesces text pieces that arrive close together into one WebSocket delta: a model can
// emit dozens of tokens per 50 ms, and every event costs a frame to every member's connection.
export class DeltaBatcher {
  private pending = '';
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly windowMs: number, private readonly emit: (text: string) => void) {}

  /** `timed` false: held until flush() or flushBlocks() (block mode). */
  push(text: string, timed = true): void {
    if (!text) return;
    this.pending += text;
    if (!timed) return;
    if (this.windowMs <= 0) return this.flush();
    this.timer ??= setTimeout(() => this.flush(), this.windowMs);
  }

  /** Sends what is waiting now (before a status change, a reset or the end). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.pending) return;
    const text = this.pending;
    this.pending = '';
    this.emit(text);
  }

  /** Text not yet sent, up to the last paragraph break (block mode sends whole blocks). */
  flushBlocks(): void {
    const cut = this.pending.lastIndexOf('\n\n');
    if (cut < 0) return;
    const text = this.pending.slice(0, cut + 2);
    this.pending = this.pending.slice(cut + 2);
    this.emit(text);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
