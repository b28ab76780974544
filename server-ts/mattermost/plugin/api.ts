// Typed client for the Mattermost plugin API, one method per server API call, named as in Go.
// Results are checked against the declared model schemas; errors surface as AppError (or
// Error for plain Go errors).
import { t, toPlain, type GobValue, type PlainValue } from '../gob';
import { type ApiTransport, arg } from './api-transport';
import { AppError } from '../model/app-error';
import { PostListType, PostType, type Post, type PostList } from '../model/post';
import { CommandType, type Command } from '../model/command';
import { BotType, UserType, type Bot, type User } from '../model/user';
import { ChannelMemberType, ChannelType, type Channel, type ChannelMember } from '../model/channel';
import { GroupType, TeamType, type Group, type Team } from '../model/team';
import { FileInfoType, type FileInfo } from '../model/file';
import { ReactionType, type Reaction } from '../model/reaction';
import { PushNotificationType, type PushNotification } from '../model/push';
import {
  KVSetOptionsType, OpenDialogRequestType, PermissionType, PluginClusterEventSendOptionsType, PluginClusterEventType,
  WebsocketBroadcastType, type KVSetOptions, type OpenDialogRequest, type PluginClusterEvent, type WebsocketBroadcast,
} from '../model/misc';

const s = t.string;
const int = t.int;
const utf8 = new TextEncoder();
const bytesOf = (v: Uint8Array | string) => (typeof v === 'string' ? utf8.encode(v) : v);
export type Fields = Record<string, unknown>;

export class PluginAPI {
  constructor(private readonly rpc: ApiTransport) {}

  // --- configuration ---
  async loadPluginConfiguration(): Promise<unknown> {
    const bytes = await this.rpc.optional('LoadPluginConfiguration', [], t.bytes);
    return bytes?.length ? JSON.parse(Buffer.from(bytes).toString('utf8')) : {};
  }
  /** The server's model.Config as JSON-like data (it is large and version-dependent). */
  async getConfig(): Promise<PlainValue> { return toPlain(((await this.rpc.call('GetConfig', [])).A ?? null) as GobValue); }
  async getServerVersion(): Promise<string> { return (await this.rpc.optional('GetServerVersion', [], s)) ?? ''; }

  // --- commands and bots ---
  registerCommand(command: Command): Promise<void> { return this.rpc.check('RegisterCommand', [arg(CommandType, command)]); }
  unregisterCommand(teamId: string, trigger: string): Promise<void> { return this.rpc.check('UnregisterCommand', [arg(s, teamId), arg(s, trigger)]); }
  ensureBotUser(bot: Bot): Promise<string> { return this.rpc.result('EnsureBotUser', [arg(BotType, bot)], s); }

  // --- users, teams, groups ---
  getUser(userId: string): Promise<User> { return this.rpc.result('GetUser', [arg(s, userId)], UserType); }
  getUserByUsername(username: string): Promise<User> { return this.rpc.result('GetUserByUsername', [arg(s, username)], UserType); }
  async getUsersByUsernames(usernames: string[]): Promise<User[]> {
    return (await this.rpc.optional('GetUsersByUsernames', [arg(t.slice(s), usernames)], t.slice(UserType))) ?? [];
  }
  getTeam(teamId: string): Promise<Team> { return this.rpc.result('GetTeam', [arg(s, teamId)], TeamType); }
  getTeamByName(name: string): Promise<Team> { return this.rpc.result('GetTeamByName', [arg(s, name)], TeamType); }
  getGroup(groupId: string): Promise<Group> { return this.rpc.result('GetGroup', [arg(s, groupId)], GroupType); }
  getGroupByName(name: string): Promise<Group> { return this.rpc.result('GetGroupByName', [arg(s, name)], GroupType); }
  async getGroupMemberUsers(groupId: string, page: number, perPage: number): Promise<User[]> {
    return (await this.rpc.optional('GetGroupMemberUsers', [arg(s, groupId), arg(int, page), arg(int, perPage)], t.slice(UserType))) ?? [];
  }
  async hasPermissionTo(userId: string, permissionId: string): Promise<boolean> {
    return (await this.rpc.call('HasPermissionTo', [arg(s, userId), arg(PermissionType, { Id: permissionId })])).A === true;
  }

  // --- channels ---
  getChannel(channelId: string): Promise<Channel> { return this.rpc.result('GetChannel', [arg(s, channelId)], ChannelType); }
  getDirectChannel(userId1: string, userId2: string): Promise<Channel> { return this.rpc.result('GetDirectChannel', [arg(s, userId1), arg(s, userId2)], ChannelType); }
  getChannelMember(channelId: string, userId: string): Promise<ChannelMember> {
    return this.rpc.result('GetChannelMember', [arg(s, channelId), arg(s, userId)], ChannelMemberType);
  }
  async getChannelMembers(channelId: string, page: number, perPage: number): Promise<ChannelMember[]> {
    return (await this.rpc.optional('GetChannelMembers', [arg(s, channelId), arg(int, page), arg(int, perPage)], t.slice(ChannelMemberType))) ?? [];
  }
  async hasPermissionToChannel(userId: string, channelId: string, permissionId: string): Promise<boolean> {
    return (await this.rpc.call('HasPermissionToChannel', [arg(s, userId), arg(s, channelId), arg(PermissionType, { Id: permissionId })])).A === true;
  }

