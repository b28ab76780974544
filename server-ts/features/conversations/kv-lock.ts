// A cluster-wide lease in the KV store: one node holds it until it stops renewing, then it
// expires by itself (a crashed node never blocks the others for longer than the lease).
import { decodeJson, encodeJson, type KvPort } from './kv';
import { z } from 'zod';

const LeaseSchema = z.object({ owner: z.string(), at: z.number() });

export class KvLease {
  constructor(
    private readonly kv: KvPort,
    readonly key: string,
    private readonly owner: string,
    private readonly ttlSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  private renewing: Promise<boolean> | undefined;

  /**
   * Takes the lease if it is free, or renews it if we hold it. True when we hold it now.
   * Callers of one node (the drainer's lanes) share one renewal: two compare-and-sets of
   * ours racing each other would make the slower one believe another node took over.
   */
  acquire(): Promise<boolean> {
    this.renewing ??= this.tryAcquire().finally(() => { this.renewing = undefined; });
    return this.renewing;
  }

  private async tryAcquire(): Promise<boolean> {
    const raw = await this.kv.kvGet(this.key);
    const current = decodeJson(LeaseSchema, raw);
    if (current && current.owner !== this.owner) return false;
    const next = encodeJson({ owner: this.owner, at: this.now() });
    if (await this.kv.kvSetWithOptions(this.key, next, { Atomic: true, OldValue: raw && raw.length ? raw : undefined, ExpireInSeconds: this.ttlSeconds })) return true;
    // Lost the compare-and-set: held only if the winner was this owner (another instance of ours).
    return decodeJson(LeaseSchema, await this.kv.kvGet(this.key))?.owner === this.owner;
  }

  /** Gives the lease up early (only if we still hold it). */
  async release(): Promise<void> {
    const raw = await this.kv.kvGet(this.key);
    if (decodeJson(LeaseSchema, raw)?.owner !== this.owner) return;
    await this.kv.kvSetWithOptions(this.key, null, { Atomic: true, OldValue: raw });
  }
}
