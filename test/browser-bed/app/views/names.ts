// How the page names channels and people.
import type { Channel } from '@mattermost/types/channels';
import type { UserProfile } from '@mattermost/types/users';
import { dmPartner } from '../data';

export const userName = (profiles: Record<string, UserProfile>, id: string): string => {
  const p = profiles[id];
  return p ? p.username : id.slice(0, 8);
};

export function channelName(channel: Channel, profiles: Record<string, UserProfile>, me: string): string {
  if (channel.type === 'D') return `@${userName(profiles, dmPartner(channel, me))}`;
  return channel.display_name || channel.name;
}
