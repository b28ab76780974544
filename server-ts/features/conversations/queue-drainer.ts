// Delivers queued posts once the gateway is back: one node at a time (a KV lease), posts
// of one conversation strictly in order, different conversations side by side. A post
// older than the expiry setting gets a "not delivered" note instead. Delivery reuses the
// live path, whose idempotency key comes from the post id: a retry after a crash or a
// restart never starts a second run.
import type { KvLease } from './kv-lock';
import type { QueuedPost, QueueEntry, RelayQueue } from './relay-queue';

export type DeliveryResult = 'done' | 'link-down';

export interface DrainerDeps {
  queue: RelayQueue;
  lease: KvLease;
  nodeId: string;
  isConnected(): boolean;
  deliver(item: QueuedPost): Promise<DeliveryResult>;
  expire(item: QueuedPost): Promise<void>;
  expiryMs(): number;
  onError(message: string): void;
  now?: () => number;
  lanes?: number;
  /** How long a claim protects a post that is being delivered. */
  claimSeconds?: number;
}

export class QueueDrainer {
  private running: Promise<void> | undefined;
  private again = false;

  constructor(private readonly deps: DrainerDeps) {}

  /** Starts a pass (or asks the running one to go again); resolves when the work is done. */
  drain(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          await this.pass();
        } catch (err) {
          this.deps.onError(`queued posts: ${(err as Error).message}`);
        }
      } while (this.again);
    })().finally(() => { this.running = undefined; });
    return this.running;
  }

  private async pass(): Promise<void> {
    const { queue, lease } = this.deps;
    const entries = await queue.entries();
    if (entries.length === 0) return;
    const now = this.deps.now ?? Date.now;
    const someExpired = entries.some((e) => now() - e.postCreateAt > this.deps.expiryMs());
    // While the gateway is away only expiry notes can be done; no lease is taken for nothing.
    if (!this.deps.isConnected() && !someExpired) return;
    if (!(await lease.acquire())) return;
    const lanes = new Map<string, QueueEntry[]>();
    for (const e of entries) lanes.set(e.sessionKey, [...(lanes.get(e.sessionKey) ?? []), e]);
    const work = [...lanes.values()];
    const width = this.deps.lanes ?? 4;
    await Promise.all(Array.from({ length: Math.min(width, work.length) }, async () => {
      for (let lane = work.shift(); lane; lane = work.shift()) await this.runLane(lane);
    }));
  }

  private async runLane(lane: QueueEntry[]): Promise<void> {
    const { queue, nodeId } = this.deps;
    const now = this.deps.now ?? Date.now;
    for (const entry of lane) {
      const expired = now() - entry.postCreateAt > this.deps.expiryMs();
      if (!expired && !this.deps.isConnected()) return; // keep order: nothing later in this lane goes first
      if (!(await this.deps.lease.acquire())) return; // another node took over
      if (!(await queue.claim(entry.postId, nodeId, this.deps.claimSeconds ?? 15 * 60))) return;
      const item = await queue.load(entry.postId);
      if (!item) {
        await queue.remove(entry.postId); // its record is gone: nothing left to deliver
        continue;
      }
      if (expired) {
        await this.deps.expire(item);
        await queue.remove(entry.postId);
        continue;
      }
      let result: DeliveryResult;
      try {
        result = await this.deps.deliver(item);
      } catch (err) {
        await queue.release(entry.postId);
        throw err;
      }
      if (result === 'link-down') {
        await queue.release(entry.postId);
        return;
      }
      await queue.remove(entry.postId);
    }
  }
}
