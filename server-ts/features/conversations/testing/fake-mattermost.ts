// An in-memory Mattermost behind the MattermostPort, for the conversation unit tests:
// users, channels and members, posts, reactions, files, KV (shared between "nodes" when the
// same FakeKv is passed), and a count of every call.
import { AppError } from '../../../mattermost/model';
import type { Channel, ChannelMember, FileInfo, Group, PluginClusterEvent, Post, Reaction, Team, User } from '../../../mattermost/model';
import type { KvSetOptions } from '../kv';
import type { MattermostPort } from '../mattermost-port';
import { FakeKv } from './fake-kv';

const notFound = (what: string) => new AppError({ Id: 'not_found', Message: `${what} not found`, StatusCode: 404 });

export class FakeMattermost implements MattermostPort {
  readonly users = new Map<string, User>();
  readonly channels = new Map<string, Channel>();
  readonly members = new Set<string>(); // `${channelId}:${userId}`
  readonly teams = new Map<string, Team>();
  readonly groups = new Map<string, { group: Group; members: string[] }>();
  readonly files = new Map<string, { info: FileInfo; bytes: Uint8Array }>();
  readonly posts: Post[] = [];
  readonly ephemeral: Array<{ userId: string; post: Post }> = [];
  readonly reactions: Reaction[] = [];
  readonly typing: Array<{ userId: string; channelId: string; parentId: string }> = [];
  readonly clusterEvents: PluginClusterEvent[] = [];
  readonly calls: string[] = [];
  private seq = 0;

  constructor(readonly kv: FakeKv = new FakeKv()) {}

  private call(name: string): void {
    this.calls.push(name);
  }

  addUser(id: string, username: string, extra: Partial<User> = {}): this {
    this.users.set(id, { Id: id, Username: username, ...extra });
    return this;
  }

  addChannel(id: string, type: 'O' | 'P' | 'D' | 'G', name: string, members: string[], extra: Partial<Channel> = {}): this {
    this.channels.set(id, { Id: id, Type: type, Name: name, DisplayName: extra.DisplayName ?? name, TeamId: type === 'D' || type === 'G' ? '' : 't1', ...extra });
    for (const m of members) this.members.add(`${id}:${m}`);
    return this;
  }

  getUser(id: string): Promise<User> { this.call('getUser'); const u = this.users.get(id); return u ? Promise.resolve(u) : Promise.reject(notFound('user')); }
  getUserByUsername(name: string): Promise<User> {
    this.call('getUserByUsername');
    const u = [...this.users.values()].find((x) => x.Username === name);
    return u ? Promise.resolve(u) : Promise.reject(notFound('user'));
  }
  getTeam(id: string): Promise<Team> { this.call('getTeam'); const t = this.teams.get(id); return t ? Promise.resolve(t) : Promise.reject(notFound('team')); }
  getTeamByName(name: string): Promise<Team> {
    this.call('getTeamByName');
    const t = [...this.teams.values()].find((x) => x.Name === name);
    return t ? Promise.resolve(t) : Promise.reject(notFound('team'));
  }
  getGroup(id: string): Promise<Group> { this.call('getGroup'); const g = this.groups.get(id); return g ? Promise.resolve(g.group) : Promise.reject(notFound('group')); }
  getGroupByName(name: string): Promise<Group> {
    this.call('getGroupByName');
    const g = [...this.groups.values()].find((x) => x.group.Name === name);
    return g ? Promise.resolve(g.group) : Promise.reject(notFound('group'));
  }
  getGroupMemberUsers(id: string, page: number, perPage: number): Promise<User[]> {
    this.call('getGroupMemberUsers');
    const ids = this.groups.get(id)?.members ?? [];
    return Promise.resolve(ids.slice(page * perPage, (page + 1) * perPage).map((u) => ({ Id: u })));
  }
  getChannel(id: string): Promise<Channel> { this.call('getChannel'); const c = this.channels.get(id); return c ? Promise.resolve(c) : Promise.reject(notFound('channel')); }
  getChannelMember(channelId: string, userId: string): Promise<ChannelMember> {
    this.call('getChannelMember');
    return this.members.has(`${channelId}:${userId}`) ? Promise.resolve({ ChannelId: channelId, UserId: userId }) : Promise.reject(notFound('member'));
  }
  getDirectChannel(a: string, b: string): Promise<Channel> {
    this.call('getDirectChannel');
    const name = [a, b].sort().join('__');
    const found = [...this.channels.values()].find((c) => c.Type === 'D' && c.Name === name);
    if (found) return Promise.resolve(found);
    const id = `dm-${a}-${b}`;
    this.addChannel(id, 'D', name, [a, b]);
    return Promise.resolve(this.channels.get(id)!);
  }
  createPost(post: Post): Promise<Post> {
    this.call('createPost');
    const created = { ...post, Id: `post${++this.seq}`, CreateAt: Date.now() };
    this.posts.push(created);
    return Promise.resolve(created);
  }
  sendEphemeralPost(userId: string, post: Post): Promise<Post> {
    this.call('sendEphemeralPost');
    this.ephemeral.push({ userId, post });
    return Promise.resolve(post);
  }
  addReaction(r: Reaction): Promise<Reaction> { this.call('addReaction'); this.reactions.push(r); return Promise.resolve(r); }
  removeReaction(r: Reaction): Promise<void> {
    this.call('removeReaction');
    const i = this.reactions.findIndex((x) => x.PostId === r.PostId && x.UserId === r.UserId && x.EmojiName === r.EmojiName);
    if (i >= 0) this.reactions.splice(i, 1);
    return Promise.resolve();
  }
  publishUserTyping(userId: string, channelId: string, parentId = ''): Promise<void> {
    this.call('publishUserTyping');
    this.typing.push({ userId, channelId, parentId });
    return Promise.resolve();
  }
  getFileInfo(id: string): Promise<FileInfo> { this.call('getFileInfo'); const f = this.files.get(id); return f ? Promise.resolve(f.info) : Promise.reject(notFound('file')); }
  getFile(id: string): Promise<Uint8Array> { this.call('getFile'); const f = this.files.get(id); return f ? Promise.resolve(f.bytes) : Promise.reject(notFound('file')); }
  uploadFile(data: Uint8Array, channelId: string, filename: string): Promise<FileInfo> {
    this.call('uploadFile');
    const id = `file${++this.seq}`;
    this.files.set(id, { info: { Id: id, Name: filename, ChannelId: channelId, Size: data.length }, bytes: data });
    return Promise.resolve({ Id: id, Name: filename });
  }
  kvGet(key: string): Promise<Uint8Array | undefined> { this.call('kvGet'); return this.kv.kvGet(key); }
  kvSet(key: string, value: Uint8Array | string): Promise<void> {
    this.call('kvSet');
    return this.kv.kvSet(key, typeof value === 'string' ? new TextEncoder().encode(value) : value);
  }
  kvSetWithOptions(key: string, value: Uint8Array | string | null, options: KvSetOptions): Promise<boolean> {
    this.call('kvSetWithOptions');
    return this.kv.kvSetWithOptions(key, typeof value === 'string' ? new TextEncoder().encode(value) : value, options);
  }
  kvDelete(key: string): Promise<void> { this.call('kvDelete'); return this.kv.kvDelete(key); }
  publishPluginClusterEvent(event: PluginClusterEvent): Promise<void> {
    this.call('publishPluginClusterEvent');
    this.clusterEvents.push(event);
    return Promise.resolve();
  }
}
