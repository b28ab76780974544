// The Redux state of the bed: the slices of Mattermost's GlobalState that plugins read
// (mattermost-redux's entities.*) plus the plugin registrations (Mattermost keeps those in Redux
// too, under state.plugins). Plugin reducers (registerReducer) add `plugins-<id>` keys.
import type { Channel } from '@mattermost/types/channels';
import type { ClientConfig } from '@mattermost/types/config';
import type { ClientPluginManifest } from '@mattermost/types/plugins';
import type { Post } from '@mattermost/types/posts';
import type { Team } from '@mattermost/types/teams';
import type { UserProfile } from '@mattermost/types/users';
import type { ComponentType } from 'react';

export interface PostTypeRegistration {
  id: string;
  pluginId: string;
  type: string;
  component: ComponentType<Record<string, unknown>>;
}

/** A registered component or hook (registerRootComponent, registerDesktopNotificationHook, …). */
export interface ComponentRegistration {
  id: string;
  pluginId: string;
  [field: string]: unknown;
}

export interface AdminConsoleSetting {
  pluginId: string;
  key: string;
  component: ComponentType<Record<string, unknown>>;
  options: { showTitle: boolean };
}

export interface EntitiesState {
  general: { config: Partial<ClientConfig> };
  users: { currentUserId: string; profiles: Record<string, UserProfile> };
  teams: { currentTeamId: string; teams: Record<string, Team> };
  channels: { currentChannelId: string; channels: Record<string, Channel> };
  /** postsInChannel: one block per channel, order newest first, as mattermost-redux keeps it. */
  posts: { posts: Record<string, Post>; postsInChannel: Record<string, { order: string[]; recent: boolean }[]> };
}

export interface PluginsState {
  plugins: Record<string, ClientPluginManifest>;
  postTypes: Record<string, PostTypeRegistration>;
  components: Record<string, ComponentRegistration[]>;
  /** pluginId → lower-cased setting or section key → registration. */
  adminConsoleCustomSettings: Record<string, Record<string, AdminConsoleSetting>>;
  adminConsoleCustomSections: Record<string, Record<string, AdminConsoleSetting>>;
  adminConsoleReducers: Record<string, unknown>;
}

export interface BedState {
  entities: EntitiesState;
  plugins: PluginsState;
  [pluginState: `plugins-${string}`]: unknown;
}
