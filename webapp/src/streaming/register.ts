// Wires live replies into the host: the post type component, one WebSocket handler for our
// stream events (fanned out by post id), a snapshot refetch of live streams after a reconnect,
// and the lookup of our bot's user id (posts of our type by anyone else are not trusted).
import { PLUGIN_ID } from '../manifest';
import { fetchBotUserId, fetchSnapshot, stopStream } from './api';
import { BotIdentity } from './bot-identity';
import { eventName, STREAM_EVENTS, streamEventHandler, type WsMessage } from './fan-out';
import { REPLY_POST_TYPE } from './post-type';
import { makeReplyPost, type PostTypeProps } from './reply-post';
import { Streams } from './streams';
import { addStyles } from './styles';
import type { ComponentType } from 'react';

export interface StreamingRegistry {
  registerPostTypeComponent(type: string, component: ComponentType<PostTypeProps>): string;
  registerWebSocketEventHandler(event: string, handler: (msg: WsMessage) => void): void;
  registerReconnectHandler(handler: () => void): void;
}

// Errors here are the plugin's, not the user's: they go to the console (where support looks).
const logError = (message: string): void => console.error(message);

export function registerStreaming(registry: StreamingRegistry, currentUserId: () => string | undefined): void {
  addStyles();
  const streams = new Streams({ fetchSnapshot, onFrame: (run) => void requestAnimationFrame(run), logError });
  const bot = new BotIdentity();
  void bot.load(fetchBotUserId, logError);
  registry.registerPostTypeComponent(REPLY_POST_TYPE, makeReplyPost({ streams, bot, currentUserId, stop: stopStream }));
  const handler = streamEventHandler(PLUGIN_ID, streams);
  for (const name of STREAM_EVENTS) registry.registerWebSocketEventHandler(eventName(PLUGIN_ID, name), handler);
  registry.registerReconnectHandler(() => streams.reconnected());
}
