// What the server sends us, checked before use: plugin WebSocket payloads, the stream snapshot,
// the bot identity and a reply post's props. Any user can create a post of our type with any
// props, and a payload may come from a newer or broken server: whatever fails its schema is
// dropped (events) or treated as unknown (props), never trusted.
import * as z from 'zod/mini';

const postId = z.string().check(z.minLength(1), z.maxLength(64));
const seq = z.int().check(z.minimum(0));
export const finalStates = ['done', 'stopped', 'error'] as const;
export const replyStates = ['streaming', ...finalStates] as const;
export type ReplyState = (typeof replyStates)[number];
export type FinalState = (typeof finalStates)[number];

export const deltaEvent = z.object({ post_id: postId, seq, text: z.string() });
export const statusEvent = z.object({ post_id: postId, seq, status: z.string() });
export const endEvent = z.object({ post_id: postId, seq, state: z.enum(finalStates) });
export const resetEvent = z.object({ post_id: postId, seq });
/** Reasoning text at offset `from` (only for sessions with `/reasoning on`). */
export const reasoningEvent = z.object({ post_id: postId, from: z.int().check(z.minimum(0)), text: z.string() });

/** What the server keeps of a reply's reasoning at most (longer is not ours). */
const REASONING_CAP = 16_000;

export const snapshot = z.object({
  post_id: postId,
  text: z.string(),
  seq,
  state: z.enum(replyStates),
  status: z.optional(z.string()),
  requester_id: z.optional(z.string()),
  reasoning: z.optional(z.string()),
});
export type Snapshot = z.infer<typeof snapshot>;

/** The props our server writes on a reply post (the contract's names). */
const replyProps = z.object({
  openclaw_state: z.optional(z.enum(replyStates)),
  openclaw_requester: z.optional(z.string()),
  openclaw_seq: z.optional(seq),
});
// Apart, so a bad reasoning prop costs only the reasoning, not the post's state.
const reasoningProp = z.object({ openclaw_reasoning: z.string().check(z.maxLength(REASONING_CAP)) });

export interface Checkpoint {
  text: string;
  seq: number;
  state: ReplyState;
  requesterId: string;
  /** The final post's reasoning prop ('' when none). */
  reasoning?: string;
}

/** A post's stored state. A post without valid props is a finished text (nothing to stream). */
export function checkpointOf(post: { message: string; props?: unknown }): Checkpoint {
  const parsed = replyProps.safeParse(post.props ?? {});
  const props = parsed.success ? parsed.data : {};
  return {
    text: typeof post.message === 'string' ? post.message : '',
    seq: props.openclaw_seq ?? 0,
    state: props.openclaw_state ?? 'done',
    requesterId: props.openclaw_requester ?? '',
    reasoning: reasoningProp.safeParse(post.props ?? {}).data?.openclaw_reasoning ?? '',
  };
}
