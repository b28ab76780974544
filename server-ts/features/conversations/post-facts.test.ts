import { GobInterface } from '../../mattermost/gob';
import { emptyFacts, readPostFacts } from './post-facts';

test('reads the post into the reused object; props flags only for exact true values', () => {
  const into = emptyFacts();
  const facts = readPostFacts({
    Id: 'p', UserId: 'u', ChannelId: 'c', Message: 'hi', FileIds: ['f'],
    Props: { from_bot: new GobInterface('string', 'true'), from_webhook: 'yes', from_plugin: true },
  }, into);
  expect(facts).toBe(into);
  expect(facts).toMatchObject({ id: 'p', userId: 'u', channelId: 'c', rootId: '', message: 'hi', type: '', fileIds: ['f'],
    fromBot: true, fromWebhook: false, fromPlugin: true });
  readPostFacts({ Id: 'q' }, into);
  expect(into).toMatchObject({ id: 'q', message: '', fileIds: [], fromBot: false, fromPlugin: false });
});
