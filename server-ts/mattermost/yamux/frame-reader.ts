// Incremental frame parser: socket chunks in, whole frames out. A chunk may hold
// a fraction of a header, many frames, or end mid-payload; state carries over.

import { FrameType, HEADER_SIZE } from './constants';
import { YamuxProtocolError } from './errors';
import { decodeHeader, type FrameHeader } from './frame';

export type FrameHandler = (header: FrameHeader, payload: Buffer | undefined) => void;

export class FrameReader {
  private readonly head = Buffer.alloc(HEADER_SIZE);
  private headFill = 0;
  /** Header of a Data frame whose payload is still arriving. */
  private current: FrameHeader | undefined;
  private parts: Buffer[] = [];
  private partsLength = 0;
  private failure: YamuxProtocolError | undefined;

  constructor(
    private readonly onFrame: FrameHandler,
    private readonly maxDataLength: number,
  ) {}

  /** Bytes of an incomplete frame held back; non-zero at EOF means truncation. */
  get pendingBytes(): number {
    return this.headFill + this.partsLength;
  }

  /**
   * Feed one chunk. Throws YamuxProtocolError on malformed input (and keeps
   * throwing it afterwards: the byte stream cannot be resynchronised).
   */
  push(chunk: Buffer): void {
    if (this.failure) throw this.failure;
    try {
      this.consume(chunk);
    } catch (err) {
      if (err instanceof YamuxProtocolError) this.failure = err;
      throw err;
    }
  }

  private consume(chunk: Buffer): void {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.current === undefined) {
        const n = Math.min(HEADER_SIZE - this.headFill, chunk.length - offset);
        chunk.copy(this.head, this.headFill, offset, offset + n);
        this.headFill += n;
        offset += n;
        if (this.headFill < HEADER_SIZE) return;
        this.headFill = 0;
        const header = decodeHeader(this.head, this.maxDataLength);
        if (header.type === FrameType.Data && header.length > 0) {
          this.current = header;
        } else {
          this.onFrame(header, undefined);
        }
        continue;
      }
      const want = this.current.length - this.partsLength;
      const n = Math.min(want, chunk.length - offset);
      // Views, not copies: socket chunks are never reused by Node.
      this.parts.push(chunk.subarray(offset, offset + n));
      this.partsLength += n;
      offset += n;
      if (this.partsLength < this.current.length) return;
      const header = this.current;
      const payload = this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts, this.partsLength);
      this.current = undefined;
      this.parts = [];
      this.partsLength = 0;
      this.onFrame(header, payload);
    }
  }

  /** Called at EOF: a partial frame means the peer died mid-write. */
  finish(): void {
    if (this.failure === undefined && this.pendingBytes > 0) {
      this.failure = new YamuxProtocolError('truncated-frame', `connection ended inside a frame (${this.pendingBytes} bytes pending)`);
      throw this.failure;
    }
  }
}
