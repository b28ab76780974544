// Which session a post belongs to: relayed posts and the bot's replies. A reaction on one
// of them is forwarded to that session. Kept in memory and in the KV store (with expiry),
// so a reaction handled by another node, or after a restart, still finds its session.
import { decodeJson, encodeJson, type KvPort } from './kv';
import { z } from 'zod';

const KEEP_SECONDS = 14 * 24 * 3600;
const MAX_MEMORY = 5_000;
const Schema = z.object({ s: z.string() });

export class PostSessions {
  private readonly memory = new Map<string, string>();

  constructor(private readonly kv: KvPort, private readonly onError: (message: string) => void) {}

  remember(postIds: string[], sessionKey: string): void {
    for (const id of postIds) {
      if (this.memory.size >= MAX_MEMORY) this.memory.delete(this.memory.keys().next().value as string);
      this.memory.set(id, sessionKey);
      this.kv.kvSetWithOptions(`conv-ps-${id}`, encodeJson({ s: sessionKey }), { ExpireInSeconds: KEEP_SECONDS })
        .catch((err: Error) => this.onError(`could not remember the session of post ${id}: ${err.message}`));
    }
  }

  async lookup(postId: string): Promise<string | undefined> {
    return this.memory.get(postId) ?? decodeJson(Schema, await this.kv.kvGet(`conv-ps-${postId}`))?.s;
  }
}
