// The component Mattermost renders for each post of our type. A post of our bot is a live reply:
// it joins its stream's state (fed by the WebSocket fan-out), fetches the server's snapshot when
// it mounts while streaming, and offers Stop to the person who asked. Any other author's post of
// our type is shown as its plain message.
import { useCallback, useEffect, useMemo, useReducer, useState, type ComponentType, type ReactNode } from 'react';
import type { BotIdentity } from '../bot/bot-identity';
import type { PostTypeProps } from '../host/post-type-registry';
import { ReplyView } from './reply-view';
import type { Streams } from './streams';
import { visibleReply } from './visible';
import { checkpointOf } from './wire';


export interface ReplyContext {
  streams: Streams;
  bot: BotIdentity;
  currentUserId(): string | undefined;
  stop(postId: string): Promise<void>;
}

function useStop(ctx: ReplyContext, postId: string) {
  const [stopping, setStopping] = useState(false);
  const [error, setError] = useState<string>();
  const onStop = useCallback(() => {
    setStopping(true);
    setError(undefined);
    ctx.stop(postId).then(
      // The stream_end event turns the post final; until then the button stays pressed.
      () => undefined,
      (err: unknown) => {
        setStopping(false);
        setError(`Could not stop: ${err instanceof Error ? err.message : String(err)}`);
      },
    );
  }, [ctx, postId]);
  return { onStop, stopping, error };
}

export function makeReplyPost(ctx: ReplyContext): ComponentType<PostTypeProps> {
  return function ReplyPost({ post }: PostTypeProps): ReactNode {
    const [, rerender] = useReducer((n: number) => n + 1, 0);
    useEffect(() => ctx.bot.subscribe(rerender), []);
    const trusted = ctx.bot.userId !== undefined && post.user_id === ctx.bot.userId;
    const stored = useMemo(() => checkpointOf(post), [post]);

    useEffect(() => {
      if (!trusted) return undefined;
      const unsubscribe = ctx.streams.subscribe(post.id, rerender);
      if (stored.state === 'streaming') ctx.streams.refresh(post.id);
      return unsubscribe;
      // The snapshot is fetched once per mount; later post updates go through the checkpoint below.
    }, [trusted, post.id]);
    useEffect(() => {
      if (trusted) ctx.streams.update(post.id, (s) => s.checkpoint(stored));
    }, [trusted, post.id, stored]);

    const stop = useStop(ctx, post.id);
    if (!trusted) return <ReplyView postId={post.id} text={post.message} state="done" status="" reasoning="" trusted={false} />;
    const view = visibleReply(ctx.streams.get(post.id)?.view, stored);
    const me = ctx.currentUserId();
    const mayStop = view.state === 'streaming' && !!me && me === view.requesterId;
    return (
      <ReplyView postId={post.id} text={view.text} state={view.state} status={view.status} reasoning={view.reasoning} trusted endedInText={stored.state !== 'streaming'} stop={mayStop ? stop : undefined} />
    );
  };
}
