import type { Post } from '../../mattermost/model/post';
import { scriptClicks } from './script-clicks';

test('the selection goes to the conversation\'s session, the buttons go, the answer is posted under the post', async () => {
  const post: Post = { Id: 'p'.repeat(26), ChannelId: 'c'.repeat(26), Message: 'Deploy?', RootId: '', Props: { attachments: [{ actions: [] }] } };
  const sent: Array<{ sessionKey: string; message: string; idempotencyKey: string }> = [];
  const created: Post[] = [];
  let stored = post;
  const handler = scriptClicks({
    api: {
      getUser: () => Promise.resolve({ Username: 'alice' }), getChannel: () => Promise.resolve({ Type: 'O' }),
      getPost: () => Promise.resolve(stored), updatePost: (p) => { stored = p; return Promise.resolve(p); },
      createPost: (p) => { created.push(p); return Promise.resolve(p); },
    },
    sendChat: (req) => { sent.push(req); return Promise.resolve({ finalReply: () => Promise.resolve({ text: 'Deploying.', reasoning: '', mediaCount: 0, queued: false }) }); },
    agentId: () => 'main', botUserId: () => 'bot', log: { debug() {}, info() {}, warn() {}, error() {} }, now: () => Date.UTC(2026, 0, 1, 9, 5),
  });
  await handler.handle({ userId: 'a'.repeat(26), post, actionId: 'yes', actionName: 'Yes', context: { action_id: 'yes', callback_data: 'prod' } });
  expect(sent).toEqual([{ sessionKey: `agent:main:mattermost:channel:${'c'.repeat(26)}`, message: '[Button click: @alice selected "Yes" (value "prod")]', idempotencyKey: `mm-click-${post.Id}-yes` }]);
  expect(stored.Message).toBe('Deploy?\n\n✓ **Yes** selected by @alice · 09:05 UTC');
  await new Promise((r) => setImmediate(r));
  expect(created).toEqual([{ UserId: 'bot', ChannelId: post.ChannelId, RootId: post.Id, Message: 'Deploying.' }]);
});
