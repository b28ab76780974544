// The page's WebSocket: @mattermost/client's WebSocketClient on /api/v4/websocket of the page's
// origin, authenticated by the session cookie like the real web client. After a reconnect (or a
// missed-event restart) the bed refetches what it shows, then calls the plugins' reconnect
// handlers, in Mattermost's order.
import { WebSocketClient } from '@mattermost/client';
import { loadPosts, loadTeamsAndChannels } from '../data';
import { record, recordChanged, recordError } from '../record';
import { runReconnectHandlers, type WsMessage } from '../registry/handlers';
import { store } from '../store/store';
import { handleEvent } from './events';

export type WsState = 'connecting' | 'connected' | 'disconnected';
let state: WsState = 'connecting';
export const wsState = (): WsState => state;

async function resync(): Promise<void> {
  await loadTeamsAndChannels();
  const current = store.getState().entities.channels.currentChannelId;
  if (current) await loadPosts(current);
  record.reconnects += 1;
  runReconnectHandlers();
}

export function connectWebSocket(): WebSocketClient {
  const ws = new WebSocketClient();
  const setState = (s: WsState): void => {
    state = s;
    recordChanged();
  };
  ws.addFirstConnectListener(() => setState('connected'));
  ws.addReconnectListener(() => {
    setState('connected');
    resync().catch((err: unknown) => recordError(`resync after reconnect: ${String(err)}`));
  });
  ws.addMissedMessageListener(() => {
    resync().catch((err: unknown) => recordError(`resync after missed events: ${String(err)}`));
  });
  ws.addCloseListener(() => setState('disconnected'));
  ws.addMessageListener((msg) => handleEvent(msg as unknown as WsMessage));
  ws.initialize(`${window.location.origin.replace(/^http/, 'ws')}/api/v4/websocket`);
  return ws;
}
