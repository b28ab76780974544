// A yamux session in the SERVER role: the Mattermost host is the yamux client
// and opens odd stream ids; streams we open get even ids.

import { EventEmitter } from 'node:events';
import type { Duplex } from 'node:stream';
import { AsyncQueue } from './async-queue';
import { Flag, FrameType, GoAwayCode, resolveConfig, type YamuxConfig } from './constants';
import { YamuxProtocolError, YamuxSessionClosedError } from './errors';
import type { FrameHeader } from './frame';
import { FrameReader } from './frame-reader';
import { FrameWriter } from './frame-writer';
import { PingTracker } from './ping-tracker';
import { YamuxStream, type StreamHost } from './stream';

const MAX_STREAM_ID = 0xffffffff;

export interface YamuxSessionEvents {
  /** The session ended (socket gone, GoAway error, protocol error, or close()). */
  close: [err: Error | undefined];
}

export class YamuxSession extends EventEmitter<YamuxSessionEvents> {
  /** Resolves once, when the session ends: undefined for an orderly end, else the cause. */
  readonly closed: Promise<Error | undefined>;
  private resolveClosed!: (err: Error | undefined) => void;
  private ended = false;
  private readonly config: YamuxConfig;
  private readonly reader: FrameReader;
  private readonly writer: FrameWriter;
  private readonly streams = new Map<number, YamuxStream>();
  private readonly acceptQueue = new AsyncQueue<YamuxStream>();
  private readonly pings: PingTracker;
  private readonly host: StreamHost;
  private nextStreamId = 2;
  private remoteGoAway = false;

  constructor(
    private readonly socket: Duplex,
    options?: Partial<YamuxConfig>,
  ) {
    super();
    this.config = resolveConfig(options);
    this.closed = new Promise((resolve) => (this.resolveClosed = resolve));
    this.writer = new FrameWriter(socket);
    this.reader = new FrameReader((h, p) => this.onFrame(h, p), this.config.maxStreamWindowSize);
    this.pings = new PingTracker((value) => this.writer.send(FrameType.Ping, Flag.SYN, 0, value));
    this.host = {
      config: this.config,
      sendFrame: (type, flags, id, length, payload) => this.writer.send(type, flags, id, length, payload),
      whenWritable: () => this.writer.whenWritable(),
      forget: (id) => this.streams.delete(id),
    };
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('end', () => this.onEnd());
    socket.on('error', (err) => this.onSocketError(err));
    socket.on('close', () => this.terminate(undefined));
  }

  /** Number of live streams (diagnostics and tests). */
  get streamCount(): number {
    return this.streams.size;
  }

  get isClosed(): boolean {
    return this.ended;
  }

  /** Next stream the peer opened, in the order the peer opened them. */
  accept(): Promise<YamuxStream> {
    return this.acceptQueue.take();
  }

  /** Open a stream. Resolves once the SYN is queued on the socket; like Go, does not wait for the ACK. */
  async open(): Promise<YamuxStream> {
    if (this.ended) throw new YamuxSessionClosedError();
    if (this.remoteGoAway) throw new Error('yamux: remote end is not accepting connections (go away received)');
    if (this.nextStreamId > MAX_STREAM_ID) throw new Error('yamux: stream ids exhausted');
    const id = this.nextStreamId;
    this.nextStreamId += 2;
    const stream = new YamuxStream(this.host, id, false);
    this.streams.set(id, stream);
    this.writer.send(FrameType.WindowUpdate, Flag.SYN, id, 0);
    // The host kills the session on an unACKed open; we mirror that so callers fail fast.
    const timer = setTimeout(() => {
      if (!stream.isEstablished && !stream.destroyed && !this.ended) {
        this.fail(new Error(`yamux: stream ${id} open timed out (no ACK)`), GoAwayCode.InternalError);
      }
    }, this.config.streamOpenTimeoutMs);
    timer.unref();
    return stream;
  }

  /** Round-trip time of a ping to the peer, in milliseconds (the host answers pings too). */
  ping(timeoutMs = 10_000): Promise<number> {
    if (this.ended) return Promise.reject(new YamuxSessionClosedError());
    return this.pings.ping(timeoutMs);
  }

  /** Orderly shutdown: GoAway(normal), end the socket, fail everything still open. */
  async close(): Promise<void> {
    if (this.ended) return;
    this.writer.send(FrameType.GoAway, 0, 0, GoAwayCode.Normal);
    this.terminate(undefined);
    await this.closed;
  }

