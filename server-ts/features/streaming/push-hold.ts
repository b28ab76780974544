// Mattermost pushes a post's text once, when it is created; for a streamed reply that text is
// the placeholder. So the push of a live reply is held (NotificationWillBePushed rejects it)
// and sent again with the final answer when the stream ends (SendPushNotification), keeping
// everything else the server decided: who, which devices, badge, sender, thread.
import type { PushNotification } from '../../mattermost/model/push';
import type { PushVerdict } from '../../mattermost/plugin/hooks';
import type { LiveStreams } from './live-streams';
import { REPLY_POST_TYPE } from './post-type';

const EXCERPT_CHARS = 300;
const MAX_HELD = 5_000;
/** A push can reach the hook after a short reply already ended: its final text is kept this long. */
const FINAL_KEPT_MS = 120_000;

export interface PushHoldDeps {
  live: Pick<LiveStreams, 'get' | 'onEnded'>;
  send(notification: PushNotification, userId: string): Promise<void>;
  logWarn(message: string): void;
  now?: () => number;
}

/** Markdown as plain text, roughly as Mattermost strips it for a push (utils.StripMarkdown). */
export function plainText(markdown: string): string {
  return markdown
    .replace(/^\s*(```|~~~).*$/gm, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>)\s+/gm, '')
    .replace(/\*\*|__|~~|[*`]/g, '')
    .replace(/(^|[\s(])_+|_+(?=[\s).,!?:;…]|$)/g, '$1');
}

/** The start of the answer, on one line, as a lock screen shows it. */
export function excerpt(text: string): string {
  const flat = plainText(text).replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS - 1)}…` : flat;
}

export class PushHold {
  private readonly held = new Map<string, Array<{ notification: PushNotification; userId: string; initial: string }>>();
  private readonly finals = new Map<string, { text: string; initial: string; at: number }>();
  private readonly resending = new Set<string>();
  private heldCount = 0;
  private readonly now: () => number;

  constructor(private readonly deps: PushHoldDeps) {
    this.now = deps.now ?? Date.now;
    deps.live.onEnded((stream, finalText) => this.release(stream.postId, stream.initialMessage, finalText));
  }

  willBePushed(notification: PushNotification, userId: string): PushVerdict | undefined {
    const postId = notification.PostId ?? '';
    if (notification.PostType !== REPLY_POST_TYPE || notification.Type !== 'message' || !postId) return undefined;
    if (this.resending.delete(`${postId}:${userId}`)) return undefined;
    const message = notification.Message ?? '';
    const final = this.finals.get(postId);
    if (final && this.now() - final.at < FINAL_KEPT_MS) {
      return quotes(message, final.initial) ? { replace: withAnswer(notification, final.initial, final.text) } : undefined;
    }
    const stream = this.deps.live.get(postId);
    // Generic contents ("sent you a message") do not quote the placeholder: nothing to fix then.
    if (!stream || !quotes(message, stream.initialMessage) || this.heldCount >= MAX_HELD) return undefined;
    const list = this.held.get(postId) ?? [];
    list.push({ notification, userId, initial: stream.initialMessage });
    this.held.set(postId, list);
    this.heldCount += 1;
    return { reject: 'OpenClaw sends this notification with the final answer' };
  }

  private release(postId: string, initial: string, finalText: string): void {
    const at = this.now();
    for (const [id, f] of this.finals) if (at - f.at >= FINAL_KEPT_MS) this.finals.delete(id);
    this.finals.set(postId, { text: finalText, initial, at });
    const list = this.held.get(postId) ?? [];
    this.held.delete(postId);
    this.heldCount -= list.length;
    for (const { notification, userId } of list) {
      const key = `${postId}:${userId}`;
      this.resending.add(key);
      this.deps.send(withAnswer(notification, initial, finalText), userId).catch((err: Error) => {
        this.resending.delete(key);
        this.deps.logWarn(`streaming: the push notification with the final answer failed: ${err.message}`);
      });
    }
  }
}

/** How the push quotes the post's first message (the server strips its markdown): its length, or 0. */
function quotedLength(message: string, initial: string): number {
  for (const form of [plainText(initial).trim(), initial]) if (form && message.endsWith(form)) return form.length;
  return 0;
}
const quotes = (message: string, initial: string): boolean => quotedLength(message, initial) > 0;

/** The same push with the quoted placeholder replaced by the answer (a channel push keeps its "sender: " prefix). */
function withAnswer(notification: PushNotification, initial: string, finalText: string): PushNotification {
  const message = notification.Message ?? '';
  return { ...notification, Message: `${message.slice(0, message.length - quotedLength(message, initial))}${excerpt(finalText)}` };
}
