// A buffered PluginResponse, flushed over the host's response-writer RPC in the order Go's
// own writer uses: SyncHeader → WriteHeader → SyncHeader → one Write.
import { t } from '../gob';
import type { RpcClient } from '../netrpc/client';
import { HttpHeaderType } from '../model/misc';
import { canonicalHeaderName } from './http-request';
import type { PluginResponse } from './http-types';

export class BufferedResponse implements PluginResponse {
  private code = 200;
  private readonly headers: Record<string, string[]> = {};
  private body: Uint8Array = new Uint8Array(0);
  private ended = false;

  status(code: number): this {
    if (!this.ended) this.code = code;
    return this;
  }

  setHeader(name: string, value: string): this {
    if (!this.ended) this.headers[canonicalHeaderName(name)] = [value];
    return this;
  }

  end(body?: string | Uint8Array): void {
    if (this.ended) return;
    this.ended = true;
    if (body !== undefined) this.body = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  }

  json(code: number, value: unknown): void {
    this.status(code).setHeader('Content-Type', 'application/json');
    this.end(JSON.stringify(value));
  }

  /** Discards whatever the handler wrote (it failed half-way) and answers with an error instead. */
  replaceWith(code: number, value: unknown): void {
    this.ended = false;
    for (const name of Object.keys(this.headers)) delete this.headers[name];
    this.json(code, value);
  }

  get finished(): boolean {
    return this.ended;
  }

  /** Sends everything to the host; must complete before we reply to Plugin.ServeHTTP. */
  async flush(writer: RpcClient): Promise<void> {
    await writer.call('Plugin.SyncHeader', HttpHeaderType, this.headers);
    await writer.call('Plugin.WriteHeader', t.int, this.code);
    if (this.body.length > 0) {
      await writer.call('Plugin.SyncHeader', HttpHeaderType, this.headers);
      await writer.call('Plugin.Write', t.bytes, this.body);
    }
  }
}
