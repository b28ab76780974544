// The TypeScript conformance plugin. Its Go twin (test/bench/goplugin/main.go) does
// exactly the same; the conformance suite and `npm run bench:rpc` run both.
import { runPlugin } from '../../../server-ts/mattermost/plugin/run';
import type { PluginAPI } from '../../../server-ts/mattermost/plugin/api';
import type { Reaction } from '../../../server-ts/mattermost/model/reaction';
import { serveRoute } from './routes';

type Fields = Record<string, string>;

/** Every Reaction field, so the suite sees that ChannelId, UpdateAt and RemoteId arrived. */
const reactionFields = (r: Reaction): Fields => ({
  user_id: r.UserId ?? '', post_id: r.PostId ?? '', emoji_name: r.EmojiName ?? '', channel_id: r.ChannelId ?? '',
  remote_id: r.RemoteId ?? '', create_at: String(r.CreateAt ?? 0), update_at: String(r.UpdateAt ?? 0),
});

runPlugin((api: PluginAPI) => {
  /** LogDebug("hook", "name", <hook>, ...fields), awaited before the hook returns. */
  const hook = (name: string, fields: Fields = {}) => api.logDebug('hook', { name, ...fields });

  return {
    async onActivate() {
      await hook('OnActivate');
      const version = await api.getServerVersion();
      await api.kvSet('conformance', 'activated');
      await api.registerCommand({
        Trigger: 'conf', DisplayName: 'Conformance', Description: 'Conformance test command', AutoComplete: true,
      });
      await api.logInfo('conformance plugin activated', { server_version: version });
    },
    async onDeactivate() {
      await hook('OnDeactivate');
    },
    async onConfigurationChange() {
      await hook('OnConfigurationChange');
    },
    async executeCommand(_ctx, args) {
      const command = args.Command ?? '';
      await hook('ExecuteCommand', { command });
      return { ResponseType: 'ephemeral', Text: `conf:${command}` };
    },
    async messageHasBeenPosted(_ctx, post) {
      await hook('MessageHasBeenPosted', { post_id: post.Id ?? '', message: post.Message ?? '' });
    },
    async messageHasBeenUpdated(_ctx, newPost, oldPost) {
      await hook('MessageHasBeenUpdated', {
        post_id: newPost.Id ?? '', message: newPost.Message ?? '', old_message: oldPost.Message ?? '',
      });
    },
    async messageHasBeenDeleted(_ctx, post) {
      await hook('MessageHasBeenDeleted', { post_id: post.Id ?? '', delete_at: String(post.DeleteAt ?? 0) });
    },
    async reactionHasBeenAdded(_ctx, reaction) {
      await hook('ReactionHasBeenAdded', reactionFields(reaction));
    },
    async reactionHasBeenRemoved(_ctx, reaction) {
      await hook('ReactionHasBeenRemoved', reactionFields(reaction));
    },
    async onPluginClusterEvent(_ctx, ev) {
      await hook('OnPluginClusterEvent', {
        event_id: ev.Id ?? '', data: Buffer.from(ev.Data ?? new Uint8Array()).toString('utf8'),
      });
    },
    async userHasJoinedChannel(_ctx, member, actor) {
      await hook('UserHasJoinedChannel', {
        channel_id: String(member.ChannelId ?? ''), user_id: String(member.UserId ?? ''), actor_id: String(actor?.Id ?? ''),
      });
    },
    async serveHTTP(_ctx, req, res) {
      await hook('ServeHTTP', { method: req.method, path: req.path });
      await serveRoute(api, req, res);
    },
  };
});
