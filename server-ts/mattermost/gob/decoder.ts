// Push-based gob stream decoder: one instance per stream direction, because type definitions
// are only valid on the stream that carried them.
import { GobError, NEED_MORE } from './errors';
import { ValueDecoder } from './decode-value';
import { readFrame } from './frame';
import { TypeTable } from './type-table';
import type { GobValue } from './values';
import { Reader } from './wire-primitives';

export class GobDecoder {
  private buf: Buffer = Buffer.alloc(0);
  private start = 0; // first unconsumed byte
  private filled = 0; // end of received bytes
  private readonly types = new TypeTable();
  private failure: GobError | undefined;

  push(chunk: Uint8Array): void {
    if (this.failure || chunk.length === 0) return;
    if (this.filled + chunk.length > this.buf.length) this.makeRoom(chunk.length);
    this.buf.set(chunk, this.filled);
    this.filled += chunk.length;
  }

  // Number of received bytes not yet consumed by next().
  get buffered(): number {
    return this.filled - this.start;
  }

  next(): { value: GobValue } | undefined {
    if (this.failure) throw this.failure;
    try {
      return this.nextValue();
    } catch (e) {
      if (e === NEED_MORE) return undefined;
      this.failure =
        e instanceof GobError ? e
        : e instanceof RangeError ? new GobError(`decoder stack exhausted: ${e.message}`)
        : undefined;
      throw this.failure ?? e;
    }
  }

  private nextValue(): { value: GobValue } | undefined {
    for (;;) {
      const frame = readFrame(this.buf, this.start, this.filled);
      if (!frame) return undefined;
      const r = new Reader(this.buf, frame.bodyStart, frame.bodyEnd);
      const vd = new ValueDecoder(r, this.types, this.filled);
      const id = r.readInt();
      if (typeof id !== 'number' || id < 0) {
        vd.receiveType(id);
        if (r.pos < r.end) throw new GobError('extra data in buffer');
        this.start = frame.bodyEnd;
        continue;
      }
      // The value may reach into messages that have not arrived; until it completes, the
      // definitions it carried stay provisional and the input position stays put.
      this.types.begin();
      let value: GobValue;
      try {
        value = vd.decodeTopLevel(id);
      } catch (e) {
        this.types.rollback();
        throw e;
      }
      this.types.commit();
      // Bytes left in the final message are dropped, as Go resets its buffer per value.
      this.start = r.end;
      this.compactIfIdle();
      return { value };
    }
  }

  private makeRoom(extra: number): void {
    const live = this.filled - this.start;
    const need = live + extra;
    if (need <= this.buf.length) {
      this.buf.copy(this.buf, 0, this.start, this.filled);
    } else {
      const next = Buffer.allocUnsafe(Math.max(need, this.buf.length * 2, 4096));
      this.buf.copy(next, 0, this.start, this.filled);
      this.buf = next;
    }
    this.start = 0;
    this.filled = live;
  }

  private compactIfIdle(): void {
    if (this.start === this.filled) {
      this.start = 0;
      this.filled = 0;
      // Do not keep a buffer sized for one exceptional message around forever.
      if (this.buf.length > 1 << 20) this.buf = Buffer.alloc(0);
    }
  }
}
