// One post. A post whose type has a registered component is rendered by that component with the
// props Mattermost passes ({post, compactDisplay, isRHS, theme}); the type is post.props.type when
// that is a string, else post.type, as in Mattermost's post_message_view. Other posts show their
// message as plain text.
import type { Post } from '@mattermost/types/posts';
import type { ReactNode } from 'react';
import { useBedSelector } from './hooks';
import { userName } from './names';
import { PluginBoundary } from './PluginBoundary';
import { THEME } from './theme';

export const postTypeOf = (post: Post): string => (typeof post.props?.type === 'string' ? post.props.type : post.type);

function Body({ post }: { post: Post }): ReactNode {
  const registration = useBedSelector((s) => s.plugins.postTypes[postTypeOf(post)]);
  if (post.state === 'DELETED') return <div className="bed-post__deleted">(message deleted)</div>;
  if (!registration) return <div className="bed-post__text">{post.message}</div>;
  const PluginPost = registration.component;
  return (
    <PluginBoundary pluginId={registration.pluginId}>
      <PluginPost post={post} compactDisplay={false} isRHS={false} theme={THEME} />
    </PluginBoundary>
  );
}

export function PostItem({ post }: { post: Post }): ReactNode {
  const author = useBedSelector((s) => userName(s.entities.users.profiles, post.user_id));
  const isBot = useBedSelector((s) => s.entities.users.profiles[post.user_id]?.is_bot === true);
  const ephemeral = post.type === 'system_ephemeral';
  const system = post.type.startsWith('system_') && !ephemeral;
  return (
    <div className={system ? 'bed-post bed-post--system' : 'bed-post'} data-post-id={post.id} data-post-type={postTypeOf(post)}>
      <div className="bed-post__meta">
        <span className="bed-post__author">{author}</span>
        {isBot && <span className="bed-tag">BOT</span>}
        <time dateTime={new Date(post.create_at).toISOString()}>{new Date(post.create_at).toLocaleTimeString()}</time>
        {post.edit_at > 0 && <span className="bed-post__flag">(edited)</span>}
        {ephemeral && <span className="bed-post__flag">(only visible to you)</span>}
      </div>
      <Body post={post} />
    </div>
  );
}
