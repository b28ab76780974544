// One KV record per exec approval we posted: where its post is, what it asked, and who
// clicked, so the `resolved` event (which names no person) can say who decided, and
// whichever of the click and the event comes second does not edit the post again.
import { z } from 'zod';
import { JsonRecord, type KvPort } from '../conversations/kv';

export const ApprovalRecordSchema = z.object({
  id: z.string(),
  /** Empty while the node that claimed the approval is still posting it. */
  postId: z.string(),
  channelId: z.string(),
  text: z.string(),
  expiresAtMs: z.number(),
  /** Set by the click before it asks the gateway. */
  clicker: z.object({ userId: z.string(), username: z.string(), decision: z.string() }).optional(),
  /** Set once the post shows the decision. */
  shown: z.string().optional(),
});
export type ApprovalRecord = z.infer<typeof ApprovalRecordSchema>;

const keyOf = (id: string) => `interactions:approval:${id.slice(0, 120)}`;

export class ApprovalStore {
  constructor(private readonly kv: KvPort) {}

  private record(id: string) {
    return new JsonRecord(this.kv, keyOf(id), ApprovalRecordSchema.nullable(), () => null);
  }

  async get(id: string): Promise<ApprovalRecord | undefined> {
    return (await this.record(id).read()) ?? undefined;
  }

  /** Stores the record unless one exists; false when another node posted it first. */
  async create(rec: ApprovalRecord, ttlSeconds: number): Promise<boolean> {
    return this.kv.kvSetWithOptions(keyOf(rec.id), new TextEncoder().encode(JSON.stringify(rec)), { Atomic: true, ExpireInSeconds: ttlSeconds });
  }

  async update(id: string, change: (rec: ApprovalRecord) => ApprovalRecord | undefined): Promise<ApprovalRecord | undefined> {
    return (await this.record(id).update((rec) => (rec ? change(rec) : undefined))) ?? undefined;
  }
}
