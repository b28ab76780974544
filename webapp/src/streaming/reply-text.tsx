// The answer's Markdown, rendered in pieces: a finished piece is formatted once and kept while the
// text grows behind it, so each frame of a long stream re-formats only its last few blocks.
import { memo, useMemo, type ReactNode } from 'react';
import { Markdown } from '../host/markdown';
import { markdownBlocks, renderPieces } from './markdown-blocks';

const Piece = memo(Markdown);

export function ReplyText({ postId, text }: { postId: string; text: string }): ReactNode {
  const { runs, loose } = useMemo(() => renderPieces(markdownBlocks(text)), [text]);
  // Keys by position: run i stays run i as the text grows (and so do loose blocks until a run
  // takes them in), so their memos hold.
  return [
    ...runs.map((run, i) => <Piece key={`r${i}`} postId={postId} text={run} />),
    ...loose.map((block, i) => <Piece key={`b${runs.length}.${i}`} postId={postId} text={block} />),
  ];
}
