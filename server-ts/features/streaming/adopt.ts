// Finishes a reply whose plugin process died mid-stream: the gateway kept running the run, so
// its answer is read from the session history and written into the post in place (a reset
// tells open viewers to refetch); after the deadline the post ends with a clear error line.
import type { Post } from '../../mattermost/model';
import type { AgentOutcome } from '../conversations/agent-port';
import { FinalReplyPresenter } from '../conversations/reply-presenter';
import { EMPTY_ANSWER, finalMessages } from './final-messages';
import type { StreamRecord } from './journal';
import { PROP_SEQ, PROP_STATE, REPLY_POST_TYPE, WS_END, WS_RESET } from './post-type';
import type { StreamPostPort } from './presenter';

export interface AdoptDeps {
  posts: StreamPostPort & { getPost(postId: string): Promise<Post> };
  botUserId: string;
}

export const LOST_LINE = 'the plugin restarted and could not recover this reply';

/** Writes `outcome` into the record's post (or a fresh post when it is gone); returns the post ids and the first one's text. */
export async function finishAdopted(deps: AdoptDeps, rec: StreamRecord, outcome: AgentOutcome): Promise<{ ids: string[]; text: string }> {
  const post = await deps.posts.getPost(rec.postId).catch(() => undefined);
  const live = post && !(post.DeleteAt ?? 0) ? post : undefined;
  const seqNow = Number(live?.Props?.[PROP_SEQ] ?? 0);
  const seq = (Number.isFinite(seqNow) ? seqNow : 0) + 1;
  const final = finalMessages(outcome, live?.Message ?? '');
  const [first = EMPTY_ANSWER, ...rest] = final.messages;
  const props = { ...(live?.Props ?? {}), [PROP_STATE]: final.state, [PROP_SEQ]: seq };
  let id: string | undefined;
  if (live) {
    id = (await deps.posts.updatePost({ ...live, Message: first, Props: props }).catch(() => undefined))?.Id;
    if (id) {
      const broadcast = { ChannelId: rec.channelId };
      await deps.posts.publishWebSocketEvent(WS_RESET, { post_id: id, seq }, broadcast);
      await deps.posts.publishWebSocketEvent(WS_END, { post_id: id, seq, state: final.state }, broadcast);
    }
  }
  id ??= (await deps.posts.createPost({
    UserId: deps.botUserId, ChannelId: rec.channelId, RootId: rec.rootId, Type: REPLY_POST_TYPE, Message: first, Props: props,
  })).Id;
  const ids = id ? [id] : [];
  if (rest.length) {
    const more = new FinalReplyPresenter(deps.posts, deps.botUserId, { channelId: rec.channelId, rootFor: () => '' });
    ids.push(...await more.finish({ status: 'final', text: rest.join('\n\n') }, { files: [], failed: [] }));
  }
  return { ids, text: first };
}

export function lostOutcome(): AgentOutcome {
  return { status: 'error', kind: 'gateway', message: LOST_LINE };
}
