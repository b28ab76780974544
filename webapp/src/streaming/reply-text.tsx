// The answer's Markdown, rendered block by block: a block is formatted once and kept while the
// text grows behind it, so each frame of a long stream re-formats only its last block.
import { memo, useMemo, type ReactNode } from 'react';
import { Markdown } from '../host/markdown';
import { markdownBlocks } from './markdown-blocks';

const Block = memo(Markdown);

export function ReplyText({ postId, text }: { postId: string; text: string }): ReactNode {
  const blocks = useMemo(() => markdownBlocks(text), [text]);
  // By index: block i stays block i as the text grows, so its memo holds.
  return blocks.map((block, i) => <Block key={i} postId={postId} text={block} />);
}
