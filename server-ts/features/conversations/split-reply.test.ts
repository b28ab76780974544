import fc from 'fast-check';
import { fencesBalanced, splitReply } from './split-reply';

const words = (s: string) => s.replace(/^ {0,3}(`{3,}|~{3,}).*$/gm, '').split(/\s+/).filter(Boolean);

test('short replies stay one post, untouched', () => {
  expect(splitReply('hello\n\nworld')).toEqual(['hello\n\nworld']);
  expect(splitReply('   ')).toEqual([]);
});

test('splits on paragraph boundaries', () => {
  const para = (c: string) => c.repeat(40);
  const posts = splitReply([para('a'), para('b'), para('c')].join('\n\n'), 90);
  expect(posts).toEqual([`${para('a')}\n\n${para('b')}`, para('c')]);
});

test('a code block that must be cut is closed and reopened with its language', () => {
  const code = Array.from({ length: 30 }, (_, i) => `line ${i}`).join('\n');
  const posts = splitReply(`intro\n\n\`\`\`ts\n${code}\n\`\`\`\n\noutro`, 120);
  expect(posts.length).toBeGreaterThan(2);
  for (const p of posts) {
    expect(p.length).toBeLessThanOrEqual(120);
    expect(fencesBalanced(p)).toBe(true);
  }
  const codePosts = posts.filter((p) => p.includes('line '));
  for (const p of codePosts) expect(p).toMatch(/^(intro\n\n)?```ts\n[\s\S]*\n```(\n\noutro)?$/);
  expect(posts.join('\n')).toContain('line 29');
});

test('an unclosed fence is closed', () => {
  const posts = splitReply(`start\n\n~~~~\n${'x\n'.repeat(100)}`, 60);
  for (const p of posts) expect(fencesBalanced(p)).toBe(true);
});

test('a single huge word is cut hard, never past the limit', () => {
  const posts = splitReply('y'.repeat(250), 100);
  expect(posts.map((p) => p.length)).toEqual([100, 100, 50]);
});

test('surrogate pairs are never cut in half', () => {
  const posts = splitReply('😀'.repeat(60), 51);
  for (const p of posts) expect(p).not.toMatch(/[\ud800-\udbff]$|^[\udc00-\udfff]/);
  expect(posts.join('')).toBe('😀'.repeat(60));
});

// Markdown-ish documents: paragraphs, lists and fenced code in any mix.
const line = fc.stringMatching(/^[a-z0-9 .,#*-]{0,80}$/);
const paragraph = fc.array(line, { minLength: 1, maxLength: 6 }).map((ls) => ls.join('\n'));
const fenceChar = fc.constantFrom('```', '````', '~~~');
const code = fc.tuple(fenceChar, fc.constantFrom('', 'ts', 'python'), fc.array(line, { maxLength: 80 }))
  .map(([f, lang, ls]) => `${f}${lang}\n${ls.join('\n')}\n${f}`);
const doc = fc.array(fc.oneof(paragraph, code), { minLength: 1, maxLength: 40 }).map((bs) => bs.join('\n\n'));

test('property: every post fits, every fence is balanced, no word is lost or reordered', () => {
  fc.assert(fc.property(doc, fc.integer({ min: 60, max: 2_000 }), (text, max) => {
    const posts = splitReply(text, max);
    for (const p of posts) {
      expect(p.length).toBeLessThanOrEqual(max);
      expect(fencesBalanced(p)).toBe(true);
    }
    // Nothing lost or reordered: fence lines are added when a block is re-fenced and a word
    // longer than a post is cut, so compare the non-space characters outside fence lines.
    expect(words(posts.join('\n')).join('')).toBe(words(text).join(''));
  }), { numRuns: 300 });
});

test('a 40,000-character reply with code becomes several posts under the Mattermost limit', () => {
  const block = `Paragraph ${'text '.repeat(150)}\n\n\`\`\`js\n${'console.log(1);\n'.repeat(120)}\`\`\``;
  const text = Array.from({ length: 16 }, () => block).join('\n\n');
  expect(text.length).toBeGreaterThan(40_000);
  const posts = splitReply(text);
  expect(posts.length).toBeGreaterThanOrEqual(3);
  for (const p of posts) {
    expect(p.length).toBeLessThanOrEqual(16_000);
    expect(fencesBalanced(p)).toBe(true);
  }
  expect(posts.join('\n\n')).toBe(text);
});
