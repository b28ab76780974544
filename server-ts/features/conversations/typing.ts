// "OpenClaw is typing…" while a run is in progress. Mattermost clients drop the indicator
// after 5 s (TimeBetweenUserTypingUpdatesMilliseconds), so it is sent again every 4 s.
// A failed typing call is harmless and never stops the reply.
export const TYPING_REFRESH_MS = 4_000;

export type PublishTyping = (channelId: string, parentId: string) => Promise<void>;

export function startTyping(publish: PublishTyping, channelId: string, parentId: string, everyMs = TYPING_REFRESH_MS): () => void {
  const send = () => { publish(channelId, parentId).catch(() => undefined); };
  send();
  const timer = setInterval(send, everyMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
