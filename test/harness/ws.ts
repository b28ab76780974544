// A WebSocket connection per user that records every event the server pushes.
// Ephemeral posts (what a slash command answers "only you can see") are never
// stored; they reach the user only as `ephemeral_message` events here. Plugin
// events arrive as `custom_<pluginid>_<name>`, e.g. custom_openclaw_*.
import { z } from 'zod';
import { waitFor } from './net';

const eventSchema = z.object({
  event: z.string(),
  data: z.record(z.string(), z.unknown()).default({}),
  broadcast: z.record(z.string(), z.unknown()).optional(),
  seq: z.number().optional(),
});
export type WsEvent = z.infer<typeof eventSchema>;

export interface EventRecorder {
  readonly events: readonly WsEvent[];
  /** Waits for an event (already recorded or future) matching the predicate. */
  waitFor(predicate: (e: WsEvent) => boolean, timeoutMs?: number, what?: string): Promise<WsEvent>;
  waitForEvent(name: string, predicate?: (e: WsEvent) => boolean, timeoutMs?: number): Promise<WsEvent>;
  /** Forget what was recorded so far (e.g. between test steps). */
  clear(): void;
  close(): void;
}

export async function connectWebSocket(serverUrl: string, token: string): Promise<EventRecorder> {
  const events: WsEvent[] = [];
  const ws = new WebSocket(`${serverUrl.replace(/^http/, 'ws')}/api/v4/websocket`);
  ws.addEventListener('message', (msg: MessageEvent) => {
    try {
      const parsed = eventSchema.safeParse(JSON.parse(String(msg.data)));
      // Replies to our own actions (seq_reply) carry no event name; skip them.
      if (parsed.success) events.push(parsed.data);
    } catch {
      // Not JSON: ignore.
    }
  });
  await new Promise<void>((resolve, reject) => {
    ws.addEventListener('open', () => resolve(), { once: true });
    ws.addEventListener('error', () => reject(new Error('WebSocket connection failed')), { once: true });
  });
  ws.send(JSON.stringify({ seq: 1, action: 'authentication_challenge', data: { token } }));

  const recorder: EventRecorder = {
    events,
    waitFor: (predicate, timeoutMs = 15_000, what = 'a matching WebSocket event') =>
      waitFor(what, async () => events.find(predicate), timeoutMs, 50),
    waitForEvent: (name, predicate = () => true, timeoutMs = 15_000) =>
      recorder.waitFor((e) => e.event === name && predicate(e), timeoutMs, `WebSocket event ${name}`),
    clear: () => void events.splice(0, events.length),
    close: () => ws.close(),
  };
  // 'hello' is the server's acknowledgement that the connection is authenticated.
  await recorder.waitForEvent('hello');
  return recorder;
}

/** The post inside a `posted` or `ephemeral_message` event (the server sends it JSON-encoded). */
export function postOf(e: WsEvent): { id: string; message: string; channel_id: string; props?: Record<string, unknown> } | undefined {
  const raw = e.data['post'];
  if (typeof raw !== 'string') return undefined;
  return z
    .object({ id: z.string(), message: z.string(), channel_id: z.string(), props: z.record(z.string(), z.unknown()).optional() })
    .passthrough()
    .parse(JSON.parse(raw));
}
