// Clicks that wait for the gateway, in the KV store (shared by cluster nodes, kept across
// plugin restarts). A record holds what is needed to deliver the click later without the
// request that brought it: its kind, the verified context and the clicker. An index keeps
// the order; a claim (with expiry) marks the click a node is delivering.
import { z } from 'zod';
import { decodeJson, encodeJson, JsonRecord, type KvPort } from '../conversations/kv';

const MAX_QUEUED = 500;

export const QueuedClickSchema = z.object({
  /** The post's nonce: one decision per post, so one queued click per post at most. */
  id: z.string().regex(/^[A-Za-z0-9]{16,64}$/),
  kind: z.string(),
  /** The signed context as verified when the click arrived. */
  context: z.record(z.string(), z.unknown()),
  clicker: z.object({ userId: z.string(), username: z.string() }),
  postId: z.string(),
  channelId: z.string(),
  queuedAt: z.number(),
  /** Failed attempts other than "the gateway is away"; the click is dropped after a few. */
  failures: z.number().default(0),
});
export type QueuedClick = z.infer<typeof QueuedClickSchema>;

const IndexSchema = z.object({ ids: z.array(z.string()) });

const INDEX_KEY = 'interactions:click-queue';
const itemKey = (id: string) => `interactions:click-q:${id}`;
const claimKey = (id: string) => `interactions:click-q-claim:${id}`;

export class ClickQueue {
  private readonly index: JsonRecord<typeof IndexSchema>;

  constructor(private readonly kv: KvPort) {
    this.index = new JsonRecord(kv, INDEX_KEY, IndexSchema, () => ({ ids: [] }));
  }

  /** Adds the click (a second enqueue of the same id is a no-op); false when the queue is full. */
  async enqueue(click: QueuedClick): Promise<boolean> {
    await this.kv.kvSet(itemKey(click.id), encodeJson(click));
    const idx = await this.index.update((cur) =>
      cur.ids.includes(click.id) || cur.ids.length >= MAX_QUEUED ? undefined : { ids: [...cur.ids, click.id] });
    if (idx.ids.includes(click.id)) return true;
    await this.kv.kvDelete(itemKey(click.id));
    return false;
  }

  async ids(): Promise<string[]> {
    return (await this.index.read()).ids;
  }

  async load(id: string): Promise<QueuedClick | undefined> {
    return decodeJson(QueuedClickSchema, await this.kv.kvGet(itemKey(id)));
  }

  async save(click: QueuedClick): Promise<void> {
    await this.kv.kvSet(itemKey(click.id), encodeJson(click));
  }

  async remove(id: string): Promise<void> {
    await this.index.update((cur) => (cur.ids.includes(id) ? { ids: cur.ids.filter((i) => i !== id) } : undefined));
    await this.kv.kvDelete(itemKey(id));
    await this.kv.kvDelete(claimKey(id));
  }

  /** Marks the click as being delivered by `owner`; false when another node is delivering it. */
  claim(id: string, owner: string, ttlSeconds: number): Promise<boolean> {
    return this.kv.kvSetWithOptions(claimKey(id), encodeJson({ owner }), { Atomic: true, OldValue: undefined, ExpireInSeconds: ttlSeconds });
  }

  async release(id: string): Promise<void> {
    await this.kv.kvDelete(claimKey(id));
  }
}
