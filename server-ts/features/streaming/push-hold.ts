// Mattermost pushes a post's text once, when it is created; for a streamed reply that text is
// the placeholder. So the push of a live reply is held (NotificationWillBePushed rejects it)
// and sent again with the final answer when the stream ends (SendPushNotification), keeping
// everything else the server decided: who, which devices, badge, sender, thread.
import type { PushNotification } from '../../mattermost/model/push';
import type { PushVerdict } from '../../mattermost/plugin/hooks';
import type { HeldPushStore } from './held-pushes';
import type { LiveStreams } from './live-streams';
import { REPLY_POST_TYPE } from './post-type';

const EXCERPT_CHARS = 300;
const MAX_HELD = 5_000;
/** A reply whose end we never hear of (its process failed) still gets its push, unchanged, after this long. */
const MAX_HOLD_MS = 16 * 60_000;
/** A push can reach the hook after a short reply already ended: its final text is kept this long. */
const FINAL_KEPT_MS = 10 * 60_000;

export interface PushHoldDeps {
  live: Pick<LiveStreams, 'onEnded'>;
  botUserId(): string;
  send(notification: PushNotification, userId: string): Promise<void>;
  /** Keeps held pushes beyond this process, for recovery after a crash. */
  store?: HeldPushStore;
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
  private readonly held = new Map<string, { pushes: Array<{ notification: PushNotification; userId: string }>; timer: NodeJS.Timeout }>();
  private readonly finals = new Map<string, { text: string; initial: string; at: number }>();
  private readonly resending = new Set<string>();
  private heldCount = 0;
  private readonly now: () => number;

  constructor(private readonly deps: PushHoldDeps) {
    this.now = deps.now ?? Date.now;
    deps.live.onEnded((stream, finalText) => this.release(stream.postId, { initial: stream.initialMessage, text: finalText }));
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
    // Mattermost may run this hook before CreatePost has even answered us, so the stream may not
    // be registered yet: every push of our bot's reply post waits for the end of its stream.
    if (notification.SenderId !== this.deps.botUserId() || this.heldCount >= MAX_HELD) return undefined;
    let entry = this.held.get(postId);
    if (!entry) {
      const timer = setTimeout(() => this.release(postId, undefined), MAX_HOLD_MS);
      timer.unref?.();
      entry = { pushes: [], timer };
      this.held.set(postId, entry);
    }
    entry.pushes.push({ notification, userId });
    this.heldCount += 1;
    this.deps.store?.save(postId, { notification, userId }, MAX_HOLD_MS / 1000)
      .catch((err: Error) => this.deps.logWarn(`streaming: a held push notification could not be saved: ${err.message}`));
    return { reject: 'OpenClaw sends this notification with the final answer' };
  }

  /**
   * A stream this process did not show has ended (recovery finished it): the pushes held here
   * and those saved by the process that died go out with the answer.
   */
  async finishedElsewhere(postId: string, initial: string, text: string): Promise<void> {
    const drops = this.release(postId, { initial, text });
    await Promise.all(drops);
    for (const { notification, userId } of await this.deps.store?.take(postId) ?? []) this.resend(postId, notification, userId, { initial, text });
  }

  /** Sends the held pushes of `postId`: with the answer, or unchanged when its end was never heard. */
  private release(postId: string, final: { initial: string; text: string } | undefined): Array<Promise<void>> {
    const at = this.now();
    if (final) {
      for (const [id, f] of this.finals) if (at - f.at >= FINAL_KEPT_MS) this.finals.delete(id);
      this.finals.set(postId, { ...final, at });
    }
    const entry = this.held.get(postId);
    if (!entry) return [];
    this.held.delete(postId);
    clearTimeout(entry.timer);
    this.heldCount -= entry.pushes.length;
    return entry.pushes.map(({ notification, userId }) => {
      this.resend(postId, notification, userId, final);
      return this.deps.store?.drop(postId, userId).catch(() => undefined) ?? Promise.resolve();
    });
  }

  private resend(postId: string, notification: PushNotification, userId: string, final: { initial: string; text: string } | undefined): void {
    const key = `${postId}:${userId}`;
    this.resending.add(key);
    const push = final ? withAnswer(notification, final.initial, final.text) : notification;
    this.deps.send(push, userId).catch((err: Error) => {
      this.resending.delete(key);
      this.deps.logWarn(`streaming: the push notification with the final answer failed: ${err.message}`);
    });
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
  const quoted = quotedLength(message, initial);
  // Generic contents ("sent you a message") quote nothing: they stay as they are.
  return quoted ? { ...notification, Message: `${message.slice(0, message.length - quoted)}${excerpt(finalText)}` } : notification;
}
