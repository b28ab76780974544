// Plugin WebSocket event handlers and reconnect handlers, kept outside Redux as Mattermost's
// actions/websocket_actions.ts keeps them: one handler per (plugin, event) and one reconnect
// handler per plugin, a second registration replacing the first.
import { record, recordChanged, recordError } from '../record';

export interface WsMessage {
  event: string;
  data: Record<string, unknown>;
  broadcast?: Record<string, unknown>;
  seq?: number;
}

type Handler = (msg: WsMessage) => unknown;

const wsHandlers = new Map<string, Map<string, Handler>>();
const reconnectHandlers = new Map<string, () => unknown>();

export function setWsHandler(pluginId: string, event: string, handler: Handler): void {
  const mine = wsHandlers.get(pluginId) ?? new Map<string, Handler>();
  mine.set(event, handler);
  wsHandlers.set(pluginId, mine);
}

export const removeWsHandler = (pluginId: string, event: string): void => void wsHandlers.get(pluginId)?.delete(event);
export const setReconnectHandler = (pluginId: string, handler: () => unknown): void => void reconnectHandlers.set(pluginId, handler);
export const removeReconnectHandler = (pluginId: string): void => void reconnectHandlers.delete(pluginId);

export function forgetPlugin(pluginId: string): void {
  wsHandlers.delete(pluginId);
  reconnectHandlers.delete(pluginId);
}

/** A handler's failure (thrown or rejected) is the plugin's bug: recorded, never fatal to the others. */
function guard(pluginId: string, what: string, call: () => unknown): void {
  try {
    const result = call();
    if (result instanceof Promise) result.catch((err: unknown) => recordError(`${pluginId}: ${what} rejected: ${String(err)}`));
  } catch (err) {
    recordError(`${pluginId}: ${what} threw: ${String(err)}`);
  }
}

/** Called for every event after the bed's own handling, as Mattermost's handleEvent does. */
export function deliverToPlugins(msg: WsMessage): void {
  for (const [pluginId, handlers] of wsHandlers) {
    const handler = handlers.get(msg.event);
    if (!handler) continue;
    record.delivered.push({ pluginId, event: msg.event });
    guard(pluginId, `WebSocket handler for ${msg.event}`, () => handler(msg));
  }
  recordChanged();
}

export function runReconnectHandlers(): void {
  for (const [pluginId, handler] of reconnectHandlers) guard(pluginId, 'reconnect handler', handler);
}
