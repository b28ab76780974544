// Where a reply goes and which session it belongs to (replyToMode, as in OpenClaw's own
// Mattermost channel):
//   off   (default) a reply is threaded only when the post already is in a thread
//   first a top-level post starts a thread: the first reply post goes under it
//   all   every reply post goes under it
// A thread is its own session (`…:thread:<root id>`), so with first/all every top-level
// question starts a fresh conversation. DMs ignore the mode and stay one session per person
// (a reply to a post inside a DM thread still lands in that thread).
import type { ConversationKind } from '../../gateway';
import type { ReplyToMode } from './settings';

export interface ReplyTarget {
  /** Root post id for the session key, if the conversation is a thread. */
  sessionThreadId?: string;
  /** Root id of the reply post with this index ('' = top level). */
  rootFor(index: number): string;
}

export function replyTarget(kind: ConversationKind, post: { id: string; rootId: string }, mode: ReplyToMode): ReplyTarget {
  if (post.rootId) {
    const root = post.rootId;
    return { sessionThreadId: kind === 'direct' ? undefined : root, rootFor: () => root };
  }
  if (kind === 'direct' || mode === 'off') return { rootFor: () => '' };
  const root = post.id;
  return { sessionThreadId: root, rootFor: (i) => (mode === 'all' || i === 0 ? root : '') };
}
