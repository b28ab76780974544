// Splits model reasoning off a reply text. The gateway normally keeps reasoning out of chat
// text (it streams as agent `thinking`), but a model may still write think tags, and
// OpenClaw's "reasoning visible" formatting puts a preamble before the answer: a line
// `Reasoning:` or `Thinking…`, often quoted (`> `), followed by italic `_…_` lines.
// Callers get both halves so the answer never carries reasoning by accident.
const THINK_TAG = /<\s*(think|thinking|thought|antthinking)\s*>([\s\S]*?)<\s*\/\s*\1\s*>/gi;
// While a reply streams, an opened tag may not be closed yet: hide it until it is.
const OPEN_THINK_TAG = /<\s*(?:think|thinking|thought|antthinking)\s*>([\s\S]*)$/i;
const PREAMBLE_HEAD = /^(?:>\s*)?(?:Reasoning:|Thinking\.{0,3})\s*$/i;
const PREAMBLE_LINE = /^(?:>\s*)?(?:_.+_)?\s*$/;

export interface SplitText {
  text: string;
  reasoning: string;
}

export function splitReasoning(input: string): SplitText {
  const found: string[] = [];
  let text = input.replace(THINK_TAG, (_all, _tag, inner: string) => {
    if (inner.trim()) found.push(inner.trim());
    return '';
  });
  text = text.replace(OPEN_THINK_TAG, (_all, inner: string) => {
    found.push(inner.trim());
    return '';
  });
  const lines = text.replace(/\r\n/g, '\n').trimStart().split('\n');
  if (lines.length > 1 && PREAMBLE_HEAD.test(lines[0].trim())) {
    let end = 1;
    while (end < lines.length && PREAMBLE_LINE.test(lines[end].trim())) end += 1;
    const body = lines.slice(1, end).map((l) => l.trim().replace(/^>\s*/, '').replace(/^_(.*)_$/, '$1')).filter(Boolean);
    // A bare "Thinking" line with no italic summary is ordinary text, not a preamble.
    if (body.length > 0) {
      found.push(body.join('\n'));
      text = lines.slice(end).join('\n');
    }
  }
  return { text: found.length ? text.trim() : input, reasoning: found.join('\n\n') };
}