  private onData(chunk: Buffer): void {
    if (this.ended) return;
    try {
      this.reader.push(chunk);
    } catch (err) {
      this.fail(err as Error, GoAwayCode.ProtocolError);
    }
  }

  private onEnd(): void {
    try {
      this.reader.finish();
      this.terminate(undefined);
    } catch (err) {
      this.terminate(err as Error);
    }
  }

  private onSocketError(err: NodeJS.ErrnoException): void {
    // The host hangs up with our last frames (FINs, window updates) still in
    // flight, so a write may fail before we read its EOF. Like Go's recvLoop,
    // a reset between frames counts as the peer leaving, not as a failure.
    const hangUp = err.code === 'EPIPE' || err.code === 'ECONNRESET';
    this.terminate(hangUp && this.reader.pendingBytes === 0 ? undefined : err);
  }

  private onFrame(header: FrameHeader, payload: Buffer | undefined): void {
    // Frames after a fatal one in the same chunk belong to a dead session.
    if (this.ended) return;
    switch (header.type) {
      case FrameType.Ping:
        if (header.flags & Flag.SYN) this.writer.send(FrameType.Ping, Flag.ACK, 0, header.length);
        else if (header.flags & Flag.ACK) this.pings.answered(header.length);
        return;
      case FrameType.GoAway:
        if (header.length === GoAwayCode.Normal) {
          this.remoteGoAway = true;
          return;
        }
        // The peer already gave up on the session; answering with our own GoAway is pointless.
        this.terminate(new YamuxProtocolError('remote-go-away', `peer sent go away with code ${header.length}`));
        return;
      default:
        this.onStreamFrame(header, payload);
    }
  }

  private onStreamFrame(header: FrameHeader, payload: Buffer | undefined): void {
    const id = header.streamId;
    if (id === 0) throw new YamuxProtocolError('invalid-stream-id', 'stream frame for stream id 0');
    if (header.flags & Flag.SYN && !this.incomingStream(id)) return;
    const stream = this.streams.get(id);
    // Unknown id: usually a stream we already reset; Go discards these silently too.
    if (stream === undefined) return;
    try {
      stream.handleFrame(header, payload);
    } catch (err) {
      if (err instanceof YamuxProtocolError) throw err;
      // Thrown by application 'data' listeners run synchronously inside push().
      // Keep the session consistent and surface the bug the way Node would.
      process.nextTick(() => {
        throw err;
      });
    }
  }

  /** Register a peer-opened stream and ACK it at once. False if it was refused. */
  private incomingStream(id: number): boolean {
    if (id % 2 === 0) {
      throw new YamuxProtocolError('invalid-stream-id', `peer opened stream ${id} with our (even) parity`);
    }
    if (this.streams.has(id)) {
      throw new YamuxProtocolError('duplicate-stream', `duplicate stream declared: ${id}`);
    }
    if (this.acceptQueue.length >= this.config.acceptBacklog) {
      this.writer.send(FrameType.WindowUpdate, Flag.RST, id, 0);
      return false;
    }
    const stream = new YamuxStream(this.host, id, true);
    this.streams.set(id, stream);
    this.writer.send(FrameType.WindowUpdate, Flag.ACK, id, 0);
    this.acceptQueue.push(stream);
    return true;
  }

  /** Tell the peer why we give up, then end. */
  private fail(err: Error, code: number): void {
    if (this.ended) return;
    this.writer.send(FrameType.GoAway, 0, 0, code);
    this.terminate(err);
  }

  private terminate(err: Error | undefined): void {
    if (this.ended) return;
    this.ended = true;
    this.writer.close();
    const closedErr = new YamuxSessionClosedError(err);
    for (const stream of this.acceptQueue.close(closedErr)) stream.abort(err);
    for (const stream of [...this.streams.values()]) stream.abort(err);
    this.streams.clear();
    this.pings.closeAll(closedErr);
    this.endSocket();
    this.resolveClosed(err);
    this.emit('close', err);
  }

  private endSocket(): void {
    if (this.socket.destroyed) return;
    // end() flushes the GoAway; destroy afterwards (or after a grace period if
    // the peer stops reading) so no handle keeps the process alive.
    const timer = setTimeout(() => this.socket.destroy(), 2_000);
    timer.unref();
    this.socket.end(() => {
      clearTimeout(timer);
      this.socket.destroy();
    });
  }
}
