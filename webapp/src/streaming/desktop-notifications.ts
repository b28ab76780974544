// Mattermost's web client shows a desktop notification when a post is created, and a streamed
// reply is created with a placeholder. So the notification of a live reply of our bot is held
// (the desktop notification hook answers notify: false) and shown when the stream ends, with
// the answer's first words, through WebappUtils.sendDesktopNotificationToMe.
import * as z from 'zod/mini';
import type { BotIdentity } from '../bot/bot-identity';
import { REPLY_POST_TYPE } from './post-type';
import { checkpointOf } from './wire';

/** The host's notification args (webapp/channels/src/actions/notification_actions.tsx). */
const notifyArgs = z.object({
  title: z.string(), body: z.string(), silent: z.boolean(), soundName: z.string(), url: z.string(), notify: z.boolean(),
});
export type NotifyArgs = z.infer<typeof notifyArgs>;

export interface NotifiedPost { id: string; user_id: string; type: string; message: string; props?: unknown }

export interface HeldNotificationsDeps {
  bot: Pick<BotIdentity, 'userId'>;
  /** The post's message as stored now (final once the stream has ended). */
  fetchMessage(postId: string): Promise<string>;
  show(args: NotifyArgs, channel: unknown, teamId: string): void;
  logError(message: string): void;
  /** A stream that never says it ended still gets its notification after this long. */
  maxHoldMs?: number;
}

const EXCERPT_CHARS = 300;

export function excerpt(markdown: string): string {
  const flat = markdown.replace(/^\s*(```|~~~).*$/gm, '').replace(/\*\*|__|~~|[*`]/g, '').replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS - 1)}…` : flat;
}

/** The body with the quoted placeholder (as written, or without its markdown) replaced by the answer. */
function withAnswer(body: string, initial: string, answer: string): string {
  for (const form of [initial, initial.replace(/[*_`~]/g, '')]) if (form && body.endsWith(form)) return `${body.slice(0, body.length - form.length)}${excerpt(answer)}`;
  return body;
}

interface Held { args: NotifyArgs; channel: unknown; teamId: string; initial: string; timer: ReturnType<typeof setTimeout> }

export class HeldNotifications {
  private readonly held = new Map<string, Held>();

  constructor(private readonly deps: HeldNotificationsDeps) {}

  /** registerDesktopNotificationHook: always answers `{ args }` (the host takes a missing args as none). */
  readonly hook = (post: NotifiedPost, _msgProps: unknown, channel: unknown, teamId: string, rawArgs: unknown): Promise<{ args?: unknown }> => {
    const parsed = notifyArgs.safeParse(rawArgs);
    if (!parsed.success) return Promise.resolve({ args: rawArgs });
    const args = parsed.data;
    const ours = post.type === REPLY_POST_TYPE && !!this.deps.bot.userId && post.user_id === this.deps.bot.userId;
    if (!ours || !args.notify || checkpointOf(post).state !== 'streaming' || this.held.has(post.id)) return Promise.resolve({ args });
    const timer = setTimeout(() => this.ended(post.id), this.deps.maxHoldMs ?? 10 * 60_000);
    this.held.set(post.id, { args, channel, teamId, initial: post.message, timer });
    return Promise.resolve({ args: { ...args, notify: false } });
  };

  /** The stream of `postId` ended (its stream_end event): show the held notification with the answer. */
  ended(postId: string): void {
    const held = this.held.get(postId);
    if (!held) return;
    this.held.delete(postId);
    clearTimeout(held.timer);
    this.deps.fetchMessage(postId).then(
      (message) => this.deps.show({ ...held.args, body: withAnswer(held.args.body, held.initial, message), notify: true }, held.channel, held.teamId),
      (err: unknown) => {
        this.deps.logError(`OpenClaw: the reply's notification is shown without its answer: ${err instanceof Error ? err.message : String(err)}`);
        this.deps.show({ ...held.args, notify: true }, held.channel, held.teamId);
      },
    );
  }
}
