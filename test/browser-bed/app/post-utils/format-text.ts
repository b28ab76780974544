// window.PostUtils.formatText for the browser bed: markdown → HTML string, as Mattermost's
// webapp/channels/src/utils/text_formatting.tsx does, but built on the npm `marked` package.
//
// Differences from Mattermost's formatter, on purpose (a plugin test bed, not a web client):
// - Markdown dialect: marked's GFM with single newlines as line breaks. Mattermost runs its own
//   marked fork with extra rules (e.g. autolinked bare domains, LaTeX, inline images sizing).
// - No @mentions, ~channel links, #hashtags, emoticons/:emoji:, search-term highlighting, link
//   previews, image proxying or the "Edited" indicator: those options are accepted and ignored.
// - Code blocks are plain <pre><code class="language-x">, without Mattermost's syntax
//   highlighting wrapper.
// - The 1000-token cut-off Mattermost applies to very long messages is not reproduced.
// Shared with Mattermost: raw HTML in a message is shown as text, never interpreted; `singleline`
// renders inline markdown only; `markdown: false` gives escaped text with line breaks.
import { Marked } from 'marked';

export interface FormatTextOptions {
  singleline?: boolean;
  markdown?: boolean;
  [ignored: string]: unknown;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

const markdown = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    // Raw HTML blocks and inline tags come out as visible text, like Mattermost.
    html: ({ text }) => escapeHtml(text),
  },
});

export function formatText(text: string, options: FormatTextOptions = {}): string {
  if (options.markdown === false) return escapeHtml(text).replace(/\r?\n/g, '<br>');
  if (options.singleline) return markdown.parseInline(text.replace(/\r?\n/g, ' '), { async: false });
  return markdown.parse(text, { async: false });
}
