// Go net/rpc server over one stream. Each request runs concurrently and replies by Seq;
// error texts match Go's exactly because Mattermost probes features by them.
import type { Duplex } from 'node:stream';
import type { GobType, GobValue } from '../gob';
import { GobStream } from './gob-stream';
import { GobError, GobValueError } from '../gob/errors';
import { asHeader, EmptyStructType, ResponseHeaderType, type RequestHeader } from './frames';

export interface RpcMethod {
  /** Gob type of the reply value. */
  reply: GobType;
  /** The reply value, or a promise of it. */
  handle(args: GobValue): unknown;
}

/** Methods keyed by "Service.Method". */
export type RpcMethods = Record<string, RpcMethod>;

export class RpcServer {
  private readonly gob: GobStream;

  /**
   * `onBroken` hears of a stream given up on because its bytes made no sense: every later
   * call on it fails, so its owner decides what that means (the hooks stream: restart).
   */
  constructor(
    stream: Duplex,
    private readonly methods: RpcMethods,
    private readonly onFault?: (err: Error) => void,
    onBroken?: (err: Error) => void,
  ) {
    this.gob = new GobStream(stream);
    this.gob.onClose((err) => {
      if (!(err instanceof GobError)) return;
      const closed = new Error(`connection closed: ${err.message}`);
      onFault?.(closed);
      onBroken?.(closed);
    });
    void this.serve();
  }

  get closed(): boolean {
    return this.gob.closed;
  }

  private async serve(): Promise<void> {
    for (;;) {
      let header: RequestHeader;
      try {
        header = asHeader(await this.gob.read());
      } catch (err) {
        // As in Go, a request header that cannot be read ends the connection: without its
        // Seq there is no way to answer, and no telling where the next request starts.
        if (err instanceof GobError) this.gob.abort(err);
        return;
      }
      let args: GobValue;
      try {
        args = await this.gob.read();
      } catch (err) {
        if (!(err instanceof GobValueError)) return;
        // Arguments that cannot be decoded fail only their own request, answered with the
        // decoder's error as Go's server does: a Go client would otherwise wait forever.
        this.onFault?.(new Error(`could not decode the arguments of ${header.ServiceMethod}: ${err.message}`));
        const name = header.ServiceMethod ?? '';
        this.reply(header, this.methods[name] ? err.message : lookupError(name, this.methods));
        continue;
      }
      void this.dispatch(header, args);
    }
  }

  private async dispatch(header: RequestHeader, args: GobValue): Promise<void> {
    const name = header.ServiceMethod ?? '';
    const method = this.methods[name];
    if (!method) return this.reply(header, lookupError(name, this.methods));
    let result: unknown;
    try {
      result = await method.handle(args);
    } catch (err) {
      return this.reply(header, errorText(err));
    }
    this.reply(header, undefined, method.reply, result);
  }

  /**
   * Always answers: Go's client.Call has no timeout, so a request left unanswered hangs the
   * host's hook call for good. A reply that cannot be encoded becomes an error reply.
   */
  private reply(header: RequestHeader, error?: string, type: GobType = EmptyStructType, body: unknown = {}): void {
    if (this.gob.closed) return;
    const response = { ServiceMethod: header.ServiceMethod ?? '', Seq: header.Seq ?? 0, Error: error ?? '' };
    try {
      this.gob.write([[ResponseHeaderType, response], error ? [EmptyStructType, {}] : [type, body]]);
    } catch (err) {
      this.onFault?.(err as Error);
      if (!error) this.reply(header, `plugin could not encode the reply to ${response.ServiceMethod}: ${errorText(err)}`);
    }
  }
}

function errorText(err: unknown): string {
  const message = (err as Error | null | undefined)?.message;
  return typeof message === 'string' && message ? message : String(err);
}

function lookupError(name: string, methods: RpcMethods): string {
  const dot = name.lastIndexOf('.');
  if (dot < 0) return `rpc: service/method request ill-formed: ${name}`;
  const service = name.slice(0, dot + 1);
  const known = Object.keys(methods).some((m) => m.startsWith(service));
  return known ? `rpc: can't find method ${name}` : `rpc: can't find service ${name}`;
}
