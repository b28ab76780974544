// The model's reasoning for one reply, kept apart from the answer. Whether viewers see it is the
// session's choice (`/reasoning on`), known only once the gateway answers: until then it is kept,
// then sent in the deltas' coalescing window as `{from, text}` pieces (`from`: the reasoning's
// length before the piece), so a viewer applies each piece once and spots a gap.
import { DeltaBatcher } from './batcher';
import { REASONING_CAP, WS_REASONING } from './post-type';
import type { Publish } from './live-text';

export class LiveReasoning {
  /** All reasoning received so far. */
  received = '';
  /** What viewers have been sent. */
  sent = '';
  private shown: boolean | undefined;
  private readonly batcher: DeltaBatcher;

  /** `live` false (progress mode): nothing is sent while the run goes on; the final post keeps it. */
  constructor(private readonly live: boolean, windowMs: number, private readonly publish: Publish) {
    this.batcher = new DeltaBatcher(windowMs, (text) => this.emit(text));
  }

  /** The session's setting arrived; what came before it is sent now. */
  decide(shown: boolean): void {
    if (this.shown !== undefined) return;
    this.shown = shown;
    if (shown && this.live) this.batcher.push(this.received);
  }

  /** More reasoning, continuing what came before. */
  append(piece: string): void {
    this.received += piece;
    if (this.shown && this.live) this.batcher.push(piece);
  }

  /** The reasoning was rewritten, not continued: viewers start over from offset 0. */
  replace(text: string): void {
    this.received = text;
    if (!this.shown || !this.live) return;
    this.batcher.flush();
    this.sent = '';
    this.batcher.push(text);
  }

  flush(): void {
    this.batcher.flush();
  }

  dispose(): void {
    this.batcher.dispose();
  }

  /** What the final post keeps: the reasoning when the session shows it, capped. */
  get stored(): string | undefined {
    if (!this.shown || !this.received.trim()) return undefined;
    return this.received.length > REASONING_CAP ? `${this.received.slice(0, REASONING_CAP - 1)}…` : this.received;
  }

  private emit(text: string): void {
    const from = this.sent.length;
    this.sent += text;
    this.publish(WS_REASONING, { from, text });
  }
}
