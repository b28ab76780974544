// Fetching what the page shows through Client4: teams, channels, posts, and the profiles of
// the people in them.
import type { Channel } from '@mattermost/types/channels';
import type { Post } from '@mattermost/types/posts';
import { client } from './client';
import { store } from './store/store';

/** Fetches profiles the store does not have yet (post authors, DM partners). */
export async function ensureProfiles(ids: string[]): Promise<void> {
  const known = store.getState().entities.users.profiles;
  const missing = [...new Set(ids)].filter((id) => id && !known[id]);
  if (missing.length === 0) return;
  store.dispatch({ type: 'RECEIVED_PROFILES_LIST', data: await client.getProfilesByIds(missing) });
}

/** The other member of a DM channel (named "<id>__<id>"), or the user themself in a self-DM. */
export function dmPartner(channel: Channel, me: string): string {
  const [a = '', b = ''] = channel.name.split('__');
  return a === me ? b : a;
}

export async function loadTeamsAndChannels(): Promise<void> {
  const teams = await client.getMyTeams();
  store.dispatch({ type: 'RECEIVED_MY_TEAMS', data: teams });
  const first = [...teams].sort((x, y) => x.display_name.localeCompare(y.display_name))[0];
  if (first && !store.getState().entities.teams.currentTeamId) store.dispatch({ type: 'SELECT_TEAM', data: first.id });
  const channels = (await Promise.all(teams.map((t) => client.getMyChannels(t.id)))).flat();
  store.dispatch({ type: 'RECEIVED_CHANNELS', data: channels });
  const me = store.getState().entities.users.currentUserId;
  await ensureProfiles(channels.filter((c) => c.type === 'D').map((c) => dmPartner(c, me)));
}

export async function loadPosts(channelId: string): Promise<void> {
  const list = await client.getPosts(channelId, 0, 60);
  store.dispatch({ type: 'RECEIVED_POSTS', channelId, data: { order: list.order, posts: list.posts } });
  await ensureProfiles(Object.values(list.posts).map((p) => p.user_id));
}

export async function receivePost(post: Post): Promise<void> {
  store.dispatch({ type: 'RECEIVED_POST', data: post });
  await ensureProfiles([post.user_id]);
}

export async function selectChannel(channelId: string): Promise<void> {
  let channel = store.getState().entities.channels.channels[channelId];
  if (!channel) {
    channel = await client.getChannel(channelId);
    store.dispatch({ type: 'RECEIVED_CHANNELS', data: [channel] });
  }
  if (channel.team_id) store.dispatch({ type: 'SELECT_TEAM', data: channel.team_id });
  store.dispatch({ type: 'SELECT_CHANNEL', data: channelId });
  await loadPosts(channelId);
}
