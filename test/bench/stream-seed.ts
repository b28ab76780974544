// The seed's way of streaming (openclaw/openclaw extensions/mattermost draft-stream.ts, as read in
// /work/shared/research/anchor-plugins.md §1.6, 1.2 s throttle as the brief says): the bot creates
// a post with the text so far, then replaces its whole message by REST at most every 1.2 s while
// it changed, capped at 4,000 characters with "..."; the final answer goes into that post and,
// past 4,000 characters, into follow-up posts. Driven here from the gateway's own deltas.
import type { Client4 } from '@mattermost/client';

const THROTTLE_MS = 1_200;
const MAX_CHARS = 4_000;

const capped = (text: string): string => (text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 3)}...` : text);

function chunks(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += MAX_CHARS) out.push(text.slice(i, i + MAX_CHARS));
  return out.length ? out : [''];
}

export class SeedStreamer {
  readonly postIds: string[] = [];
  private text = '';
  private shown = '';
  private timer: NodeJS.Timeout | undefined;
  private busy: Promise<unknown> = Promise.resolve();
  private creating: Promise<string> | undefined;

  constructor(private readonly bot: Client4, private readonly channelId: string) {}

  /** The gateway's text so far (cumulative). */
  update(text: string): void {
    this.text = text;
    this.creating ??= this.bot.createPost({ channel_id: this.channelId, message: capped(text) }).then((p) => {
      this.postIds.push(p.id);
      this.shown = capped(text);
      return p.id;
    });
    this.timer ??= setInterval(() => void this.tick(), THROTTLE_MS);
  }

  async finish(final: string): Promise<void> {
    clearInterval(this.timer);
    await this.busy;
    const id = await (this.creating ?? this.bot.createPost({ channel_id: this.channelId, message: '' }).then((p) => (this.postIds.push(p.id), p.id)));
    const [first, ...rest] = chunks(final);
    await this.bot.patchPost({ id, message: first });
    for (const part of rest) this.postIds.push((await this.bot.createPost({ channel_id: this.channelId, message: part })).id);
  }

  private tick(): void {
    this.busy = this.busy.then(async () => {
      const id = await this.creating;
      const next = capped(this.text);
      if (!id || next === this.shown) return;
      this.shown = next;
      await this.bot.patchPost({ id, message: next });
    });
  }
}
