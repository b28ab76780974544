// An in-memory KV store with Mattermost's compare-and-set and expiry semantics, for tests.
import type { KvPort, KvSetOptions } from '../kv';

const same = (a: Uint8Array | undefined | null, b: Uint8Array | undefined | null) =>
  (a == null && b == null) || (a != null && b != null && Buffer.from(a).equals(Buffer.from(b)));

export class FakeKv implements KvPort {
  readonly data = new Map<string, { value: Uint8Array; expireAt: number }>();
  calls = 0;
  now = () => Date.now();

  private live(key: string): Uint8Array | undefined {
    const e = this.data.get(key);
    if (!e) return undefined;
    if (e.expireAt && e.expireAt <= this.now()) {
      this.data.delete(key);
      return undefined;
    }
    return e.value;
  }

  kvGet(key: string): Promise<Uint8Array | undefined> {
    this.calls++;
    return Promise.resolve(this.live(key));
  }

  kvSet(key: string, value: Uint8Array): Promise<void> {
    this.calls++;
    this.data.set(key, { value, expireAt: 0 });
    return Promise.resolve();
  }

  kvSetWithOptions(key: string, value: Uint8Array | null, o: KvSetOptions): Promise<boolean> {
    this.calls++;
    const current = this.live(key);
    if (o.Atomic && !same(current, o.OldValue?.length ? o.OldValue : null)) return Promise.resolve(false);
    if (value === null) this.data.delete(key);
    else this.data.set(key, { value, expireAt: o.ExpireInSeconds ? this.now() + o.ExpireInSeconds * 1000 : 0 });
    return Promise.resolve(true);
  }

  kvDelete(key: string): Promise<void> {
    this.calls++;
    this.data.delete(key);
    return Promise.resolve();
  }

  /** Keys in insertion order, a page at a time (as KVList pages them). */
  kvList(page: number, perPage: number): Promise<string[]> {
    this.calls++;
    return Promise.resolve([...this.data.keys()].slice(page * perPage, (page + 1) * perPage));
  }

  json(key: string): unknown {
    const v = this.live(key);
    return v ? JSON.parse(Buffer.from(v).toString('utf8')) : undefined;
  }
}
