// Typed client for the Mattermost plugin API, one method per server API call.
// Errors surface as AppError (or Error for plain Go errors).
import { t, toPlain, type GobValue } from '../gob';
import { ApiTransport } from './api-transport';
import { AppError } from '../model/app-error';
import { PostType, type Post } from '../model/post';
import { CommandType, type Command } from '../model/command';
import {
  BotType, KVSetOptionsType, OpenDialogRequestType, PermissionType, PluginClusterEventSendOptionsType,
  PluginClusterEventType, ReactionType, WebsocketBroadcastType,
  type Bot, type KVSetOptions, type OpenDialogRequest, type WebsocketBroadcast,
} from '../model/misc';

const s = t.string;
const utf8 = new TextEncoder();
export type Fields = Record<string, unknown>;

export class PluginAPI {
  constructor(private readonly rpc: ApiTransport) {}

  // --- configuration ---
  async loadPluginConfiguration(): Promise<Fields> {
    const reply = await this.rpc.call('LoadPluginConfiguration', []);
    const bytes = reply.A as Uint8Array | undefined;
    return bytes && bytes.length ? JSON.parse(Buffer.from(bytes).toString('utf8')) : {};
  }
  async getPluginConfig(): Promise<Fields> { return (toPlain((await this.rpc.call('GetPluginConfig', [])).A as GobValue) ?? {}) as Fields; }
  async getConfig(): Promise<Fields> { return ((await this.rpc.call('GetConfig', [])).A ?? {}) as Fields; }
  async getServerVersion(): Promise<string> { return String((await this.rpc.call('GetServerVersion', [])).A ?? ''); }

  // --- commands and bots ---
  registerCommand(command: Command): Promise<void> { return this.rpc.check('RegisterCommand', [[CommandType, command]]); }
  unregisterCommand(teamId: string, trigger: string): Promise<void> { return this.rpc.check('UnregisterCommand', [[s, teamId], [s, trigger]]); }
  ensureBotUser(bot: Bot): Promise<string> { return this.rpc.result('EnsureBotUser', [[BotType, bot]]); }

  // --- users, channels, permissions ---
  getUser(userId: string): Promise<Fields> { return this.rpc.result('GetUser', [[s, userId]]); }
  getUserByUsername(username: string): Promise<Fields> { return this.rpc.result('GetUserByUsername', [[s, username]]); }
  getChannel(channelId: string): Promise<Fields> { return this.rpc.result('GetChannel', [[s, channelId]]); }
  getDirectChannel(userId1: string, userId2: string): Promise<Fields> { return this.rpc.result('GetDirectChannel', [[s, userId1], [s, userId2]]); }
  getChannelMember(channelId: string, userId: string): Promise<Fields> { return this.rpc.result('GetChannelMember', [[s, channelId], [s, userId]]); }
  async hasPermissionToChannel(userId: string, channelId: string, permissionId: string): Promise<boolean> {
    const reply = await this.rpc.call('HasPermissionToChannel', [[s, userId], [s, channelId], [PermissionType, { Id: permissionId }]]);
    return reply.A === true;
  }

  // --- posts ---
  createPost(post: Post): Promise<Post> { return this.rpc.result('CreatePost', [[PostType, post]]); }
  updatePost(post: Post): Promise<Post> { return this.rpc.result('UpdatePost', [[PostType, post]]); }
  getPost(postId: string): Promise<Post> { return this.rpc.result('GetPost', [[s, postId]]); }
  deletePost(postId: string): Promise<void> { return this.rpc.check('DeletePost', [[s, postId]]); }
  async sendEphemeralPost(userId: string, post: Post): Promise<Post> { return (await this.rpc.call('SendEphemeralPost', [[s, userId], [PostType, post]])).A as Post; }
  async updateEphemeralPost(userId: string, post: Post): Promise<Post> { return (await this.rpc.call('UpdateEphemeralPost', [[s, userId], [PostType, post]])).A as Post; }
  async deleteEphemeralPost(userId: string, postId: string): Promise<void> { await this.rpc.call('DeleteEphemeralPost', [[s, userId], [s, postId]]); }
  addReaction(userId: string, postId: string, emojiName: string): Promise<Fields> {
    return this.rpc.result('AddReaction', [[ReactionType, { UserId: userId, PostId: postId, EmojiName: emojiName }]]);
  }

  // --- realtime, dialogs, cluster ---
  async publishWebSocketEvent(event: string, payload: Fields, broadcast: WebsocketBroadcast): Promise<void> {
    await this.rpc.call('PublishWebSocketEvent', [[s, event], [t.map(s, t.interface), payload], [WebsocketBroadcastType, broadcast]]);
  }
  openInteractiveDialog(request: OpenDialogRequest): Promise<void> { return this.rpc.check('OpenInteractiveDialog', [[OpenDialogRequestType, request]]); }
  async publishPluginClusterEvent(id: string, data: Uint8Array, reliable = false): Promise<void> {
    const reply = await this.rpc.call('PublishPluginClusterEvent', [
      [PluginClusterEventType, { Id: id, Data: data }],
      [PluginClusterEventSendOptionsType, { SendType: reliable ? 'reliable' : 'best_effort' }],
    ]);
    if (reply.A) throw new Error(`PublishPluginClusterEvent failed: ${JSON.stringify(toPlain(reply.A as GobValue))}`);
  }

  // --- key-value store ---
  async kvGet(key: string): Promise<Uint8Array | undefined> {
    const value = await this.rpc.result<Uint8Array | undefined>('KVGet', [[s, key]]);
    return value ?? undefined;
  }
  kvSet(key: string, value: Uint8Array | string): Promise<void> {
    return this.rpc.check('KVSet', [[s, key], [t.bytes, typeof value === 'string' ? utf8.encode(value) : value]]);
  }
  /** Atomic compare-and-set and expiry; resolves false when an atomic set lost the race. */
  kvSetWithOptions(key: string, value: Uint8Array | null, options: KVSetOptions): Promise<boolean> {
    return this.rpc.result('KVSetWithOptions', [[s, key], [t.bytes, value], [KVSetOptionsType, options]]);
  }
  kvDelete(key: string): Promise<void> { return this.rpc.check('KVDelete', [[s, key]]); }
  async kvList(page: number, perPage: number): Promise<string[]> { return (await this.rpc.result<string[] | undefined>('KVList', [[t.int, page], [t.int, perPage]])) ?? []; }

  // --- logging (lands in the server log with the plugin id attached) ---
  logDebug(message: string, fields?: Fields): Promise<void> { return this.log('LogDebug', message, fields); }
  logInfo(message: string, fields?: Fields): Promise<void> { return this.log('LogInfo', message, fields); }
  logWarn(message: string, fields?: Fields): Promise<void> { return this.log('LogWarn', message, fields); }
  logError(message: string, fields?: Fields): Promise<void> { return this.log('LogError', message, fields); }

  private async log(method: string, message: string, fields: Fields = {}): Promise<void> {
    // The Go API stringifies key/value pairs; sending strings keeps every value a registered type.
    const pairs = Object.entries(fields).flatMap(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]);
    await this.rpc.call(method, [[s, message], [t.slice(t.interface), pairs]]);
  }
}

export { AppError };
