// The API script's steps over users, teams, groups, channels, permissions, posts, reactions,
// files, realtime and commands. Summaries name JSON fields as the Go twin does.
import { createHash } from 'node:crypto';
import type { PluginAPI } from '../../../server-ts/mattermost/plugin/api';
import type { User } from '../../../server-ts/mattermost/model/user';
import { Script, type World } from './script';
import { kvScript } from './kv-script';
import { autocompleteCommand } from './autocomplete';

const names = (users: User[]) => users.map((u) => u.Username ?? '');
const sha = (b: Uint8Array) => ({ size: b.length, sha256: createHash('sha256').update(b).digest('hex') });

export async function apiScript(api: PluginAPI, w: World): Promise<Script> {
  const s = new Script();
  await s.run('GetUsersByUsernames', () => api.getUsersByUsernames(['alice', 'nobody', 'bob']), names);
  await s.run('GetTeam', () => api.getTeam(w.team), (t) => ({ id: t.Id, name: t.Name, display_name: t.DisplayName }));
  await s.run('GetTeam missing', () => api.getTeam(w.missing));
  await s.run('GetTeamByName', () => api.getTeamByName(w.teamName), (t) => ({ id: t.Id, name: t.Name }));
  await s.run('GetGroup', () => api.getGroup(w.group), (g) => ({
    id: g.Id, name: g.Name, display_name: g.DisplayName, source: g.Source, member_count: g.MemberCount ?? 0,
  }));
  await s.run('GetGroupByName', () => api.getGroupByName(w.groupName), (g) => ({ id: g.Id, name: g.Name }));
  await s.run('GetGroup missing', () => api.getGroup(w.missing));
  for (const page of [0, 1, 2]) await s.run(`GetGroupMemberUsers page ${page}`, () => api.getGroupMemberUsers(w.group, page, 1), names);

  await s.run('GetChannelMembers', () => api.getChannelMembers(w.channel, 0, 10), (ms) => ms.map((m) => ({
    user_id: m.UserId, roles: m.Roles, scheme_admin: m.SchemeAdmin ?? false, desktop: m.NotifyProps?.desktop ?? '', msg_count: m.MsgCount ?? 0,
  })));
  await s.run('GetChannelMembers page 1', () => api.getChannelMembers(w.channel, 1, 10), (ms) => ms.length);
  await s.run('GetChannelMember', () => api.getChannelMember(w.channel, w.bob), (m) => ({ channel_id: m.ChannelId, user_id: m.UserId, roles: m.Roles }));
  await s.run('GetChannelMember missing', () => api.getChannelMember(w.channel, w.missing));
  await s.run('HasPermissionTo alice manage_system', () => api.hasPermissionTo(w.alice, 'manage_system'));
  await s.run('HasPermissionTo bob manage_system', () => api.hasPermissionTo(w.bob, 'manage_system'));
  await s.run('HasPermissionToChannel bob create_post', () => api.hasPermissionToChannel(w.bob, w.channel, 'create_post'));
  await s.run('HasPermissionToChannel bob manage_public_channel_members', () => api.hasPermissionToChannel(w.bob, w.channel, 'manage_public_channel_members'));
  await s.run('HasPermissionToChannel alice elsewhere', () => api.hasPermissionToChannel(w.alice, w.missing, 'create_post'));

  await postSteps(api, w, s);
  await fileSteps(api, w, s);

  await s.run('PublishUserTyping', () => api.publishUserTyping(w.alice, w.channel, w.root));
  await s.run('PublishPluginClusterEvent reliable', () => api.publishPluginClusterEvent({ Id: 'conf-event', Data: Buffer.from('cluster ✓') }, true));
  await s.run('PublishPluginClusterEvent best effort', () => api.publishPluginClusterEvent({ Id: 'conf-event-2', Data: Buffer.from([0, 255]) }));
  await s.run('RegisterCommand confauto', () => api.registerCommand(autocompleteCommand()));
  await s.run('RegisterCommand confgone', () => api.registerCommand({ Trigger: 'confgone', DisplayName: 'Gone' }));
  await s.run('UnregisterCommand confgone', () => api.unregisterCommand('', 'confgone'));
  await kvScript(api, s);
  return s;
}

async function postSteps(api: PluginAPI, w: World, s: Script): Promise<void> {
  await s.run('GetPost', () => api.getPost(w.root), (p) => ({ id: p.Id, message: p.Message, root_id: p.RootId ?? '', reply_count: p.ReplyCount ?? 0 }));
  await s.run('GetPost missing', () => api.getPost(w.missing));
  await s.run('GetPostThread', () => api.getPostThread(w.reply), (l) => ({
    order: l.Order ?? [], messages: (l.Order ?? []).map((id) => l.Posts?.[id]?.Message ?? ''),
  }));
  await s.run('GetPostThread missing', () => api.getPostThread(w.missing));
  // Read, change one field, write back: everything else must arrive unchanged (the suite checks).
  const rich = await s.run('GetPost rich', () => api.getPost(w.rich), (p) => ({ id: p.Id, props: Object.keys(p.Props ?? {}).length }));
  if (rich) {
    rich.Message = 'edited ✓ by conformance';
    await s.run('UpdatePost rich', () => api.updatePost(rich), (p) => ({ id: p.Id, message: p.Message, edit_at: p.EditAt ?? 0 }));
    // A reaction read elsewhere (in the post's metadata), written back as it came.
    const reaction = rich.Metadata?.Reactions?.[0];
    if (reaction) {
      await s.run('AddReaction', () => api.addReaction(reaction), (r) => ({
        user_id: r.UserId, emoji_name: r.EmojiName, channel_id: r.ChannelId, remote_id: r.RemoteId ?? '',
        create_at: r.CreateAt ?? 0, update_at: r.UpdateAt ?? 0,
      }));
      await s.run('RemoveReaction', () => api.removeReaction(reaction));
    }
  }
  await s.run('UpdatePost missing', () => api.updatePost({ Id: w.missing, ChannelId: w.channel, Message: 'nobody' }));
  await s.run('RemoveReaction missing', () => api.removeReaction({ UserId: w.alice, PostId: w.missing, EmojiName: 'smile' }));
}

async function fileSteps(api: PluginAPI, w: World, s: Script): Promise<void> {
  await s.run('GetFileInfo', () => api.getFileInfo(w.file), (f) => ({
    id: f.Id, name: f.Name, extension: f.Extension, size: f.Size ?? 0, mime_type: f.MimeType, channel_id: f.ChannelId,
  }));
  await s.run('GetFileInfo missing', () => api.getFileInfo(w.missing));
  await s.run('GetFile', () => api.getFile(w.file), sha);
  await s.run('GetFile missing', () => api.getFile(w.missing));
  const data = Buffer.from('uploaded by conformance ✓\n');
  const up = await s.run('UploadFile', () => api.uploadFile(data, w.channel, 'Notes.TXT'), (f) => ({
    name: f.Name, extension: f.Extension, size: f.Size ?? 0, mime_type: f.MimeType, channel_id: f.ChannelId,
    creator_id: f.CreatorId, create_at: f.CreateAt ?? 0,
  }));
  if (up?.Id) {
    const id = up.Id;
    await s.run('GetFileInfo uploaded', () => api.getFileInfo(id), (f) => ({ same_id: f.Id === id, name: f.Name }));
    await s.run('GetFile uploaded', () => api.getFile(id), sha);
  }
  await s.run('UploadFile missing channel', () => api.uploadFile(data, w.missing, 'x.txt'));
}
