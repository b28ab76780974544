// Desktop notifications as Mattermost's web client decides them (actions/notification_actions.tsx),
// reduced to what a plugin can affect: a post by someone else in one of our channels notifies;
// every plugin's registerDesktopNotificationHook may change its args or set notify: false first;
// WebappUtils.sendDesktopNotificationToMe lets a plugin show one later. The bed records each
// notification it would show on window.__openclawBed.notifications instead of calling the OS.
import type { Post } from '@mattermost/types/posts';
import { record, recordChanged, recordError } from '../record';
import { store } from '../store/store';

export interface NotifyArgs {
  title: string;
  body: string;
  silent: boolean;
  soundName: string;
  url: string;
  notify: boolean;
}

type DesktopHook = (post: Post, msgProps: Record<string, unknown>, channel: unknown, teamId: string, args: NotifyArgs) => Promise<{ args?: NotifyArgs; error?: string }>;

function show(title: string, body: string, channelId: string, from: 'host' | 'plugin'): void {
  record.notifications.push({ title, body, channelId, from });
  recordChanged();
}

export async function notifyDesktop(post: Post, msgProps: Record<string, unknown>): Promise<void> {
  const state = store.getState();
  const channel = state.entities.channels.channels[post.channel_id];
  if (!channel || post.user_id === state.entities.users.currentUserId) return;
  const sender = typeof msgProps.sender_name === 'string' ? msgProps.sender_name : 'someone';
  let args: NotifyArgs = { title: channel.display_name || sender, body: `@${sender}: ${post.message}`, silent: false, soundName: 'Bing', url: `#/channels/${channel.id}`, notify: true };
  for (const reg of state.plugins.components.DesktopNotificationHooks ?? []) {
    try {
      const result = await (reg.hook as DesktopHook)(post, msgProps, channel, channel.team_id, args);
      if (result?.error) return recordError(`${reg.pluginId}: desktop notification hook: ${result.error}`);
      if (result?.args) args = result.args;
    } catch (err) {
      return recordError(`${reg.pluginId}: desktop notification hook threw: ${String(err)}`);
    }
  }
  if (args.notify) show(args.title, args.body, channel.id, 'host');
}

/** window.WebappUtils.sendDesktopNotificationToMe: an action creator, dispatched by the plugin. */
export function sendDesktopNotificationToMe(title: string, body: string, channel: { id?: string } | undefined): () => void {
  return () => show(title, body, channel?.id ?? '', 'plugin');
}
