// The webapp renders a streaming reply block by block (webapp/src/streaming/markdown-blocks.ts).
// Checked here against a real Markdown parser (the browser bed's formatText, npm `marked`): the
// blocks rendered one by one must give exactly the HTML of the whole text, and a block once
// finished must never change as the text grows, or the memoized render would show stale text.
import { markdownBlocks, renderPieces } from '../../../webapp/src/streaming/markdown-blocks';
import { formatText } from '../../browser-bed/app/post-utils/format-text';
import { longReply } from '../../gateway-bed/fake-model.cjs';

const SAMPLES: Record<string, string> = {
  'fake model reply': longReply(6_000),
  'prose and headings': '# Title\n\nFirst paragraph\nwith a break.\n\nSecond *one*.\n\n## Part\n\n---\n\nEnd.',
  'loose list with paragraphs': '1. one\n\n2. two\n\n   still two\n\n3. three\n\nAfter the list.',
  'bullets then code': '- a\n- b\n\n- c\n\n```\nx\n\ny\n```\n\nDone.',
  'fence with blank lines and a look-alike': '```md\n# not a heading\n\n```js inside\n\nplain\n```\n\n~~~\n```\n\n~~~\n\nTail.',
  'longer closing fence': '````\n```\n\nstill code\n````\n\nout',
  'indented code': 'Para.\n\n    code line\n\n    more code\n\nPara again.',
  'quotes and tables': '> quoted\n\n> again\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\ntext',
  'unclosed fence': 'intro\n\n```\nopen\n\nforever',
  'inline backticks in a fence line': '``` not `a fence`\n\nnext',
  'reference links defined at the end': 'See [the docs][docs].\n\nMore text.\n\n[docs]: https://example.com/docs\n',
};

const html = (md: string) => formatText(md, { singleline: false });
/** About 400 points along the text, as a stream would reach them. */
const prefixes = (text: string): string[] => {
  const step = Math.max(1, Math.floor(text.length / 400));
  return Array.from({ length: Math.ceil(text.length / step) }, (_, i) => text.slice(0, (i + 1) * step));
};

describe.each(Object.entries(SAMPLES))('%s', (_name, text) => {
  test('blocks give back the text and the same HTML as the whole', () => {
    const blocks = markdownBlocks(text);
    expect(blocks.join('')).toBe(text);
    expect(blocks.map(html).join('')).toBe(html(text));
  });

  test('at every point of the stream, the blocks render as the text so far does', () => {
    for (const prefix of prefixes(text)) expect(markdownBlocks(prefix).map(html).join('')).toBe(html(prefix));
  });
});

// What keeps the memo useful: text already finished is never formatted again. (Not with a link
// definition: arriving late, it merges everything into one block, on purpose.)
describe.each(Object.entries(SAMPLES).filter(([, text]) => !text.includes(']: ')))('%s', (_name, text) => {
  test('a finished block never changes as the text grows', () => {
    const whole = markdownBlocks(text);
    for (const prefix of prefixes(text)) {
      const finished = markdownBlocks(prefix).slice(0, -1);
      expect(whole.slice(0, finished.length)).toEqual(finished);
    }
  });
});

test('a long reply is cut into many blocks', () => {
  expect(markdownBlocks(longReply(128_000)).length).toBeGreaterThan(100);
});

test('a fence keeps its blank lines inside one block', () => {
  expect(markdownBlocks('```\na\n\nb\n```\n\nc\n')).toEqual(['```\na\n\nb\n```\n\n', 'c\n']);
});

test('an unfinished last line is never cut off: it may yet become a list item', () => {
  expect(markdownBlocks('1. one\n\n2')).toEqual(['1. one\n\n2']);
  expect(markdownBlocks('1. one\n\n2. two\n')).toEqual(['1. one\n\n2. two\n']);
});

test('runs of finished blocks: they give back the text, each is long enough, and none changes as the text grows', () => {
  const text = longReply(40_000);
  const whole = renderPieces(markdownBlocks(text), 4_000);
  expect([...whole.runs, ...whole.loose].join('')).toBe(text);
  expect(whole.runs.length).toBeGreaterThan(5);
  expect(whole.runs.every((r) => r.length >= 4_000)).toBe(true);
  expect(whole.loose.join('').length).toBeLessThan(4_000 + 2_000);
  expect(whole.runs.map(html).join('') + whole.loose.map(html).join('')).toBe(html(text));
  for (let n = 1; n <= text.length; n += 97) {
    const { runs } = renderPieces(markdownBlocks(text.slice(0, n)), 4_000);
    expect(whole.runs.slice(0, runs.length)).toEqual(runs);
  }
});
