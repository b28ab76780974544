// Push-based gob stream decoder: one instance per stream direction, because type definitions
// are only valid on the stream that carried them.
import { GobError, GobValueError, NEED_MORE } from './errors';
import { receiveType } from './decode-interface';
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
  private readonly reader = new Reader(this.buf);
  private readonly values: ValueDecoder;
  private failure: GobError | undefined;

  /** `maxDepth` (containers nested in one value) is only lowered by tests. */
  constructor(options: { maxDepth?: number } = {}) {
    this.values = new ValueDecoder(this.reader, this.types, options.maxDepth);
  }

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

  /**
   * The next complete value, or undefined until more bytes arrive. Throws a GobValueError for
   * a value that could not be decoded but was skipped (call again for the next one), and any
   * other GobError when the stream is unusable (every later call throws it again).
   */
  next(): { value: GobValue } | undefined {
    if (this.failure) throw this.failure;
    try {
      return this.nextValue();
    } catch (e) {
      if (e === NEED_MORE) return undefined;
      if (e instanceof GobValueError) throw e;
      this.failure =
        e instanceof GobError ? e
        : e instanceof RangeError ? new GobError(`decoder stack exhausted: ${e.message}`)
        : undefined;
      throw this.failure ?? e;
    }
  }

  private nextValue(): { value: GobValue } | undefined {
    const r = this.reader;
    for (;;) {
      const frame = readFrame(this.buf, this.start, this.filled);
      if (!frame) return undefined;
      r.buf = this.buf;
      r.pos = frame.bodyStart;
      r.end = frame.bodyEnd;
      const id = r.readInt();
      if (typeof id !== 'number' || id < 0) {
        receiveType(r, this.types, id);
        if (r.pos < r.end) throw new GobError('extra data in buffer');
        this.start = frame.bodyEnd;
        continue;
      }
      // The value may reach into messages that have not arrived; until it completes, the
      // definitions it carried stay provisional and the input position stays put.
      this.values.limit = this.filled;
      this.types.begin();
      let value: GobValue;
      try {
        value = this.values.decodeTopLevel(id);
      } catch (e) {
        this.types.rollback();
        throw e === NEED_MORE ? e : this.skipIfSafe(id, frame.bodyEnd, e);
      }
      this.types.commit();
      // Bytes left in the final message are dropped, as Go resets its buffer per value.
      this.start = r.end;
      this.compactIfIdle();
      return { value };
    }
  }

  // A value that cannot be decoded fails alone only when we know where it ends and that it
  // defined no types. A value that may hold interfaces gives no such certainty: Go's encoder
  // writes the definitions of types first met inside an interface into the middle of the
  // value, flushing the message there, so the bytes we could not read may define types that
  // later values use (the sender never repeats a definition), and the value may go on in
  // later messages that would be misread as new values. Go itself drops the rest of the
  // message and carries on, leaving its decoder "in an undefined state"; for net/rpc that can
  // pair every later header with the wrong body and answer the wrong Seq, so such a failure
  // ends the stream instead. A value whose type graph is fully known and interface-free
  // lies in exactly one message and defines nothing, so skipping that message is exact.
  // (A correct Go sender causes neither: this guards against our own limits and defects.)
  private skipIfSafe(id: number, end: number, e: unknown): unknown {
    if (!(e instanceof GobError) || this.types.mayHoldInterfaces(id)) return e;
    this.start = end;
    this.compactIfIdle();
    return new GobValueError(e.message);
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
