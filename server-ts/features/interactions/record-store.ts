// One KV record per interactive post we made (an exec approval, an agent question): where
// the post is and what it shows. Created with set-if-absent, so of several cluster nodes
// hearing the same request only one posts it; `claimShown` lets exactly one of the click,
// the gateway's event and the expiry timer edit the post into its decided state.
import type { z } from 'zod';
import { JsonRecord, type KvPort } from '../conversations/kv';

export interface PostedRecord {
  id: string;
  /** Empty while the node that claimed the record is still posting it. */
  postId: string;
  /** Set once the post shows the outcome. */
  shown?: string;
}

export class RecordStore<T extends PostedRecord> {
  constructor(private readonly kv: KvPort, private readonly kind: string, private readonly schema: z.ZodType<T>) {}

  private keyOf(id: string): string {
    return `interactions:${this.kind}:${id.slice(0, 120)}`;
  }

  private record(id: string) {
    return new JsonRecord(this.kv, this.keyOf(id), this.schema.nullable(), () => null);
  }

  async get(id: string): Promise<T | undefined> {
    return (await this.record(id).read()) ?? undefined;
  }

  /** Stores the record unless one exists; false when another node posted it first. */
  async create(rec: T, ttlSeconds: number): Promise<boolean> {
    return this.kv.kvSetWithOptions(this.keyOf(rec.id), new TextEncoder().encode(JSON.stringify(rec)), { Atomic: true, ExpireInSeconds: ttlSeconds });
  }

  async update(id: string, change: (rec: T) => T | undefined): Promise<T | undefined> {
    return (await this.record(id).update((rec) => (rec ? change(rec) : undefined))) ?? undefined;
  }

  /** Marks the record shown as `outcome`; resolves it only for the first caller (and once posted). */
  async claimShown(id: string, outcome: string): Promise<T | undefined> {
    let first = false;
    const rec = await this.update(id, (r) => {
      if (r.shown || !r.postId) return undefined;
      first = true;
      return { ...r, shown: outcome };
    });
    return first ? rec : undefined;
  }
}
