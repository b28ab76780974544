// One KV record per exec approval we posted: where its post is, what it asked, and who
// clicked, so the `resolved` event (which names no person) can say who decided, and
// whichever of the click and the event comes second does not edit the post again.
import { z } from 'zod';
import type { KvPort } from '../conversations/kv';
import { RecordStore } from './record-store';

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

export class ApprovalStore extends RecordStore<ApprovalRecord> {
  constructor(kv: KvPort) {
    super(kv, 'approval', ApprovalRecordSchema);
  }
}
