// Posts that should reach the agent while the gateway is away wait here, in the KV store
// (shared by cluster nodes, kept across plugin restarts). An index record keeps the order;
// each post has its own record, so the index stays small however long the messages are.
// A claim (with expiry) marks the post a node is delivering, so no two nodes run it.
import { z } from 'zod';
import { decodeJson, encodeJson, JsonRecord, type KvPort } from './kv';

export const QUEUE_INDEX_KEY = 'conv-queue';
const MAX_QUEUED = 500;

const ItemSchema = z.object({
  postId: z.string(),
  channelId: z.string(),
  userId: z.string(),
  sessionKey: z.string(),
  /** The text for the agent (sender header included). */
  message: z.string(),
  fileIds: z.array(z.string()),
  /** Root ids of the first and of later reply posts. */
  rootFirst: z.string(),
  rootRest: z.string(),
  postCreateAt: z.number(),
  /** Arrival order on the node that saw the post: breaks ties between posts of the same millisecond. */
  seq: z.number(),
  queuedAt: z.number(),
});
export type QueuedPost = z.infer<typeof ItemSchema>;

const IndexSchema = z.object({ items: z.array(z.object({ postId: z.string(), sessionKey: z.string(), postCreateAt: z.number(), seq: z.number() })) });
export type QueueEntry = z.infer<typeof IndexSchema>['items'][number];

const itemKey = (postId: string) => `conv-q-${postId}`;
const claimKey = (postId: string) => `conv-q-claim-${postId}`;

export class RelayQueue {
  private readonly index: JsonRecord<typeof IndexSchema>;
  /** Last length seen by this node; lets the live path keep order without a KV read. */
  private knownLength = 0;

  constructor(private readonly kv: KvPort) {
    this.index = new JsonRecord(kv, QUEUE_INDEX_KEY, IndexSchema, () => ({ items: [] }));
  }

  get maybeNonEmpty(): boolean {
    return this.knownLength > 0;
  }

  /** Adds the post (once; a second enqueue of the same post is a no-op). False when full. */
  async enqueue(item: QueuedPost): Promise<boolean> {
    await this.kv.kvSet(itemKey(item.postId), encodeJson(item));
    let added = false;
    const idx = await this.index.update((cur) => {
      if (cur.items.some((i) => i.postId === item.postId)) return undefined;
      if (cur.items.length >= MAX_QUEUED) return undefined;
      added = true;
      const items = [...cur.items, { postId: item.postId, sessionKey: item.sessionKey, postCreateAt: item.postCreateAt, seq: item.seq }];
      // Posts are queued concurrently (and by several nodes); the agent sees them as they were written.
      items.sort((a, b) => a.postCreateAt - b.postCreateAt || a.seq - b.seq);
      return { items };
    });
    this.knownLength = idx.items.length;
    if (!added && !idx.items.some((i) => i.postId === item.postId)) await this.kv.kvDelete(itemKey(item.postId));
    return idx.items.some((i) => i.postId === item.postId);
  }

  async entries(): Promise<QueueEntry[]> {
    const idx = await this.index.read();
    this.knownLength = idx.items.length;
    return idx.items;
  }

  async load(postId: string): Promise<QueuedPost | undefined> {
    return decodeJson(ItemSchema, await this.kv.kvGet(itemKey(postId)));
  }

  async remove(postId: string): Promise<void> {
    const idx = await this.index.update((cur) =>
      cur.items.some((i) => i.postId === postId) ? { items: cur.items.filter((i) => i.postId !== postId) } : undefined);
    this.knownLength = idx.items.length;
    await this.kv.kvDelete(itemKey(postId));
    await this.kv.kvDelete(claimKey(postId));
  }

  /** Marks the post as being delivered by `owner` for `ttlSeconds`; false when someone else is. */
  claim(postId: string, owner: string, ttlSeconds: number): Promise<boolean> {
    return this.kv.kvSetWithOptions(claimKey(postId), encodeJson({ owner }), { Atomic: true, OldValue: undefined, ExpireInSeconds: ttlSeconds });
  }

  async release(postId: string): Promise<void> {
    await this.kv.kvDelete(claimKey(postId));
  }
}
