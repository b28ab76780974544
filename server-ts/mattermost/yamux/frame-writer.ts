// Serialises frames onto the socket. Each frame (header + payload) is written in
// one synchronous step, so frames from different streams never interleave.

import type { Duplex } from 'node:stream';
import { HEADER_SIZE, type FrameType } from './constants';
import { encodeHeader, writeHeader } from './frame';

/** Payloads up to this size are copied behind their header; bigger ones go out by writev. */
const COPY_LIMIT = 4096;

export class FrameWriter {
  private closed = false;
  private drainWaiters: Array<() => void> = [];

  constructor(private readonly socket: Duplex) {
    socket.on('drain', () => this.releaseWaiters());
  }

  /**
   * Write one frame. Returns true when the socket's buffer is full and the
   * caller should await whenWritable() before sending more bulk data. Control
   * frames ignore that: they are tiny and must not wait behind data.
   */
  send(type: FrameType, flags: number, streamId: number, length: number, payload?: Buffer): boolean {
    if (this.closed || this.socket.writableEnded || this.socket.destroyed) return false;
    if (payload === undefined || payload.length === 0) {
      return !this.socket.write(encodeHeader(type, flags, streamId, length));
    }
    if (payload.length <= COPY_LIMIT) {
      // One buffer, one write: cheaper than cork/uncork, which queues two write requests and
      // hands Node's writev a fresh array each time, for every small RPC message.
      const frame = Buffer.allocUnsafe(HEADER_SIZE + payload.length);
      writeHeader(frame, type, flags, streamId, length);
      payload.copy(frame, HEADER_SIZE);
      return !this.socket.write(frame);
    }
    const header = encodeHeader(type, flags, streamId, length);
    // cork/uncork lets net.Socket emit header and payload with one writev.
    this.socket.cork();
    this.socket.write(header);
    const ok = this.socket.write(payload);
    this.socket.uncork();
    return !ok;
  }

  /** Resolves once the socket accepts more data (or can never again). */
  whenWritable(): Promise<void> {
    if (this.closed || !this.socket.writableNeedDrain) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  /** Stop writing; wake bulk writers so they notice the session is gone. */
  close(): void {
    this.closed = true;
    this.releaseWaiters();
  }

  private releaseWaiters(): void {
    const waiters = this.drainWaiters;
    this.drainWaiters = [];
    for (const wake of waiters) wake();
  }
}
