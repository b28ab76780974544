// One gob encoder and one gob decoder per stream direction, as Go's net/rpc codec keeps them:
// type definitions are sent once per stream, so both must live exactly as long as the stream.
import type { Duplex } from 'node:stream';
import { GobDecoder, GobEncoder, type GobType, type GobValue } from '../gob';
import { GobValueError } from '../gob/errors';

// A decoded value, or the reason one value was skipped (the stream itself is fine).
type Item = { value: GobValue; error?: undefined } | { error: GobValueError };

export class GobStream {
  private readonly encoder = new GobEncoder();
  private readonly decoder = new GobDecoder();
  private readonly readers: Array<{ resolve: (v: GobValue) => void; reject: (e: Error) => void }> = [];
  private readonly ready: Item[] = [];
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

  /**
   * Resolves with the next decoded value. Rejects with a GobValueError for a value that could
   * not be decoded and was skipped (the next read gets the value after it), and with the
   * stream's failure once the stream is gone.
   */
  read(): Promise<GobValue> {
    const item = this.ready.shift();
    if (item) return item.error ? Promise.reject(item.error) : Promise.resolve(item.value);
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

  /** Gives up on a stream whose peer can no longer be understood, as Go closes such a codec. */
  abort(err: Error): void {
    this.fail(err);
    this.stream.destroy();
  }

  get closed(): boolean {
    return this.failure !== undefined;
  }

  private onData(chunk: Buffer): void {
    this.decoder.push(chunk);
    for (;;) {
      let item: Item | undefined;
      try {
        item = this.decoder.next();
      } catch (err) {
        if (!(err instanceof GobValueError)) {
          // A gob desync cannot be recovered on this stream (Go also abandons the codec).
          this.abort(err as Error);
          return;
        }
        item = { error: err };
      }
      if (!item) return;
      this.deliver(item);
    }
  }

  private deliver(item: Item): void {
    const reader = this.readers.shift();
    if (!reader) this.ready.push(item);
    else if (item.error) reader.reject(item.error);
    else reader.resolve(item.value);
  }

  private fail(err: Error): void {
    if (this.failure) return;
    this.failure = err;
    for (const reader of this.readers.splice(0)) reader.reject(err);
    for (const listener of this.closeListeners.splice(0)) listener(err);
  }
}
