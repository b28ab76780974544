import { replyTarget } from './reply-target';

const top = { id: 'p1', rootId: '' };
const inThread = { id: 'p2', rootId: 'r1' };

test.each([
  // kind, post, mode, session thread, roots of reply posts 0..2
  ['channel', top, 'off', undefined, ['', '', '']],
  ['channel', top, 'first', 'p1', ['p1', '', '']],
  ['channel', top, 'all', 'p1', ['p1', 'p1', 'p1']],
  ['group', top, 'all', 'p1', ['p1', 'p1', 'p1']],
  ['channel', inThread, 'off', 'r1', ['r1', 'r1', 'r1']],
  ['channel', inThread, 'first', 'r1', ['r1', 'r1', 'r1']],
  ['direct', top, 'all', undefined, ['', '', '']],
  ['direct', inThread, 'off', undefined, ['r1', 'r1', 'r1']],
] as const)('%s %j %s → session thread %s, roots %j', (kind, post, mode, thread, roots) => {
  const t = replyTarget(kind, post, mode);
  expect(t.sessionThreadId).toBe(thread);
  expect([0, 1, 2].map((i) => t.rootFor(i))).toEqual(roots);
});
