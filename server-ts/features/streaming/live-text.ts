// The text viewers have been sent so far, with its seq, and the status line: every delta,
// status and reset goes out through here, so a snapshot always matches the events sent.
import { DeltaBatcher } from './batcher';
import { WS_DELTA, WS_RESET, WS_STATUS } from './post-type';
import type { StreamingMode } from './settings';

export type Publish = (event: string, fields: Record<string, string | number>) => void;

export class LiveText {
  /** The answer as received (ahead of `sent` while a batch waits). */
  received = '';
  sent = '';
  seq = 0;
  status = '';
  private readonly batcher: DeltaBatcher;

  constructor(private readonly mode: StreamingMode, windowMs: number, private readonly publish: Publish) {
    this.batcher = new DeltaBatcher(windowMs, (text) => this.emit(text));
  }

  /** New answer text. Partial mode sends it within the window, block mode per paragraph, progress mode at the end. */
  append(text: string): void {
    this.received += text;
    if (this.mode === 'progress') return;
    this.setStatus('');
    if (this.mode === 'block') {
      this.batcher.push(text, false);
      this.batcher.flushBlocks();
    } else {
      this.batcher.push(text);
    }
  }

  /** The gateway replaced the text: viewers refetch the snapshot. */
  replace(text: string): void {
    this.batcher.dispose();
    this.received = text;
    this.sent = text;
    this.seq++;
    this.publish(WS_RESET, { seq: this.seq });
  }

  setStatus(status: string): void {
    if (status === this.status) return;
    this.batcher.flush();
    this.status = status;
    this.publish(WS_STATUS, { seq: this.seq, status });
  }

  /** Sends whatever waits; then brings the viewers to `answer` (a delta when it continues, a reset when not). */
  settle(answer: string): void {
    this.batcher.flush();
    if (this.status) this.setStatus('');
    if (answer === this.sent) return;
    if (answer.startsWith(this.sent)) this.emit(answer.slice(this.sent.length));
    else this.replace(answer);
  }

  dispose(): void {
    this.batcher.dispose();
  }

  private emit(text: string): void {
    this.seq++;
    this.sent += text;
    this.publish(WS_DELTA, { seq: this.seq, text });
  }
}
