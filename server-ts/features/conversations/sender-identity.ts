// In channels and group messages several people talk to one session, so each message
// tells the agent who is speaking and where. DMs are one person's session: the text goes
// as is. Names are user-controlled: they are flattened to one short line.
import type { ChannelType } from './decide';

export interface Speaker {
  username: string;
  firstName?: string;
  lastName?: string;
  nickname?: string;
}

export interface Place {
  type: ChannelType;
  name: string;
  displayName: string;
}

function clean(s: string | undefined, max = 64): string {
  // Control characters (newlines included) and brackets would let a name fake a header line.
  // eslint-disable-next-line no-control-regex
  return (s ?? '').replace(/[\u0000-\u001f\u007f[\]]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, max);
}

export function displayName(u: Speaker): string {
  const full = clean(`${u.firstName ?? ''} ${u.lastName ?? ''}`);
  return full || clean(u.nickname) || clean(u.username);
}

export function speakerLabel(u: Speaker): string {
  const name = displayName(u);
  const handle = `@${clean(u.username)}`;
  return name && name !== clean(u.username) ? `${name} (${handle})` : handle;
}

export function placeLabel(p: Place): string {
  if (p.type === 'G') return `group message ${clean(p.displayName, 120) || 'with several people'}`;
  const display = clean(p.displayName);
  const name = clean(p.name);
  return display && display.toLowerCase() !== name.toLowerCase() ? `channel ~${name} (${display})` : `channel ~${name}`;
}

/** The text the agent receives. */
export function messageForAgent(text: string, speaker: Speaker, place: Place): string {
  if (place.type === 'D') return text;
  return `[Mattermost ${placeLabel(place)}, from ${speakerLabel(speaker)}]\n${text}`;
}
