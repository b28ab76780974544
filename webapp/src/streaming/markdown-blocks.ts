// A growing reply cut into Markdown blocks that later text can no longer change, so a render
// re-formats only the last block instead of the whole reply: a long stream then costs the browser
// O(delta) per frame, not O(reply). A cut is made only where Markdown itself starts afresh: at a
// blank line outside a code fence, before a whole line that starts at the margin and cannot
// continue the block above (not indented, not a list item: a list split in two renders differently).

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LIST_ITEM = /^([-*+]|\d{1,9}[.)])(\s|$)/;
const BLANK = /^\s*$/;
const LINK_DEFINITION = /^ {0,3}\[[^\]\n]+\]:[ \t]*\S/m;

interface Fence {
  char: string;
  length: number;
}

function opens(line: string): Fence | undefined {
  const m = FENCE.exec(line);
  if (!m) return undefined;
  // A backtick fence's info string may not hold a backtick; such a line is inline code.
  if (m[1][0] === '`' && line.slice(m[0].length).includes('`')) return undefined;
  return { char: m[1][0], length: m[1].length };
}

function closes(line: string, fence: Fence): boolean {
  const m = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
  return !!m && m[1][0] === fence.char && m[1].length >= fence.length;
}

function startsAfresh(line: string): boolean {
  return !BLANK.test(line) && !/^\s/.test(line) && !LIST_ITEM.test(line);
}

/**
 * The text in blocks: joined, they give the text back exactly. Every block but the last is
 * finished; each ends with the blank lines that closed it.
 */
export function markdownBlocks(text: string): string[] {
  // A link reference definition serves the whole text, the blocks before it too: no cuts then.
  if (LINK_DEFINITION.test(text)) return [text];
  const lines = text.split('\n');
  const blocks: string[] = [];
  let start = 0; // offset of the current block
  let offset = 0; // offset of the current line
  let fence: Fence | undefined;
  let afterBlank = false;
  // The last line is unfinished (or empty): what it will become is not known yet, so no cut there.
  for (const [i, line] of lines.entries()) {
    if (fence) {
      if (closes(line, fence)) fence = undefined;
      afterBlank = false;
    } else {
      if (afterBlank && i < lines.length - 1 && startsAfresh(line) && offset > start) {
        blocks.push(text.slice(start, offset));
        start = offset;
      }
      fence = opens(line);
      afterBlank = BLANK.test(line);
    }
    offset += line.length + 1;
  }
  blocks.push(text.slice(start));
  return blocks;
}

/** Finished blocks in runs of about this many characters are rendered as one piece. */
export const RUN_CHARS = 8_000;

export interface RenderPieces {
  /** Runs of finished blocks, each at least RUN_CHARS long: fixed once made, as the text grows. */
  runs: string[];
  /** The blocks after the last run (the last one unfinished), each rendered on its own. */
  loose: string[];
}

/**
 * Blocks in the pieces a render formats. One piece per block would make the first render of a
 * long text (a reload mid-stream, a burst from the gateway) pay the host pipeline's fixed cost per
 * call hundreds of times; runs pay it a few times, and later frames still re-format only the
 * loose blocks, less than RUN_CHARS.
 */
export function renderPieces(blocks: string[], runChars = RUN_CHARS): RenderPieces {
  const runs: string[] = [];
  let from = 0;
  let length = 0;
  for (let i = 0; i < blocks.length - 1; i++) {
    length += blocks[i].length;
    if (length < runChars) continue;
    runs.push(blocks.slice(from, i + 1).join(''));
    from = i + 1;
    length = 0;
  }
  return { runs, loose: blocks.slice(from) };
}
