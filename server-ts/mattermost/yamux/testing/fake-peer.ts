// Test double for the Mattermost host: the other end of an in-memory duplex
// pair, speaking raw frames so tests can script exact wire behaviour.

import { duplexPair, type Duplex } from 'node:stream';
import { Flag, FrameType, INITIAL_STREAM_WINDOW } from '../constants';
import { encodeHeader, type FrameHeader } from '../frame';
import { FrameReader } from '../frame-reader';
import { YamuxSession } from '../session';
import type { YamuxConfig } from '../constants';

export interface Frame extends FrameHeader {
  payload?: Buffer;
}

export class FakePeer {
  readonly frames: Frame[] = [];
  private cursor = 0;
  private waiters: Array<() => void> = [];
  private readonly reader = new FrameReader((h, p) => this.record({ ...h, payload: p }), 16 * 1024 * 1024);
  // Barrier pings count down from the top so they never collide with a test's own ping values.
  private barrierValue = 0xffffffff;
  ended = false;

  constructor(readonly socket: Duplex) {
    socket.on('data', (chunk: Buffer) => this.reader.push(chunk));
    socket.on('end', () => {
      this.ended = true;
      this.wake();
    });
    socket.on('error', () => undefined);
  }

  static create(options?: Partial<YamuxConfig>): { session: YamuxSession; peer: FakePeer } {
    const [ours, theirs] = duplexPair();
    return { session: new YamuxSession(ours, options), peer: new FakePeer(theirs) };
  }

  send(type: number, flags: number, streamId: number, length: number, payload?: Buffer): void {
    this.socket.write(encodeHeader(type as FrameType, flags, streamId, length));
    if (payload) this.socket.write(payload);
  }

  sendRaw(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  openStream(id: number): void {
    this.send(FrameType.WindowUpdate, Flag.SYN, id, 0);
  }

  sendData(id: number, payload: Buffer, flags = 0): void {
    this.send(FrameType.Data, flags, id, payload.length, payload);
  }

  // Waits give up after 5 s: only a broken session takes that long, not a loaded CI machine.

  /** Next frame (after those already consumed) matching the predicate. */
  async next(match: (f: Frame) => boolean = () => true, timeoutMs = 5_000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      while (this.cursor < this.frames.length) {
        const f = this.frames[this.cursor++];
        if (match(f)) return f;
      }
      if (Date.now() > deadline) throw new Error('FakePeer: timed out waiting for frame');
      await this.arrival();
    }
  }

  /**
   * Waits until cond() holds: re-checked whenever a frame arrives, and every 20 ms for state
   * outside the peer (a stream's buffer, an event flag). Frames are not consumed.
   */
  async until(cond: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!cond()) {
      if (Date.now() > deadline) throw new Error(`FakePeer: timed out waiting until ${what}`);
      await this.arrival();
    }
  }

  /**
   * Barrier instead of a sleep: sends a Ping and waits for its answer. The session handles frames
   * in order and answers a Ping at once, so when the answer is here it has handled everything sent
   * before it and written what it had to say about it; a test can then assert that something did
   * not happen. Frames are not consumed.
   */
  async roundTrip(): Promise<void> {
    const value = this.barrierValue--;
    const from = this.frames.length;
    this.send(FrameType.Ping, Flag.SYN, 0, value);
    const answered = () => this.frames.slice(from).some((f) => f.type === FrameType.Ping && f.flags === Flag.ACK && f.length === value);
    await this.until(answered, `the session answers barrier ping ${value}`);
  }

  private arrival(maxWaitMs = 20): Promise<void> {
    return new Promise<void>((resolve) => {
      const t = setTimeout(resolve, maxWaitMs);
      this.waiters.push(() => {
        clearTimeout(t);
        resolve();
      });
    });
  }

  /** Total Data bytes received on a stream so far. */
  dataBytes(streamId: number): number {
    return this.frames
      .filter((f) => f.type === FrameType.Data && f.streamId === streamId)
      .reduce((n, f) => n + f.length, 0);
  }

  windowGranted(streamId: number): number {
    return this.frames
      .filter((f) => f.type === FrameType.WindowUpdate && f.streamId === streamId)
      .reduce((n, f) => n + f.length, INITIAL_STREAM_WINDOW);
  }

  private record(f: Frame): void {
    this.frames.push(f);
    this.wake();
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const fn of w) fn();
  }
}

export const tick = (ms = 0): Promise<void> => new Promise((r) => setTimeout(r, ms));
