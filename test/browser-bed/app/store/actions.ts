// Action types of the bed's store. Where Mattermost has an action for the same change, the name
// is Mattermost's (a plugin reducer listening for e.g. RECEIVED_POST sees what it would see there).
import type { Channel } from '@mattermost/types/channels';
import type { ClientConfig } from '@mattermost/types/config';
import type { ClientPluginManifest } from '@mattermost/types/plugins';
import type { Post } from '@mattermost/types/posts';
import type { Team } from '@mattermost/types/teams';
import type { UserProfile } from '@mattermost/types/users';
import type { AdminConsoleSetting, ComponentRegistration, PostTypeRegistration } from './state';

export type BedAction =
  | { type: 'RECEIVED_ME'; data: UserProfile }
  | { type: 'RECEIVED_PROFILES_LIST'; data: UserProfile[] }
  | { type: 'RECEIVED_CLIENT_CONFIG'; data: Partial<ClientConfig> }
  | { type: 'RECEIVED_MY_TEAMS'; data: Team[] }
  | { type: 'SELECT_TEAM'; data: string }
  | { type: 'RECEIVED_CHANNELS'; data: Channel[] }
  | { type: 'SELECT_CHANNEL'; data: string }
  | { type: 'RECEIVED_POSTS'; channelId: string; data: { order: string[]; posts: Record<string, Post> } }
  | { type: 'RECEIVED_POST'; data: Post }
  | { type: 'POST_DELETED'; data: Post }
  | { type: 'RECEIVED_WEBAPP_PLUGINS'; data: ClientPluginManifest[] }
  | { type: 'REMOVED_WEBAPP_PLUGIN'; data: { id: string } }
  | { type: 'RECEIVED_PLUGIN_POST_COMPONENT'; data: PostTypeRegistration }
  | { type: 'REMOVED_PLUGIN_POST_COMPONENT'; id: string }
  | { type: 'RECEIVED_PLUGIN_COMPONENT'; name: string; data: ComponentRegistration }
  | { type: 'REMOVED_PLUGIN_COMPONENT'; id: string }
  | { type: 'RECEIVED_ADMIN_CONSOLE_CUSTOM_COMPONENT'; data: AdminConsoleSetting }
  | { type: 'RECEIVED_ADMIN_CONSOLE_CUSTOM_SECTION'; data: AdminConsoleSetting }
  | { type: 'RECEIVED_ADMIN_CONSOLE_REDUCER'; pluginId: string; reducer: unknown }
  | { type: 'REMOVED_ADMIN_CONSOLE_REDUCER'; pluginId: string }
  | { type: 'LOGOUT_SUCCESS' };
