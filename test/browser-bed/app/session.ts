// Signing in and out, and what follows a sign-in: the user's teams and channels, the WebSocket,
// then the plugins (the order of Mattermost's start-up), then the channel in the URL.
import type { UserProfile } from '@mattermost/types/users';
import type { WebSocketClient } from '@mattermost/client';
import { client } from './client';
import { loadTeamsAndChannels, selectChannel } from './data';
import { syncPlugins } from './plugins/load';
import { store } from './store/store';
import { connectWebSocket } from './ws/connect';

let ws: WebSocketClient | undefined;

/** The channel id in the URL (#/channels/<id>), if any. */
export const channelInUrl = (): string | undefined => /^#\/channels\/([a-z0-9]+)/.exec(window.location.hash)?.[1];

async function start(me: UserProfile): Promise<void> {
  store.dispatch({ type: 'RECEIVED_ME', data: me });
  store.dispatch({ type: 'RECEIVED_CLIENT_CONFIG', data: await client.getClientConfig() });
  await loadTeamsAndChannels();
  ws = connectWebSocket();
  await syncPlugins();
  const wanted = channelInUrl();
  const channels = Object.values(store.getState().entities.channels.channels);
  const fallback = channels.find((c) => c.name === 'town-square') ?? channels[0];
  const channelId = wanted ?? fallback?.id;
  if (channelId) await selectChannel(channelId);
}

/**
 * Signs in again from the session cookie of an earlier visit; false when there is none. Like the
 * real client, the readable MMUSERID cookie (set with the HttpOnly session cookie) says whether
 * there is a session worth asking the server about.
 */
export async function resumeSession(): Promise<boolean> {
  if (!document.cookie.split('; ').some((c) => c.startsWith('MMUSERID='))) return false;
  let me: UserProfile;
  try {
    me = await client.getMe();
  } catch {
    return false;
  }
  await start(me);
  return true;
}

export async function signIn(username: string, password: string): Promise<void> {
  await start(await client.login(username, password));
}

export async function signOut(): Promise<void> {
  ws?.close();
  await client.logout();
  // The server's logout clears only the HttpOnly session cookie; the web client drops MMUSERID
  // itself, or the next visit would take the stale id for a session.
  document.cookie = 'MMUSERID=; Max-Age=0; path=/';
  // A fresh page is the simplest way to drop every plugin, handler and cached entity.
  window.location.hash = '';
  window.location.reload();
}
