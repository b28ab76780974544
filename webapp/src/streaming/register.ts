// Wires live replies into the host: the post type component, one WebSocket handler for our
// stream events (fanned out by post id) and a snapshot refetch of live streams after a reconnect.
// Posts of our type by anyone but our bot are not trusted.
import { PLUGIN_ID } from '../manifest';
import type { BotIdentity } from '../bot/bot-identity';
import { fetchMessage, fetchSnapshot, stopStream } from './api';
import { HeldNotifications, type NotifyArgs } from './desktop-notifications';
import { desktopNotificationAction } from '../host/webapp-utils';
import { eventName, STREAM_EVENTS, streamEventHandler, type WsMessage } from './fan-out';
import { REPLY_POST_TYPE } from './post-type';
import { makeReplyPost } from './reply-post';
import { Streams } from './streams';
import { addStyles } from './styles';
import type { PostTypeRegistry } from '../host/post-type-registry';

export interface StreamingRegistry extends PostTypeRegistry {
  registerDesktopNotificationHook(hook: HeldNotifications['hook']): string;
  registerWebSocketEventHandler(event: string, handler: (msg: WsMessage) => void): void;
  registerReconnectHandler(handler: () => void): void;
}

export interface StreamingHost {
  bot: BotIdentity;
  currentUserId: () => string | undefined;
  /** The host store's dispatch (for WebappUtils' action creators). */
  dispatch(action: unknown): unknown;
  logError: (message: string) => void;
}

export function registerStreaming(registry: StreamingRegistry, host: StreamingHost): void {
  const { bot, currentUserId, logError } = host;
  addStyles();
  const streams = new Streams({ fetchSnapshot, onFrame: (run) => void requestAnimationFrame(run), logError });
  registry.registerPostTypeComponent(REPLY_POST_TYPE, makeReplyPost({ streams, bot, currentUserId, stop: stopStream }));
  const show = (args: NotifyArgs, channel: unknown, teamId: string) => {
    const send = desktopNotificationAction();
    if (send) host.dispatch(send(args.title, args.body, channel, teamId, args.silent, args.soundName, args.url));
  };
  const notifications = new HeldNotifications({ bot, fetchMessage, show, logError });
  registry.registerDesktopNotificationHook(notifications.hook);
  const handler = streamEventHandler(PLUGIN_ID, streams, (postId) => notifications.ended(postId));
  for (const name of STREAM_EVENTS) registry.registerWebSocketEventHandler(eventName(PLUGIN_ID, name), handler);
  registry.registerReconnectHandler(() => streams.reconnected());
}
