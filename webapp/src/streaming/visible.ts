// What a reply shows on a given render: the live state when it covers at least as much as the
// stored post, else the stored post. A streaming post stored at seq 0 holds only a placeholder
// for clients without our webapp (mobile), which live text must not be appended to or shown.
import type { ReplyView } from './stream-state';
import type { Checkpoint } from './wire';

export function visibleReply(live: ReplyView | undefined, stored: Checkpoint): ReplyView {
  const storedFinal = stored.state !== 'streaming';
  if (live && (live.seq > stored.seq || (live.seq === stored.seq && (!storedFinal || live.state !== 'streaming')))) {
    return { ...live, requesterId: live.requesterId || stored.requesterId, reasoning: live.reasoning || (stored.reasoning ?? '') };
  }
  return {
    text: !storedFinal && stored.seq === 0 ? '' : stored.text,
    seq: stored.seq,
    state: stored.state,
    status: '',
    requesterId: stored.requesterId,
    reasoning: stored.reasoning ?? '',
  };
}
