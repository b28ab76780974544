// Reducer of state.entities: users, teams, channels and posts as the bed learns them from the
// REST API and the WebSocket.
import type { Post } from '@mattermost/types/posts';
import type { BedAction } from './actions';
import type { EntitiesState } from './state';

export const emptyEntities = (): EntitiesState => ({
  general: { config: {} },
  users: { currentUserId: '', profiles: {} },
  teams: { currentTeamId: '', teams: {} },
  channels: { currentChannelId: '', channels: {} },
  posts: { posts: {}, postsInChannel: {} },
});

const byId = <T extends { id: string }>(list: T[]): Record<string, T> => Object.fromEntries(list.map((x) => [x.id, x]));

/** Adds or replaces one post; a new id goes first in its channel's order (newest first). */
function withPost(posts: EntitiesState['posts'], post: Post): EntitiesState['posts'] {
  const block = posts.postsInChannel[post.channel_id]?.[0] ?? { order: [], recent: true };
  const order = block.order.includes(post.id) ? block.order : [post.id, ...block.order];
  return {
    posts: { ...posts.posts, [post.id]: post },
    postsInChannel: { ...posts.postsInChannel, [post.channel_id]: [{ ...block, order }] },
  };
}

export function entities(state: EntitiesState = emptyEntities(), action: BedAction): EntitiesState {
  switch (action.type) {
    case 'RECEIVED_ME':
      return { ...state, users: { currentUserId: action.data.id, profiles: { ...state.users.profiles, [action.data.id]: action.data } } };
    case 'RECEIVED_PROFILES_LIST':
      return { ...state, users: { ...state.users, profiles: { ...state.users.profiles, ...byId(action.data) } } };
    case 'RECEIVED_CLIENT_CONFIG':
      return { ...state, general: { config: action.data } };
    case 'RECEIVED_MY_TEAMS':
      return { ...state, teams: { ...state.teams, teams: { ...state.teams.teams, ...byId(action.data) } } };
    case 'SELECT_TEAM':
      return { ...state, teams: { ...state.teams, currentTeamId: action.data } };
    case 'RECEIVED_CHANNELS':
      return { ...state, channels: { ...state.channels, channels: { ...state.channels.channels, ...byId(action.data) } } };
    case 'SELECT_CHANNEL':
      return { ...state, channels: { ...state.channels, currentChannelId: action.data } };
    case 'RECEIVED_POSTS':
      return {
        ...state,
        posts: {
          posts: { ...state.posts.posts, ...action.data.posts },
          postsInChannel: { ...state.posts.postsInChannel, [action.channelId]: [{ order: action.data.order, recent: true }] },
        },
      };
    case 'RECEIVED_POST':
      return { ...state, posts: withPost(state.posts, action.data) };
    case 'POST_DELETED':
      return { ...state, posts: withPost(state.posts, { ...action.data, state: 'DELETED' }) };
    case 'LOGOUT_SUCCESS':
      return emptyEntities();
    default:
      return state;
  }
}
