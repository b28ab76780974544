// The current channel: its name, its posts, the message box.
import type { ReactNode } from 'react';
import { Composer } from './Composer';
import { useBedSelector } from './hooks';
import { channelName } from './names';
import { PostList } from './PostList';

export function ChannelView(): ReactNode {
  const channel = useBedSelector((s) => s.entities.channels.channels[s.entities.channels.currentChannelId]);
  const profiles = useBedSelector((s) => s.entities.users.profiles);
  const me = useBedSelector((s) => s.entities.users.currentUserId);
  if (!channel) return <main className="bed-channel-view bed-empty">Pick a channel.</main>;
  return (
    <main className="bed-channel-view">
      <header className="bed-channel-header" data-channel-id={channel.id}>
        {channelName(channel, profiles, me)}
        {channel.purpose && <span className="bed-channel-purpose">{channel.purpose}</span>}
      </header>
      <PostList channelId={channel.id} />
      <Composer channelId={channel.id} />
    </main>
  );
}
