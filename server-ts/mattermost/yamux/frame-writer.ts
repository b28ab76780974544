// Serialises frames onto the socket. Each frame (header + payload) is written in
// one synchronous step, so frames from different streams never interleave.

import type { Duplex } from 'node:stream';
import type { FrameType } from './constants';
import { encodeHeader } from './frame';

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
    const header = encodeHeader(type, flags, streamId, length);
    if (payload === undefined || payload.length === 0) {
      return !this.socket.write(header);
    }
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
