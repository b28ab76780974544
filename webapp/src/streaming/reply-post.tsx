// Renders one reply post of ours: its message through the host's markdown pipeline, plain text
// when the host offers none. Only what is stored in the post is shown; live streaming arrives
// with the streaming feature (issue 9).
import type { Post } from '@mattermost/types/posts';
import type { ReactNode } from 'react';
import { hostPostUtils } from './host-post-utils';

/** Props Mattermost passes to a post type component (types/store/plugins.ts PostPluginComponent). */
export interface PostTypeProps {
  post: Post;
  compactDisplay?: boolean;
  isRHS?: boolean;
  theme?: Record<string, string>;
}

function renderMessage(post: Post): ReactNode {
  const utils = hostPostUtils();
  if (!utils) return <p className="openclaw-reply__plain" style={{ whiteSpace: 'pre-wrap' }}>{post.message}</p>;
  const html = utils.formatText(post.message, { singleline: false, mentionHighlight: true, atMentions: true });
  return utils.messageHtmlToComponent(html, { postId: post.id, mentionHighlight: true });
}

export function ReplyPost({ post }: PostTypeProps): ReactNode {
  return (
    <div className="openclaw-reply" data-post-id={post.id}>
      {renderMessage(post)}
    </div>
  );
}
