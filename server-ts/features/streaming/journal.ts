// The stream registry in the KV store, shared by every node and surviving a restart: which
// post shows which run (session, run id, requester). A Stop on another node finds the run
// here; a restarted plugin finds the posts it left streaming.
import { z } from 'zod';
import { decodeJson, encodeJson, type KvPort } from '../conversations/kv';
import type { StreamJournal } from './presenter';

export const JOURNAL_PREFIX = 'oc-stream:';

export const StreamRecord = z.object({
  postId: z.string().regex(/^[a-z0-9]{26}$/),
  channelId: z.string(),
  rootId: z.string(),
  runId: z.string().min(1),
  runKey: z.string(),
  sessionKey: z.string().min(1),
  requesterId: z.string(),
  nodeId: z.string(),
  startedAt: z.number(),
  /** The message the post was created with: what its held push notifications quote. */
  initial: z.string().max(20_000).optional(),
});
export type StreamRecord = z.infer<typeof StreamRecord>;

export interface JournalPort extends KvPort {
  kvList(page: number, perPage: number): Promise<string[]>;
}

/** Every key in the store that starts with `prefix`, listed in full (KVList pages by offset). */
export async function keysWithPrefix(kv: JournalPort, prefix: string): Promise<string[]> {
  const out: string[] = [];
  const perPage = 200;
  for (let page = 0; page < 500; page++) {
    const keys = await kv.kvList(page, perPage);
    out.push(...keys.filter((k) => k.startsWith(prefix)));
    if (keys.length < perPage) break;
  }
  return out;
}

export class KvStreamJournal implements StreamJournal {
  constructor(private readonly kv: JournalPort, private readonly nodeId: string, private readonly now: () => number = Date.now) {}

  async started(rec: Omit<StreamRecord, 'nodeId' | 'startedAt'>): Promise<void> {
    const full = StreamRecord.parse({ ...rec, nodeId: this.nodeId, startedAt: this.now() });
    await this.kv.kvSet(JOURNAL_PREFIX + rec.postId, encodeJson(full));
  }

  ended(postId: string): Promise<void> {
    return this.kv.kvDelete(JOURNAL_PREFIX + postId);
  }

  async read(postId: string): Promise<StreamRecord | undefined> {
    return decodeJson(StreamRecord, await this.kv.kvGet(JOURNAL_PREFIX + postId));
  }

  /** Every stream record in the store. */
  async all(): Promise<StreamRecord[]> {
    const out: StreamRecord[] = [];
    for (const key of await keysWithPrefix(this.kv, JOURNAL_PREFIX)) {
      const rec = await this.read(key.slice(JOURNAL_PREFIX.length));
      if (rec) out.push(rec);
    }
    return out;
  }
}
