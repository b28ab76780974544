// Splits a reply that is too long for one Mattermost post into several, on paragraph
// boundaries, without ever leaving a code fence open: a code block that must be cut is
// closed at the end of one post and reopened (same fence and language) in the next.
// Mattermost's limit is 16,383 runes; we count UTF-16 units (≥ runes), so a margin is built in.

export const MAX_POST_CHARS = 16_000;

interface Block {
  kind: 'text' | 'code';
  /** text: the paragraph; code: the body lines between the fences. */
  body: string;
  open?: string;
  close?: string;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/** Paragraphs and fenced code blocks, in order. An unclosed fence runs to the end. */
function blocks(text: string): Block[] {
  const out: Block[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let para: string[] = [];
  const flush = () => {
    const joined = para.join('\n');
    for (const p of joined.split(/\n[ \t]*\n/)) if (p.trim() !== '') out.push({ kind: 'text', body: p.replace(/^\n+|\n+$/g, '') });
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const m = FENCE.exec(lines[i]);
    if (!m || (m[1][0] === '`' && m[2].includes('`'))) {
      para.push(lines[i]);
      continue;
    }
    flush();
    const fence = m[1];
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const c = lines[j].trim();
      if (c.length >= fence.length && c === fence[0].repeat(c.length)) break;
      body.push(lines[j]);
    }
    out.push({ kind: 'code', body: body.join('\n'), open: lines[i].trimStart(), close: fence });
    i = j; // the closing line (or past the end)
  }
  flush();
  return out;
}

function render(b: Block): string {
  return b.kind === 'code' ? `${b.open}\n${b.body}${b.body ? '\n' : ''}${b.close}` : b.body;
}

/** Cuts at the last space (or newline) before `max`, else hard, never inside a surrogate pair. */
function cutAt(s: string, max: number): number {
  const window = s.slice(0, max + 1);
  const nl = window.lastIndexOf('\n');
  if (nl > max / 2) return nl;
  const sp = window.lastIndexOf(' ');
  if (sp > max / 2) return sp;
  const code = s.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}

function splitLong(s: string, max: number): string[] {
  const parts: string[] = [];
  let rest = s;
  while (rest.length > max) {
    const at = cutAt(rest, max);
    parts.push(rest.slice(0, at).replace(/\s+$/, ''));
    rest = rest.slice(at).replace(/^[ \n]/, '');
  }
  if (rest.trim() !== '') parts.push(rest);
  return parts.filter((p) => p !== '');
}

/** A block that cannot fit one post becomes several that each fit (code: each re-fenced). */
function fit(b: Block, max: number): Block[] {
  if (render(b).length <= max) return [b];
  if (b.kind === 'text') return splitLong(b.body, max).map((body) => ({ kind: 'text', body }));
  const room = Math.max(1, max - b.open!.length - b.close!.length - 2);
  const pieces: string[] = [];
  let current = '';
  for (const line of b.body.split('\n')) {
    for (const piece of line.length > room ? splitLong(line, room) : [line]) {
      if (current !== '' && current.length + 1 + piece.length > room) {
        pieces.push(current);
        current = piece;
      } else {
        current = current === '' ? piece : `${current}\n${piece}`;
      }
    }
  }
  if (current !== '') pieces.push(current);
  return pieces.map((body) => ({ ...b, body }));
}

export function splitReply(text: string, max = MAX_POST_CHARS): string[] {
  if (text.length <= max) return text.trim() === '' ? [] : [text];
  const posts: string[] = [];
  let current = '';
  for (const block of blocks(text).flatMap((b) => fit(b, max))) {
    const piece = render(block);
    if (current !== '' && current.length + 2 + piece.length > max) {
      posts.push(current);
      current = piece;
    } else {
      current = current === '' ? piece : `${current}\n\n${piece}`;
    }
  }
  if (current !== '') posts.push(current);
  return posts;
}

/** The fence left open at the end of `post` (e.g. "```"), if any. */
function openFence(post: string): string | undefined {
  let open: string | undefined;
  for (const line of post.split('\n')) {
    const m = FENCE.exec(line);
    if (!open) {
      if (m && !(m[1][0] === '`' && m[2].includes('`'))) open = m[1]!;
    } else {
      const c = line.trim();
      if (c.length >= open.length && c === open[0].repeat(c.length)) open = undefined;
    }
  }
  return open;
}

/** For tests and checks: true when every fence opened in `post` is closed in it. */
export function fencesBalanced(post: string): boolean {
  return openFence(post) === undefined;
}

/** `post` with its open code block (a reply cut mid-block) closed, so text after it is not code. */
export function closeOpenFence(post: string): string {
  const fence = openFence(post);
  return fence ? `${post.replace(/\n*$/, '')}\n${fence}` : post;
}
