// One gob encoder and one gob decoder per stream direction, as Go's net/rpc codec keeps them:
// type definitions are sent once per stream, so both must live exactly as long as the stream.
import type { Duplex } from 'node:stream';
import { GobDecoder, GobEncoder, type GobType, type GobValue } from '../gob';

export class GobStream {
  private readonly encoder = new GobEncoder();
  private readonly decoder = new GobDecoder();
  private readonly readers: Array<{ resolve: (v: GobValue) => void; reject: (e: Error) => void }> = [];
  private readonly ready: GobValue[] = [];
  private failure: Error | undefined;
  private readonly closeListeners: Array<(err: Error) => void> = [];

  constructor(readonly stream: Duplex) {
    stream.on('data', (chunk: Buffer) => this.onData(chunk));
    stream.on('end', () => this.fail(new Error('stream closed by peer')));
    stream.on('close', () => this.fail(new Error('stream closed')));
    stream.on('error', (err) => this.fail(err));
  }

  /**
   * Encodes values and writes them in one write call so header and body stay contiguous.
   * All or nothing: if one value cannot be encoded, nothing is written or recorded as sent.
   */
  write(parts: Array<[GobType, unknown]>): void {
    if (this.failure) throw this.failure;
    this.stream.write(this.encoder.encodeAll(parts));
  }

  /** Resolves with the next decoded value; rejects once the stream is gone. */
  read(): Promise<GobValue> {
    if (this.ready.length > 0) return Promise.resolve(this.ready.shift() as GobValue);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.readers.push({ resolve, reject }));
  }

  onClose(listener: (err: Error) => void): void {
    if (this.failure) listener(this.failure);
    else this.closeListeners.push(listener);
  }

  close(): void {
    this.stream.end();
  }

  get closed(): boolean {
    return this.failure !== undefined;
  }

  private onData(chunk: Buffer): void {
    try {
      this.decoder.push(chunk);
      for (let next = this.decoder.next(); next; next = this.decoder.next()) this.deliver(next.value);
    } catch (err) {
      // A gob desync cannot be recovered on this stream (Go also abandons the codec).
      this.fail(err as Error);
      this.stream.destroy();
    }
  }

  private deliver(value: GobValue): void {
    const reader = this.readers.shift();
    if (reader) {
      reader.resolve(value);
    } else {
      this.ready.push(value);
    }
  }

  private fail(err: Error): void {
    if (this.failure) return;
    this.failure = err;
    for (const reader of this.readers.splice(0)) reader.reject(err);
    for (const listener of this.closeListeners.splice(0)) listener(err);
  }
}