  // --- posts and reactions ---
  createPost(post: Post): Promise<Post> { return this.rpc.result('CreatePost', [arg(PostType, post)], PostType); }
  updatePost(post: Post): Promise<Post> { return this.rpc.result('UpdatePost', [arg(PostType, post)], PostType); }
  getPost(postId: string): Promise<Post> { return this.rpc.result('GetPost', [arg(s, postId)], PostType); }
  getPostThread(postId: string): Promise<PostList> { return this.rpc.result('GetPostThread', [arg(s, postId)], PostListType); }
  deletePost(postId: string): Promise<void> { return this.rpc.check('DeletePost', [arg(s, postId)]); }
  /** Mattermost answers nil for an unknown user; the post as sent is the best we have then. */
  async sendEphemeralPost(userId: string, post: Post): Promise<Post> {
    return (await this.rpc.optional('SendEphemeralPost', [arg(s, userId), arg(PostType, post)], PostType)) ?? post;
  }
  async updateEphemeralPost(userId: string, post: Post): Promise<Post> {
    return (await this.rpc.optional('UpdateEphemeralPost', [arg(s, userId), arg(PostType, post)], PostType)) ?? post;
  }
  async deleteEphemeralPost(userId: string, postId: string): Promise<void> { await this.rpc.call('DeleteEphemeralPost', [arg(s, userId), arg(s, postId)]); }
  addReaction(reaction: Reaction): Promise<Reaction> { return this.rpc.result('AddReaction', [arg(ReactionType, reaction)], ReactionType); }
  removeReaction(reaction: Reaction): Promise<void> { return this.rpc.check('RemoveReaction', [arg(ReactionType, reaction)]); }

  // --- files ---
  getFileInfo(fileId: string): Promise<FileInfo> { return this.rpc.result('GetFileInfo', [arg(s, fileId)], FileInfoType); }
  async getFile(fileId: string): Promise<Uint8Array> { return (await this.rpc.optional('GetFile', [arg(s, fileId)], t.bytes)) ?? new Uint8Array(); }
  uploadFile(data: Uint8Array, channelId: string, filename: string): Promise<FileInfo> {
    return this.rpc.result('UploadFile', [arg(t.bytes, data), arg(s, channelId), arg(s, filename)], FileInfoType);
  }

  // --- realtime, dialogs, cluster ---
  async publishWebSocketEvent(event: string, payload: Fields, broadcast: WebsocketBroadcast): Promise<void> {
    await this.rpc.call('PublishWebSocketEvent', [arg(s, event), arg(t.map(s, t.interface), payload), arg(WebsocketBroadcastType, broadcast)]);
  }
  publishUserTyping(userId: string, channelId: string, parentId = ''): Promise<void> {
    return this.rpc.check('PublishUserTyping', [arg(s, userId), arg(s, channelId), arg(s, parentId)]);
  }
  /** Pushes to every mobile session of the user (Mattermost 9.0+); NotificationWillBePushed runs for it too. */
  sendPushNotification(notification: PushNotification, userId: string): Promise<void> {
    return this.rpc.check('SendPushNotification', [arg(PushNotificationType, notification), arg(s, userId)]);
  }
  openInteractiveDialog(request: OpenDialogRequest): Promise<void> { return this.rpc.check('OpenInteractiveDialog', [arg(OpenDialogRequestType, request)]); }
  publishPluginClusterEvent(event: PluginClusterEvent, reliable = false): Promise<void> {
    return this.rpc.check('PublishPluginClusterEvent', [
      arg(PluginClusterEventType, event),
      arg(PluginClusterEventSendOptionsType, { SendType: reliable ? 'reliable' : 'best_effort' }),
    ]);
  }

  // --- key-value store ---
  kvGet(key: string): Promise<Uint8Array | undefined> { return this.rpc.optional('KVGet', [arg(s, key)], t.bytes); }
  kvSet(key: string, value: Uint8Array | string): Promise<void> { return this.rpc.check('KVSet', [arg(s, key), arg(t.bytes, bytesOf(value))]); }
  /** Resolves false when an atomic set lost the race (the stored value was not `oldValue`). */
  async kvSetWithOptions(key: string, value: Uint8Array | string | null, options: KVSetOptions): Promise<boolean> {
    return (await this.rpc.optional('KVSetWithOptions', [arg(s, key), [t.bytes, value === null ? null : bytesOf(value)], arg(KVSetOptionsType, options)], t.bool)) === true;
  }
  /** Atomic: sets `newValue` only if the stored value is `oldValue` (null: only if absent). */
  async kvCompareAndSet(key: string, oldValue: Uint8Array | string | null, newValue: Uint8Array | string): Promise<boolean> {
    const old: readonly [typeof t.bytes, Uint8Array | null] = [t.bytes, oldValue === null ? null : bytesOf(oldValue)];
    return (await this.rpc.optional('KVCompareAndSet', [arg(s, key), old, arg(t.bytes, bytesOf(newValue))], t.bool)) === true;
  }
  kvDelete(key: string): Promise<void> { return this.rpc.check('KVDelete', [arg(s, key)]); }
  async kvList(page: number, perPage: number): Promise<string[]> { return (await this.rpc.optional('KVList', [arg(int, page), arg(int, perPage)], t.slice(s))) ?? []; }

  // --- logging (lands in the server log with the plugin id attached) ---
  logDebug(message: string, fields?: Fields): Promise<void> { return this.log('LogDebug', message, fields); }
  logInfo(message: string, fields?: Fields): Promise<void> { return this.log('LogInfo', message, fields); }
  logWarn(message: string, fields?: Fields): Promise<void> { return this.log('LogWarn', message, fields); }
  logError(message: string, fields?: Fields): Promise<void> { return this.log('LogError', message, fields); }

  private async log(method: string, message: string, fields: Fields = {}): Promise<void> {
    // The Go API stringifies key/value pairs; sending strings keeps every value a registered type.
    const pairs = Object.entries(fields).flatMap(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]);
    await this.rpc.call(method, [arg(s, message), arg(t.slice(t.interface), pairs)]);
  }
}

export { AppError };
