// The host's markdown pipeline (window.PostUtils, exported by Mattermost's webapp in
// plugins/export.ts). Using it makes our posts look exactly like every other post: same markdown
// dialect, mentions, emoji, links. It is looked up at render time and may be missing (an older or
// stripped-down host), in which case callers fall back to plain text.
import type { ReactNode } from 'react';

/** The subset of formatText's options we pass (webapp/channels/src/utils/text_formatting.tsx). */
export interface FormatTextOptions {
  singleline?: boolean;
  mentionHighlight?: boolean;
  atMentions?: boolean;
  markdown?: boolean;
}

/** The subset of messageHtmlToComponent's options we pass (utils/message_html_to_component.tsx). */
export interface HtmlToComponentOptions {
  postId?: string;
  mentionHighlight?: boolean;
}

export interface HostPostUtils {
  formatText(text: string, options?: FormatTextOptions): string;
  messageHtmlToComponent(html: string, options?: HtmlToComponentOptions): ReactNode;
}

declare global {
  interface Window {
    PostUtils?: Partial<HostPostUtils>;
  }
}

export function hostPostUtils(): HostPostUtils | undefined {
  const utils = window.PostUtils;
  if (typeof utils?.formatText !== 'function' || typeof utils.messageHtmlToComponent !== 'function') return undefined;
  return utils as HostPostUtils;
}
