// The relay decision for posts that are not for the agent, run in this process on the real
// Conversations service with in-memory fakes (no Mattermost, no RPC): the same code and cache
// path as the hook, without the plugin process competing with Mattermost and PostgreSQL for
// the cores. Printed beside the hook figures so they can be read apart.
import type { Post } from '../../server-ts/mattermost/model';
import { Conversations } from '../../server-ts/features/conversations/service';
import { FakeAgent } from '../../server-ts/features/conversations/testing/fake-agent';
import { FakeMattermost } from '../../server-ts/features/conversations/testing/fake-mattermost';

const BOT = 'b0tb0tb0tb0tb0tb0tb0tb0tb0';

/**
 * The bench's chatter: one post in five mentions a person (not the bot), so the decision's
 * mention check runs as it does on a real server, not only its "no @ at all" early out.
 */
export function chatter(i: number, label: string, person: string): string {
  return i % 5 === 0 ? `@${person} can you look at ${label} ${i}?` : `${label} ${i}: nothing for the bot here`;
}

export async function inProcessIgnoredUs(posts: number): Promise<{ p50: number; p99: number }> {
  const mm = new FakeMattermost().addUser('u1', 'alice')
    .addChannel('member', 'O', 'town-square', ['u1', BOT]).addChannel('other', 'O', 'noise', ['u1']);
  mm.teams.set('t1', { Id: 't1', Name: 'eng' });
  const conv = new Conversations({
    mm, agent: new FakeAgent(), botUserId: () => BOT, botUsername: 'openclaw', agentId: () => 'main', nodeId: 'bench',
    log: { debug: () => undefined, info: () => undefined, error: () => undefined },
  });
  await conv.configure({ ChannelPolicy: 'open' });
  const post = (i: number): Post => ({ Id: `p${i}`, ChannelId: i % 2 ? 'member' : 'other', UserId: 'u1', Message: chatter(i, 'chatter', 'alice') });
  for (let i = 0; i < 1_000; i++) await conv.onPost(post(i));
  conv.stats.reset();
  for (let i = 0; i < posts; i++) await conv.onPost(post(i));
  const { ignoredUs } = conv.stats.snapshot();
  return { p50: ignoredUs.p50, p99: ignoredUs.p99 };
}
