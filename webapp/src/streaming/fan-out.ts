// The plugin's WebSocket events, each checked against its schema and routed by post_id to that
// reply's state. One handler serves every event name: Mattermost allows one per name.
import type { Streams } from './streams';
import { deltaEvent, endEvent, reasoningEvent, resetEvent, statusEvent } from './wire';

export const STREAM_EVENTS = ['stream_delta', 'stream_status', 'stream_end', 'stream_reset', 'stream_reasoning'] as const;

export interface WsMessage {
  event?: unknown;
  data?: unknown;
}

/** `custom_<plugin id>_<name>`, as the server names plugin events. */
export const eventName = (pluginId: string, name: string): string => `custom_${pluginId}_${name}`;

/** `onEnd` hears each stream's end after its state took it (held notifications wait for it). */
export function streamEventHandler(pluginId: string, streams: Streams, onEnd?: (postId: string) => void): (msg: WsMessage) => void {
  const prefix = eventName(pluginId, '');
  return (msg) => {
    if (typeof msg?.event !== 'string' || !msg.event.startsWith(prefix)) return;
    const data = msg.data;
    switch (msg.event.slice(prefix.length)) {
      case 'stream_delta': {
        const e = deltaEvent.safeParse(data);
        if (e.success) streams.update(e.data.post_id, (s) => s.delta(e.data.seq, e.data.text));
        return;
      }
      case 'stream_status': {
        const e = statusEvent.safeParse(data);
        if (e.success) streams.update(e.data.post_id, (s) => s.status(e.data.seq, e.data.status));
        return;
      }
      case 'stream_end': {
        const e = endEvent.safeParse(data);
        if (!e.success) return;
        streams.update(e.data.post_id, (s) => s.end(e.data.seq, e.data.state));
        onEnd?.(e.data.post_id);
        return;
      }
      case 'stream_reasoning': {
        const e = reasoningEvent.safeParse(data);
        if (e.success) streams.update(e.data.post_id, (s) => s.reasoning(e.data.from, e.data.text));
        return;
      }
      case 'stream_reset': {
        const e = resetEvent.safeParse(data);
        if (e.success) streams.update(e.data.post_id, (s) => (s.reset(), false));
        return;
      }
    }
  };
}
