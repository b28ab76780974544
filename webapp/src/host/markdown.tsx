// A post's text through the host's markdown pipeline, so it looks like every other post; plain
// text when the host has none (an older or stripped-down client).
import { useMemo, type ReactNode } from 'react';
import { hostPostUtils } from './host-post-utils';

export function PlainText({ text }: { text: string }): ReactNode {
  return <p className="openclaw-plain" style={{ whiteSpace: 'pre-wrap' }}>{text}</p>;
}

export function Markdown({ postId, text }: { postId: string; text: string }): ReactNode {
  return useMemo(() => {
    const utils = hostPostUtils();
    if (!utils) return <PlainText text={text} />;
    const html = utils.formatText(text, { singleline: false, mentionHighlight: true, atMentions: true });
    return utils.messageHtmlToComponent(html, { postId, mentionHighlight: true });
  }, [postId, text]);
}
