// Clicks whose decision must reach the gateway survive its absence: delivered at once when
// the link is up, else queued in the KV store (the post says "queued") and delivered by the
// one node holding the queue lease once a link is back, also after a plugin restart. The
// gateway answers a repeated identical decision with ok, so a retry after a lost answer is
// harmless; a refusal (already resolved, unknown) drops the click instead of retrying it.
import { GatewayLinkError } from '../../gateway';
import type { KvLease } from '../conversations/kv-lock';
import type { ServerLogger } from '../logging/server-logger';
import type { ClickQueue, QueuedClick } from './click-queue';

export type DeliveryOutcome = 'delivered' | 'dropped' | 'link-down';

/** The gateway side of a click kind (its Mattermost side is ClickHandler.handle). */
export interface ClickDelivery {
  /** Sends the decision: 'delivered' once accepted (the post shows it), 'dropped' when it can no longer be made (the post says why), 'link-down' to keep it queued. */
  deliver(click: QueuedClick): Promise<DeliveryOutcome>;
  /** While it waits: the post says the click is queued. */
  showQueued(click: QueuedClick): Promise<void>;
  /** The button expired while the click waited; the post says so. */
  expire(click: QueuedClick): Promise<void>;
}

const LINK_DOWN = new Set(['not-connected', 'disconnected', 'timeout']);

/** True when the error means "the gateway is away" (the click waits), not "the gateway said no". */
export function isLinkDown(err: unknown): boolean {
  return err instanceof GatewayLinkError && LINK_DOWN.has(err.code);
}

export interface DurableClickDeps {
  queue: ClickQueue;
  lease: Pick<KvLease, 'acquire' | 'release'>;
  nodeId: string;
  deliveries: ReadonlyMap<string, ClickDelivery>;
  isConnected(): boolean;
  log: ServerLogger;
  now?: () => number;
  /** Failures other than link-down before a queued click is dropped. */
  maxFailures?: number;
  claimSeconds?: number;
}

export class DurableClicks {
  private running: Promise<void> | undefined;
  private again = false;
  private readonly now: () => number;

  constructor(private readonly deps: DurableClickDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** The live path of a verified click: delivered now, or queued. Throws (nothing queued) when delivery failed otherwise. */
  async submit(click: QueuedClick): Promise<'delivered' | 'dropped' | 'queued'> {
    const delivery = this.deps.deliveries.get(click.kind);
    if (!delivery) throw new Error('this button belongs to a feature this plugin does not know');
    if (this.deps.isConnected()) {
      const outcome = await delivery.deliver(click).catch((err: unknown) => {
        if (isLinkDown(err)) return 'link-down' as const;
        throw err;
      });
      if (outcome !== 'link-down') return outcome;
    }
    if (!(await this.deps.queue.enqueue(click))) throw new Error('too many clicks are waiting for the OpenClaw gateway; try again later');
    this.deps.log.info('interactions: click queued until the gateway is back', { kind: click.kind, post_id: click.postId });
    await delivery.showQueued(click).catch((err: Error) => this.deps.log.warn('interactions: could not mark a post queued', { error: err.message }));
    if (this.deps.isConnected()) void this.drain(); // the link came back meanwhile
    return 'queued';
  }

  /** Starts a pass over the queue (or asks the running one to go again). */
  drain(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.pass().catch((err: Error) => this.deps.log.error(`interactions: queued clicks: ${err.message}`));
      } while (this.again);
    })().finally(() => { this.running = undefined; });
    return this.running;
  }

  private expired(click: QueuedClick): boolean {
    return Number(click.context.expires_at) <= this.now();
  }

  private async pass(): Promise<void> {
    const { queue } = this.deps;
    const ids = await queue.ids();
    if (ids.length === 0) return;
    // While the gateway is away only expiries can be handled, and those need a record read each.
    const clicks = (await Promise.all(ids.map((id) => queue.load(id)))).map((c, i) => ({ id: ids[i], click: c }));
    if (!this.deps.isConnected() && !clicks.some((c) => !c.click || this.expired(c.click))) return;
    for (const { id } of clicks) {
      if (!(await this.deps.lease.acquire())) return; // another node drains
      if (!(await queue.claim(id, this.deps.nodeId, this.deps.claimSeconds ?? 300))) continue;
      if ((await this.one(id)) === 'link-down') return;
    }
  }

  private async one(id: string): Promise<DeliveryOutcome | 'kept'> {
    const { queue, log } = this.deps;
    // Read again under the claim: another node may have delivered it since the pass began.
    const click = await queue.load(id);
    const delivery = click && this.deps.deliveries.get(click.kind);
    if (!click || !delivery) {
      log.warn('interactions: queued click dropped: unreadable or of an unknown kind', { id });
      await queue.remove(id);
      return 'dropped';
    }
    if (this.expired(click)) {
      await delivery.expire(click).catch((err: Error) => log.warn('interactions: could not mark a post expired', { error: err.message }));
      log.info('interactions: queued click dropped: its button expired while the gateway was away', { kind: click.kind, post_id: click.postId });
      await queue.remove(id);
      return 'dropped';
    }
    if (!this.deps.isConnected()) {
      await queue.release(id);
      return 'kept';
    }
    let outcome: DeliveryOutcome;
    try {
      outcome = await delivery.deliver(click);
    } catch (err) {
      if (isLinkDown(err)) outcome = 'link-down';
      else return this.failed(click, err as Error);
    }
    if (outcome === 'link-down') await queue.release(id);
    else await queue.remove(id);
    if (outcome === 'delivered') log.info('interactions: queued click delivered', { kind: click.kind, post_id: click.postId });
    if (outcome === 'dropped') log.info('interactions: queued click dropped: the gateway no longer accepts it', { kind: click.kind, post_id: click.postId });
    return outcome;
  }

  private async failed(click: QueuedClick, err: Error): Promise<'kept' | 'dropped'> {
    const failures = click.failures + 1;
    if (failures >= (this.deps.maxFailures ?? 5)) {
      this.deps.log.warn('interactions: queued click dropped after repeated failures', { kind: click.kind, post_id: click.postId, error: err.message });
      await this.deps.queue.remove(click.id);
      return 'dropped';
    }
    this.deps.log.warn('interactions: delivering a queued click failed; will retry', { kind: click.kind, error: err.message });
    await this.deps.queue.save({ ...click, failures });
    await this.deps.queue.release(click.id);
    return 'kept';
  }

  /** Gives up the queue lease (deactivation), so a restarted plugin drains at once. */
  async stop(): Promise<void> {
    await this.deps.lease.release().catch(() => undefined);
  }
}
