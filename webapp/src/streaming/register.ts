// Wires live replies into the host: the post type component, one WebSocket handler for our
// stream events (fanned out by post id) and a snapshot refetch of live streams after a reconnect.
// Posts of our type by anyone but our bot are not trusted.
import { PLUGIN_ID } from '../manifest';
import type { BotIdentity } from '../bot/bot-identity';
import { fetchSnapshot, stopStream } from './api';
import { eventName, STREAM_EVENTS, streamEventHandler, type WsMessage } from './fan-out';
import { REPLY_POST_TYPE } from './post-type';
import { makeReplyPost } from './reply-post';
import { Streams } from './streams';
import { addStyles } from './styles';
import type { PostTypeRegistry } from '../host/post-type-registry';

export interface StreamingRegistry extends PostTypeRegistry {
  registerWebSocketEventHandler(event: string, handler: (msg: WsMessage) => void): void;
  registerReconnectHandler(handler: () => void): void;
}

export function registerStreaming(registry: StreamingRegistry, bot: BotIdentity, currentUserId: () => string | undefined, logError: (m: string) => void): void {
  addStyles();
  const streams = new Streams({ fetchSnapshot, onFrame: (run) => void requestAnimationFrame(run), logError });
  registry.registerPostTypeComponent(REPLY_POST_TYPE, makeReplyPost({ streams, bot, currentUserId, stop: stopStream }));
  const handler = streamEventHandler(PLUGIN_ID, streams);
  for (const name of STREAM_EVENTS) registry.registerWebSocketEventHandler(eventName(PLUGIN_ID, name), handler);
  registry.registerReconnectHandler(() => streams.reconnected());
}
