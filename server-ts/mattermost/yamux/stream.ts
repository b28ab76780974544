// One yamux stream as a Node Duplex. Flow control is mapped onto Node's own
// backpressure: we only grant the peer window for bytes the application has
// taken out of the readable buffer, and _write only completes once the peer's
// window let the bytes out.

import { Duplex } from 'node:stream';
import { Flag, FrameType, INITIAL_STREAM_WINDOW, type YamuxConfig } from './constants';
import { YamuxProtocolError, YamuxSessionClosedError } from './errors';
import type { FrameHeader } from './frame';

/** What a stream needs from its session; kept narrow to avoid a circular import. */
export interface StreamHost {
  readonly config: YamuxConfig;
  /** Returns true when the caller should await whenWritable() before more bulk data. */
  sendFrame(type: FrameType, flags: number, streamId: number, length: number, payload?: Buffer): boolean;
  whenWritable(): Promise<void>;
  /** The stream is finished with (closed both ways, reset or destroyed). */
  forget(streamId: number): void;
}

export class YamuxStream extends Duplex {
  readonly id: number;
  private sendWindow = INITIAL_STREAM_WINDOW;
  private recvWindow = INITIAL_STREAM_WINDOW;
  private established: boolean;
  private localFin = false;
  private remoteFin = false;
  /** No RST must be sent on destroy: peer reset us, or the session is gone. */
  private silent = false;
  private windowWaiter: { resolve: () => void; reject: (err: Error) => void } | undefined;
  private closeTimer: NodeJS.Timeout | undefined;

  /** @internal Created by YamuxSession only. */
  constructor(
    private readonly host: StreamHost,
    id: number,
    established: boolean,
  ) {
    super({ allowHalfOpen: true, writableHighWaterMark: 64 * 1024, readableHighWaterMark: 64 * 1024 });
    this.id = id;
    this.established = established;
  }

  /** True once the peer ACKed our SYN (always true for peer-opened streams). */
  get isEstablished(): boolean {
    return this.established;
  }

  /** @internal Data or WindowUpdate frame addressed to this stream. */
  handleFrame(header: FrameHeader, payload: Buffer | undefined): void {
    if (header.type === FrameType.WindowUpdate) {
      this.sendWindow += header.length;
      if (header.length > 0) this.wakeWriter();
    } else if (header.length > 0 && payload !== undefined) {
      // Go checks the window before reading the payload; the reader has
      // already bounded the size, so checking here is equivalent.
      if (header.length > this.recvWindow) {
        throw new YamuxProtocolError(
          'window-exceeded',
          `receive window exceeded on stream ${this.id} (window ${this.recvWindow}, frame ${header.length})`,
        );
      }
      this.recvWindow -= header.length;
      // Data after the peer's FIN, or after we were destroyed, has nowhere to go.
      if (!this.remoteFin && !this.destroyed) {
        this.push(payload);
        this.grantWindow();
      }
    }
    this.processFlags(header.flags);
  }

  private processFlags(flags: number): void {
    if (flags & Flag.ACK) this.established = true;
    if (flags & Flag.RST) {
      this.silent = true;
      this.destroyQuietly(Object.assign(new Error(`yamux: stream ${this.id} reset by peer`), { code: 'ECONNRESET' }));
      return;
    }
    if (flags & Flag.FIN && !this.remoteFin) {
      this.remoteFin = true;
      this.push(null);
      this.maybeFullyClosed();
    }
  }

  /** @internal The session ended: fail pending I/O without sending anything. */
  abort(reason: Error | undefined): void {
    this.silent = true;
    this.destroyQuietly(new YamuxSessionClosedError(reason));
  }

  /**
   * Errors caused by the peer are only raised on streams somebody listens on:
   * a host resetting a stream still sitting in the accept queue, or the
   * session dying, must not become an uncaught exception that kills the
   * process. Unobserved streams just close.
   */
  private destroyQuietly(err: Error): void {
    if (this.destroyed) return;
    if (this.listenerCount('error') > 0) {
      // Node emits 'error' on a later tick; a listener present now (e.g. a one-shot read
      // helper) may be gone by then, which would make the error uncaught after all.
      this.on('error', ignoreLateError);
      this.destroy(err);
    } else {
      this.destroy();
    }
  }

