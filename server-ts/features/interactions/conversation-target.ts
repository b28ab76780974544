// Where a post about a session goes: the session key names the conversation (see
// conversations/session-key.ts); a DM session is per person, so its channel is that
// person's DM with the bot.
import type { PluginAPI } from '../../mattermost/plugin';
import { parseSessionKey } from '../conversations/session-key';

export interface PostTarget { channelId: string; rootId: string; userId?: string }

export async function targetOf(api: Pick<PluginAPI, 'getDirectChannel'>, botUserId: string, sessionKey: string): Promise<PostTarget | undefined> {
  const parsed = parseSessionKey(sessionKey);
  if (!parsed) return undefined;
  const rootId = parsed.threadId ?? '';
  if (parsed.kind !== 'direct') return { channelId: parsed.peerId, rootId };
  const dm = await api.getDirectChannel(botUserId, parsed.peerId);
  return dm.Id ? { channelId: dm.Id, rootId, userId: parsed.peerId } : undefined;
}
