import type { Post } from '../../mattermost/model/post';
import type { VerifiedClick } from '../interactions/verify-click';
import { OurContextSchema } from '../interactions/click-request';
import { postActions } from '../interactions/post-actions';
import { INTERACTIVE_POST_TYPE } from '../interactions/decided-post';
import { modelPickHandler, postModels } from './models-post';
import { pageOf } from './model-options';
import { ALICE, BOB, CHANNEL, fakes } from './testing';

const at = { userId: ALICE, channelId: CHANNEL, rootId: '' };

function clickOf(post: Post, actionId: string, userId = ALICE): VerifiedClick {
  const action = postActions(post).find((a) => a.id === actionId);
  if (!action) throw new Error(`no action ${actionId}; has ${postActions(post).map((a) => a.id).join(',')}`);
  return { userId, post, context: OurContextSchema.parse(action.context), actionName: action.name };
}

test('pages are clamped and sized', () => {
  expect(pageOf([1, 2, 3, 4, 5], 1, 2)).toEqual({ items: [3, 4], page: 1, pages: 3 });
  expect(pageOf([1, 2, 3], 9, 2)).toEqual({ items: [3], page: 1, pages: 2 });
  expect(pageOf([], 0, 2)).toEqual({ items: [], page: 0, pages: 1 });
});

test('/oc_models posts the first page; Next shows the second with fresh signatures; a model click applies it and decides the post', async () => {
  const { deps, posts, ran } = fakes();
  expect(await postModels(deps, at, '')).toBeUndefined();
  const [post] = [...posts.values()];
  expect(post).toMatchObject({ UserId: deps.botUserId(), ChannelId: CHANNEL, Type: INTERACTIVE_POST_TYPE });
  // Mattermost stores a post's type in a VARCHAR(26) column.
  expect(INTERACTIVE_POST_TYPE.length).toBeLessThanOrEqual(26);
  expect(postActions(post).map((a) => a.id)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'next']);
  const handler = modelPickHandler(deps);

  const firstNonce = clickOf(post, 'next').context.nonce;
  expect(await handler.handle(clickOf(post, 'next'))).toBeUndefined();
  const second = posts.get(post.Id!)!;
  expect(postActions(second).map((a) => [a.id, a.name])).toEqual([['m0', 'alt/alt-1'], ['m1', 'alt/alt-2'], ['prev', '◀ Previous']]);
  expect(clickOf(second, 'm1').context.nonce).not.toBe(firstNonce);
  expect(ran).toEqual([]);

  const note = await handler.handle(clickOf(second, 'm1'));
  expect(ran).toEqual([{ sessionKey: `agent:main:mattermost:channel:${CHANNEL}`, command: '/model alt/alt-2' }]);
  expect(note).toContain('now uses **alt/alt-2**');
  const decided = posts.get(post.Id!)!;
  expect(decided.Message).toMatch(/✓ \*\*alt\/alt-2\*\* selected by @alice · \d\d:\d\d UTC$/);
  expect(postActions(decided)).toEqual([]);
});

test('only the person who ran /oc_models may choose', async () => {
  const { deps, posts } = fakes();
  await postModels(deps, at, '');
  const [post] = [...posts.values()];
  const handler = modelPickHandler(deps);
  expect(await handler.authorize(BOB, clickOf(post, 'm0', BOB))).toContain('only the person who ran /oc_models');
  expect(await handler.authorize(ALICE, clickOf(post, 'm0'))).toBeUndefined();
});

test('a provider filter narrows the list; an unknown provider is a clear error and posts nothing', async () => {
  const { deps, posts } = fakes();
  expect(await postModels(deps, at, 'nope')).toBe(':x: OpenClaw offers no models of provider "nope".');
  expect(posts.size).toBe(0);
  await postModels(deps, at, 'alt');
  expect(postActions([...posts.values()][0]).map((a) => a.name)).toEqual(['alt/alt-1', 'alt/alt-2']);
});
