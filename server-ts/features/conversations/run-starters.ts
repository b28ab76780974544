// Whose post started a gateway run: other features (agent questions) let only that person
// answer for the run. Kept in the KV store so the node that hears the run's events, or a
// restarted plugin, finds it too.
import { z } from 'zod';
import { decodeJson, encodeJson, type KvPort } from './kv';

const KEEP_SECONDS = 2 * 24 * 3600;
const Schema = z.object({ u: z.string() });
const keyOf = (runId: string) => `conv-rs-${runId.slice(0, 120)}`;

export class RunStarters {
  constructor(private readonly kv: KvPort) {}

  async remember(runId: string, userId: string): Promise<void> {
    await this.kv.kvSetWithOptions(keyOf(runId), encodeJson({ u: userId }), { ExpireInSeconds: KEEP_SECONDS });
  }

  /** The Mattermost user id, or undefined for a run this plugin did not start from a post. */
  async lookup(runId: string): Promise<string | undefined> {
    return decodeJson(Schema, await this.kv.kvGet(keyOf(runId)))?.u;
  }
}
