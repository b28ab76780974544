// The hooks a plugin may implement. A plugin implements only what it needs; the runtime
// reports exactly those to the server through Plugin.Implemented.
import type { PluginContext } from '../model/context';
import type { Post } from '../model/post';
import type { CommandArgs, CommandResponse } from '../model/command';
import type { PluginClusterEvent } from '../model/misc';
import type { Reaction } from '../model/reaction';
import type { ChannelMember } from '../model/channel';
import type { User } from '../model/user';
import type { PushNotification } from '../model/push';
import type { PluginRequest, PluginResponse } from './http-types';
import type { PluginAPI } from './api';

export interface Hooks {
  onActivate?(): Promise<void>;
  onDeactivate?(): Promise<void>;
  onConfigurationChange?(): Promise<void>;
  executeCommand?(ctx: PluginContext, args: CommandArgs): Promise<CommandResponse>;
  /** Fires for every post on the server: deciding "not for us" must be cheap. */
  messageHasBeenPosted?(ctx: PluginContext, post: Post): Promise<void>;
  messageHasBeenUpdated?(ctx: PluginContext, newPost: Post, oldPost: Post): Promise<void>;
  messageHasBeenDeleted?(ctx: PluginContext, post: Post): Promise<void>;
  reactionHasBeenAdded?(ctx: PluginContext, reaction: Reaction): Promise<void>;
  reactionHasBeenRemoved?(ctx: PluginContext, reaction: Reaction): Promise<void>;
  serveHTTP?(ctx: PluginContext, req: PluginRequest, res: PluginResponse): Promise<void>;
  onPluginClusterEvent?(ctx: PluginContext, event: PluginClusterEvent): Promise<void>;
  /** `actor` is absent when the user joined by themselves. */
  userHasJoinedChannel?(ctx: PluginContext, member: ChannelMember, actor?: User): Promise<void>;
  /** Left or removed; `actor` is absent when the user left by themselves. */
  userHasLeftChannel?(ctx: PluginContext, member: ChannelMember, actor?: User): Promise<void>;
  /**
   * Before each push notification to `userId` (Mattermost 9.0+): undefined lets it through,
   * `replace` sends that notification instead, `reject` drops it (the reason is logged by the server).
   */
  notificationWillBePushed?(notification: PushNotification, userId: string): Promise<PushVerdict | undefined>;
}

export type PushVerdict = { replace: PushNotification } | { reject: string };

/** Builds the plugin once the API stream is up (OnActivate). */
export type PluginFactory = (api: PluginAPI) => Hooks;

/** Go hook names as the server knows them, keyed by our method names. */
export const hookWireNames: Record<keyof Hooks, string> = {
  onActivate: 'OnActivate',
  onDeactivate: 'OnDeactivate',
  onConfigurationChange: 'OnConfigurationChange',
  executeCommand: 'ExecuteCommand',
  messageHasBeenPosted: 'MessageHasBeenPosted',
  messageHasBeenUpdated: 'MessageHasBeenUpdated',
  messageHasBeenDeleted: 'MessageHasBeenDeleted',
  reactionHasBeenAdded: 'ReactionHasBeenAdded',
  reactionHasBeenRemoved: 'ReactionHasBeenRemoved',
  serveHTTP: 'ServeHTTP',
  onPluginClusterEvent: 'OnPluginClusterEvent',
  userHasJoinedChannel: 'UserHasJoinedChannel',
  userHasLeftChannel: 'UserHasLeftChannel',
  notificationWillBePushed: 'NotificationWillBePushed',
};

/** Names for Plugin.Implemented: what the hooks object really has. */
export function implementedHooks(hooks: Hooks): string[] {
  return (Object.keys(hookWireNames) as Array<keyof Hooks>)
    .filter((name) => typeof hooks[name] === 'function')
    .map((name) => hookWireNames[name]);
}
