// Small fakes of the PluginAPI calls the features make, for unit tests. They keep Mattermost's
// observable behaviour where it matters: KV values come back as bytes, whatever was stored.
import type { PluginAPI, PluginRequest, PluginResponse } from '../mattermost/plugin';

type KvApi = Pick<PluginAPI, 'kvGet' | 'kvSet' | 'kvDelete'>;

/** The plugin KV store as bytes in a Map; `dropWrites` plays a store that loses what it is given. */
export class FakeKvApi implements KvApi {
  readonly data = new Map<string, Uint8Array>();
  dropWrites = false;

  kvGet(key: string): Promise<Uint8Array | undefined> {
    return Promise.resolve(this.data.get(key));
  }

  kvSet(key: string, value: Uint8Array | string): Promise<void> {
    if (!this.dropWrites) this.data.set(key, typeof value === 'string' ? Buffer.from(value, 'utf8') : value);
    return Promise.resolve();
  }

  kvDelete(key: string): Promise<void> {
    this.data.delete(key);
    return Promise.resolve();
  }

  /** A stored value parsed as JSON, as a test reads it. */
  json(key: string): unknown {
    const bytes = this.data.get(key);
    return bytes === undefined ? undefined : JSON.parse(Buffer.from(bytes).toString('utf8'));
  }
}

export function fakeRequest(method: string, path: string, userId?: string): PluginRequest {
  return {
    method, path, userId, query: new URLSearchParams(), headers: {},
    header: () => undefined,
    body: () => Promise.resolve(Buffer.alloc(0)),
  };
}

/** A response that records the one JSON answer a route gives. */
export function fakeResponse(): { res: PluginResponse; answers: Array<{ code: number; body: unknown }> } {
  const answers: Array<{ code: number; body: unknown }> = [];
  const res: PluginResponse = {
    status() { return this; },
    setHeader() { return this; },
    end() { answers.push({ code: 200, body: undefined }); },
    json(code, body) { answers.push({ code, body }); },
  };
  return { res, answers };
}