  override _read(): void {
    this.grantWindow();
  }

  /**
   * Node only calls _read() when its buffer is below the high-water mark and
   * no _read() is outstanding, so it cannot tell us about every consumption.
   * read() can: flowing mode, pipe() and async iteration all go through it.
   */
  override read(size?: number): Buffer | null {
    // Byte stream (no object mode, no setEncoding): Readable.read hands out a Buffer or null.
    const chunk = super.read(size) as Buffer | null;
    if (chunk !== null) this.grantWindow();
    return chunk;
  }

  /**
   * Go's rule: grant (max - buffered) - window once that is at least half the
   * max, so updates stay infrequent while the peer never stalls on a reader
   * that keeps up.
   */
  private grantWindow(): void {
    if (this.remoteFin || this.destroyed) return;
    const max = this.host.config.maxStreamWindowSize;
    const delta = max - this.readableLength - this.recvWindow;
    if (delta < max / 2) return;
    this.recvWindow += delta;
    this.host.sendFrame(FrameType.WindowUpdate, 0, this.id, delta);
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (err?: Error | null) => void): void {
    // Fast path for what RPC traffic is made of: a chunk that fits the window and one frame
    // goes out at once, without the promise and closures of the general path.
    if (!this.destroyed && chunk.length > 0 && chunk.length <= this.sendWindow && chunk.length <= this.host.config.maxFramePayload) {
      const full = this.host.sendFrame(FrameType.Data, 0, this.id, chunk.length, chunk);
      this.sendWindow -= chunk.length;
      if (full) this.host.whenWritable().then(() => callback(), callback);
      else callback();
      return;
    }
    this.writeChunk(chunk).then(() => callback(), callback);
  }

  private async writeChunk(chunk: Buffer): Promise<void> {
    const maxFrame = this.host.config.maxFramePayload;
    let offset = 0;
    while (offset < chunk.length) {
      if (this.destroyed) throw new Error(`yamux: stream ${this.id} destroyed`);
      if (this.sendWindow === 0) {
        await new Promise<void>((resolve, reject) => (this.windowWaiter = { resolve, reject }));
        continue;
      }
      const n = Math.min(chunk.length - offset, this.sendWindow, maxFrame);
      const full = this.host.sendFrame(FrameType.Data, 0, this.id, n, chunk.subarray(offset, offset + n));
      this.sendWindow -= n;
      offset += n;
      // Yielding on a full socket is also what keeps ping replies flowing during bulk writes.
      if (full) await this.host.whenWritable();
    }
  }

  private wakeWriter(): void {
    const waiter = this.windowWaiter;
    this.windowWaiter = undefined;
    waiter?.resolve();
  }

  override _final(callback: (err?: Error | null) => void): void {
    this.localFin = true;
    this.host.sendFrame(FrameType.WindowUpdate, Flag.FIN, this.id, 0);
    if (!this.maybeFullyClosed()) {
      // Like Go: a peer that never FINs back gets a RST eventually, freeing the id.
      this.closeTimer = setTimeout(() => this.destroy(), this.host.config.streamCloseTimeoutMs);
      this.closeTimer.unref();
    }
    callback();
  }

  private maybeFullyClosed(): boolean {
    if (!this.localFin || !this.remoteFin) return false;
    clearTimeout(this.closeTimer);
    this.host.forget(this.id);
    return true;
  }

  override _destroy(err: Error | null, callback: (err?: Error | null) => void): void {
    clearTimeout(this.closeTimer);
    const cleanlyClosed = this.localFin && this.remoteFin;
    if (!cleanlyClosed && !this.silent) {
      this.host.sendFrame(FrameType.WindowUpdate, Flag.RST, this.id, 0);
    }
    this.host.forget(this.id);
    const waiter = this.windowWaiter;
    this.windowWaiter = undefined;
    waiter?.reject(err ?? new Error(`yamux: stream ${this.id} destroyed`));
    callback(err);
  }
}

function ignoreLateError(): void {
  // Deliberately empty: listeners that were attached when the stream died got the error.
}
