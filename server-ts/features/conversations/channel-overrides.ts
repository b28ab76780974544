// Per-channel overrides of the chat mode, one per line: `<channel>: <mode>`.
//   <channel>  a channel id, a channel name (`town-square` or `~town-square`), or `team/channel`
//   <mode>     oncall | onmessage | onchar | off, or `mention` / `no-mention` (require a mention or not)
// Names match the channel's current name, so a renamed channel needs its line updated;
// an id never changes. Lookups use the cached channel facts: no API call.
import type { ChatMode } from './settings';

export type OverrideMode = ChatMode | 'off';

const ALIASES: Record<string, OverrideMode> = {
  oncall: 'oncall', onmessage: 'onmessage', onchar: 'onchar', off: 'off',
  mention: 'oncall', 'require-mention': 'oncall', 'requiremention=true': 'oncall',
  'no-mention': 'onmessage', nomention: 'onmessage', 'requiremention=false': 'onmessage',
};

export interface ChannelOverrides {
  byId: Map<string, OverrideMode>;
  /** `name` or `team/name`, lower-cased. */
  byName: Map<string, OverrideMode>;
  problems: string[];
}

export const NO_OVERRIDES: ChannelOverrides = { byId: new Map(), byName: new Map(), problems: [] };
const ID = /^[a-z0-9]{26}$/;

export function parseChannelOverrides(text: string): ChannelOverrides {
  const out: ChannelOverrides = { byId: new Map(), byName: new Map(), problems: [] };
  for (const [i, raw] of text.split(/[\n;]/).entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(.+?)\s*[:=]\s*(\S+)$/.exec(line);
    const mode = m ? ALIASES[m[2].toLowerCase()] : undefined;
    if (!m || !mode) {
      out.problems.push(`Per-channel overrides, line ${i + 1}: "${line.slice(0, 60)}" is not "<channel>: oncall|onmessage|onchar|off"`);
      continue;
    }
    const key = m[1].trim().replace(/^~/, '').toLowerCase();
    if (ID.test(key)) out.byId.set(key, mode);
    else out.byName.set(key.replace(/\/~/, '/'), mode);
  }
  return out;
}

export interface ChannelRef {
  id: string;
  name: string;
  teamName?: string;
}

export function overrideFor(o: ChannelOverrides, ch: ChannelRef): OverrideMode | undefined {
  if (o.byId.size > 0) {
    const byId = o.byId.get(ch.id);
    if (byId) return byId;
  }
  if (o.byName.size === 0) return undefined;
  const name = ch.name.toLowerCase();
  return (ch.teamName ? o.byName.get(`${ch.teamName.toLowerCase()}/${name}`) : undefined) ?? o.byName.get(name);
}
