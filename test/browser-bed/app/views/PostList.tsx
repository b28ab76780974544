// The posts of the current channel, oldest first, kept scrolled to the newest.
import { useEffect, useRef, type ReactNode } from 'react';
import { useBedSelector } from './hooks';
import { PostItem } from './PostItem';

const NO_POSTS: string[] = [];

export function PostList({ channelId }: { channelId: string }): ReactNode {
  const order = useBedSelector((s) => s.entities.posts.postsInChannel[channelId]?.[0]?.order ?? NO_POSTS);
  const posts = useBedSelector((s) => s.entities.posts.posts);
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Braces matter: newer Chromium returns a Promise from scrollIntoView, and an effect must not
    // return anything but a cleanup function.
    void end.current?.scrollIntoView({ block: 'end' });
  }, [order, posts]);
  const list = [...order].reverse().flatMap((id) => posts[id] ?? []);
  return (
    <div className="bed-posts" data-channel-id={channelId}>
      {list.length === 0 && <div className="bed-empty">No messages yet.</div>}
      {list.map((p) => (
        <PostItem key={p.id} post={p} />
      ))}
      <div ref={end} />
    </div>
  );
}
