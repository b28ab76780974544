// Reasoning never reaches Mattermost. The gateway keeps model reasoning out of the final
// text, but a session with reasoning visibility on (or a model that writes think tags)
// can still put it inline: `<think>…</think>` sections, and paragraphs that start with
// "Reasoning:" / "Thinking" (often as a `> ` blockquote). Those are removed.
const THINK_TAGS = /<(think|thinking|reasoning)>[\s\S]*?<\/\1>/gi;
const HEADER = /^(?:>\s*)*(?:[*_]{1,2})?(?:reasoning|thinking)\b[^\n]*/i;

export function stripReasoning(text: string): string {
  let t = text.replace(THINK_TAGS, '');
  const paragraphs = t.split(/\n[ \t]*\n/);
  if (paragraphs.some((p) => HEADER.test(p.trimStart()))) {
    const kept: string[] = [];
    let inQuote = false;
    for (const p of paragraphs) {
      const s = p.trimStart();
      if (HEADER.test(s)) {
        inQuote = s.startsWith('>');
        continue;
      }
      // A quoted reasoning block may span several quoted paragraphs.
      if (inQuote && s.startsWith('>')) continue;
      inQuote = false;
      kept.push(p);
    }
    t = kept.join('\n\n');
  }
  return t.trim();
}
