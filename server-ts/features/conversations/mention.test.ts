import { matchingPrefix, MentionMatcher, stripPrefix } from './mention';

const m = new MentionMatcher('openclaw');

test.each([
  ['@openclaw hi', true],
  ['hi @openclaw', true],
  ['hi @OpenClaw!', true],
  ['ping @openclaw.', true],
  ['(@openclaw)', true],
  ['@openclaw', true],
  ['@openclawbot hi', false],
  ['@openclaw.bot hi', false],
  ['@openclaw_2 hi', false],
  ['mail me at x@openclaw.com', false],
  ['openclaw without at', false],
  ['SHOUT @OPENCLAW', true],
  ['@@openclaw is no mention', false],
  ['a@b.c then @openclaw', true],
  ['@alice and @bob', false],
  ['cut short @opencla', false],
  ['@', false],
  ['', false],
])('mentions(%j) → %s', (text, expected) => {
  expect(m.mentions(text)).toBe(expected);
});

test.each([
  ['@openclaw what is 2+2?', 'what is 2+2?'],
  ['  @OpenClaw: status', 'status'],
  ['@openclaw, please', 'please'],
  ['hey @openclaw look', 'hey @openclaw look'],
  ['@openclaw', ''],
])('stripLeading(%j) → %j', (text, expected) => {
  expect(m.stripLeading(text)).toBe(expected);
});

test('usernames with regex characters are matched literally', () => {
  const dotted = new MentionMatcher('oc.bot');
  expect(dotted.mentions('hi @oc.bot')).toBe(true);
  expect(dotted.mentions('hi @ocxbot')).toBe(false);
});

test('onchar prefixes', () => {
  expect(matchingPrefix('  > do it', ['>', '!'])).toBe('>');
  expect(matchingPrefix('!do it', ['>', '!'])).toBe('!');
  expect(matchingPrefix('do it!', ['>', '!'])).toBeUndefined();
  expect(stripPrefix('  >> do it', '>>')).toBe('do it');
});
