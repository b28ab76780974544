import type { Post } from '../../mattermost/model';
import { NO_MEDIA } from './agent-port';
import { FinalReplyPresenter, type PostPort } from './reply-presenter';

function setup(rootFor = (i: number) => (i === 0 ? 'root' : '')) {
  const posts: Post[] = [];
  const port: PostPort = {
    createPost: (p) => { posts.push(p); return Promise.resolve({ ...p, Id: `post${posts.length}` }); },
    uploadFile: (_d, _c, name) => (name === 'bad.png' ? Promise.reject(new Error('too big\nstack…')) : Promise.resolve({ Id: `file-${name}` })),
  };
  return { posts, presenter: new FinalReplyPresenter(port, 'bot', { channelId: 'ch', rootFor }) };
}

test('the final text is posted by the bot in the channel and thread', async () => {
  const { posts, presenter } = setup();
  expect(await presenter.finish({ status: 'final', text: 'Hello' }, NO_MEDIA)).toEqual(['post1']);
  expect(posts).toEqual([{ UserId: 'bot', ChannelId: 'ch', RootId: 'root', Message: 'Hello' }]);
});

test('a long reply is split; each post gets its own root (replyToMode first)', async () => {
  const { posts, presenter } = setup();
  const text = Array.from({ length: 5 }, (_, i) => `${i}`.repeat(9_000)).join('\n\n');
  await presenter.finish({ status: 'final', text }, NO_MEDIA);
  expect(posts.length).toBeGreaterThan(2);
  expect(posts.map((p) => p.RootId)).toEqual(['root', ...posts.slice(1).map(() => '')]);
});

test('reasoning is never posted', async () => {
  const { posts, presenter } = setup();
  await presenter.finish({ status: 'final', text: '> Reasoning: secret plan\n\nThe answer.' }, NO_MEDIA);
  expect(posts.map((p) => p.Message)).toEqual(['The answer.']);
});

test('media become files on the last text post; a failed upload is one short line', async () => {
  const { posts, presenter } = setup(() => '');
  const bytes = new Uint8Array([1]);
  await presenter.finish({ status: 'final', text: 'Here is the file.' }, { files: [
    { fileName: 'a.png', mimeType: 'image/png', bytes }, { fileName: 'bad.png', mimeType: 'image/png', bytes },
  ], failed: ['cat.png: the gateway could not attach it (delivery-failed)'] });
  expect(posts).toEqual([
    { UserId: 'bot', ChannelId: 'ch', RootId: '', Message: 'Here is the file.', FileIds: ['file-a.png'] },
    { UserId: 'bot', ChannelId: 'ch', RootId: '', Message: ':warning: A file could not be attached: cat.png: the gateway could not attach it (delivery-failed)' },
    { UserId: 'bot', ChannelId: 'ch', RootId: '', Message: ':warning: The file bad.png could not be attached: too big' },
  ]);
});

test('media without text still arrive', async () => {
  const { posts, presenter } = setup(() => '');
  await presenter.finish({ status: 'final', text: '' }, { files: [{ fileName: 'a.png', mimeType: 'image/png', bytes: new Uint8Array([1]) }], failed: [] });
  expect(posts).toEqual([{ UserId: 'bot', ChannelId: 'ch', RootId: '', Message: '', FileIds: ['file-a.png'] }]);
});

test('an empty final (the answer came in another run) posts nothing', async () => {
  const { posts, presenter } = setup();
  expect(await presenter.finish({ status: 'final', text: '  ' }, NO_MEDIA)).toEqual([]);
  expect(posts).toEqual([]);
});

test.each([
  [{ status: 'error', text: '', message: 'provider returned 429\n at foo()', kind: 'model' }, ':x: The model failed to answer: provider returned 429'],
  [{ status: 'error', text: '', message: 'boom', kind: 'gateway' }, ':x: The OpenClaw gateway could not answer: boom'],
  [{ status: 'error', text: 'partial', message: 'deadline', kind: 'timeout' }, ':hourglass: OpenClaw timed out before answering. Try again in a moment.'],
  [{ status: 'aborted', text: 'partial' }, ':stop_sign: OpenClaw stopped before finishing this reply.'],
] as const)('a failed run is one short line: %j', async (outcome, line) => {
  const { posts, presenter } = setup();
  await presenter.finish(outcome, NO_MEDIA);
  expect(posts.map((p) => p.Message)).toEqual([line]);
});
