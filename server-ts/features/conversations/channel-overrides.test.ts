import { overrideFor, parseChannelOverrides } from './channel-overrides';

const id = 'c4jqz9kk5pfnzb8u6q3k1yrm7a';

test('lines by id, name, ~name and team/name; aliases for require-mention', () => {
  const o = parseChannelOverrides(`${id}: onmessage\n~town-square = onchar\neng/random: no-mention\n# comment\n\nops: mention; quiet: off`);
  expect(o.problems).toEqual([]);
  expect(overrideFor(o, { id, name: 'whatever' })).toBe('onmessage');
  expect(overrideFor(o, { id: 'x', name: 'Town-Square' })).toBe('onchar');
  expect(overrideFor(o, { id: 'x', name: 'random', teamName: 'eng' })).toBe('onmessage');
  expect(overrideFor(o, { id: 'x', name: 'random', teamName: 'sales' })).toBeUndefined();
  expect(overrideFor(o, { id: 'x', name: 'ops' })).toBe('oncall');
  expect(overrideFor(o, { id: 'x', name: 'quiet' })).toBe('off');
});

test('bad lines are reported with their line number and skipped', () => {
  const o = parseChannelOverrides('general: sometimes\njust-a-name\nok: onmessage');
  expect(o.problems).toHaveLength(2);
  expect(o.problems[0]).toMatch(/line 1: "general: sometimes"/);
  expect(o.problems[1]).toMatch(/line 2/);
  expect(overrideFor(o, { id: 'x', name: 'ok' })).toBe('onmessage');
});
