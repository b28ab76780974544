// Go net/rpc client over one stream: concurrent calls matched by Seq, a body always read.
import type { Duplex } from 'node:stream';
import type { GobType, GobValue } from '../gob';
import { GobStream } from './gob-stream';
import { GobError, GobValueError } from '../gob/errors';
import { asHeader, RequestHeaderType, seqKey, type ResponseHeader } from './frames';

export class RpcError extends Error {
  constructor(readonly method: string, message: string) {
    super(message);
    this.name = 'RpcError';
  }
}

interface Pending { method: string; resolve: (v: GobValue) => void; reject: (e: Error) => void }

export class RpcClient {
  private readonly gob: GobStream;
  private seq = 0;
  private readonly pending = new Map<string, Pending>();

  constructor(stream: Duplex) {
    this.gob = new GobStream(stream);
    this.gob.onClose((err) => this.failAll(err));
    void this.readLoop();
  }

  /** Calls `Service.Method`; resolves with the decoded reply value. */
  call(method: string, argsType: GobType, args: unknown): Promise<GobValue> {
    if (this.gob.closed) return Promise.reject(new RpcError(method, 'connection is shut down'));
    const seq = this.seq++;
    const key = seqKey(seq);
    return new Promise((resolve, reject) => {
      this.pending.set(key, { method, resolve, reject });
      try {
        this.gob.write([[RequestHeaderType, { ServiceMethod: method, Seq: seq }], [argsType, args]]);
      } catch (err) {
        this.pending.delete(key);
        reject(err instanceof Error ? err : new Error(`net/rpc: could not send ${method}`, { cause: err }));
      }
    });
  }

  close(): void {
    this.gob.close();
  }

  private async readLoop(): Promise<void> {
    for (;;) {
      let header: ResponseHeader;
      try {
        header = asHeader(await this.gob.read());
      } catch (err) {
        // As in Go's client, a response header that cannot be read shuts the connection down
        // (failAll runs through onClose); a closed stream already did.
        if (err instanceof GobError) this.gob.abort(err);
        return;
      }
      let body: GobValue = null;
      let bodyError: GobValueError | undefined;
      try {
        body = await this.gob.read();
      } catch (err) {
        if (!(err instanceof GobValueError)) return;
        // Fails only this call, with Go's wording. Go's client shuts down after such an error,
        // as its decoder may have lost its place; ours skipped exactly that value (see
        // GobDecoder.skipIfSafe), so the stream is still in step.
        bodyError = err;
      }
      const key = seqKey(header.Seq);
      const call = this.pending.get(key);
      if (!call) continue; // a reply for a call we gave up on
      this.pending.delete(key);
      if (header.Error) call.reject(new RpcError(call.method, header.Error));
      else if (bodyError) call.reject(new RpcError(call.method, `reading body ${bodyError.message}`));
      else call.resolve(body);
    }
  }

  private failAll(err: Error): void {
    for (const call of this.pending.values()) call.reject(new RpcError(call.method, `connection is shut down: ${err.message}`));
    this.pending.clear();
  }
}
