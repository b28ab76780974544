// How a run's result appears in Mattermost. This issue posts finished replies; the
// streaming feature replaces FinalReplyPresenter by its own ReplyPresenter (same calls),
// so this is the one place that decides what the conversation shows.
import type { Post } from '../../mattermost/model';
import type { AgentMediaResult, AgentOutcome, AgentRun } from './agent-port';
import { stripReasoning } from './reasoning';
import { splitReply } from './split-reply';

export interface ReplyContext {
  channelId: string;
  /** Root id for reply post number `index` ('' = top level). */
  rootFor(index: number): string;
  /** Who wrote the message being answered, and the gateway session it went to. */
  requesterId?: string;
  sessionKey?: string;
  /** The idempotency key of the run (a restarted plugin finds the run by it). */
  runKey?: string;
}

export interface ReplyPresenter {
  /** The gateway accepted the message; a streaming presenter starts showing progress here. */
  started(run: AgentRun): void;
  /** Shows the outcome; returns the ids of the posts it created. */
  finish(outcome: AgentOutcome, media: AgentMediaResult): Promise<string[]>;
  /** The message could not be sent at all (the gateway refused it). */
  failed(message: string): Promise<string[]>;
}

export type PresenterFactory = (ctx: ReplyContext) => ReplyPresenter;

export interface PostPort {
  createPost(post: Post): Promise<Post>;
  uploadFile(data: Uint8Array, channelId: string, filename: string): Promise<{ Id?: string }>;
}

const MAX_FILES_PER_POST = 10;

/** One short visible line for a failed run, never a stack trace. */
export function failureLine(outcome: Extract<AgentOutcome, { status: 'error' | 'aborted' }>): string {
  if (outcome.status === 'aborted') return ':stop_sign: OpenClaw stopped before finishing this reply.';
  const detail = firstLine(outcome.message);
  switch (outcome.kind) {
    case 'model': return `:x: The model failed to answer${detail ? `: ${detail}` : '.'}`;
    case 'timeout': return ':hourglass: OpenClaw timed out before answering. Try again in a moment.';
    default: return `:x: The OpenClaw gateway could not answer${detail ? `: ${detail}` : '.'}`;
  }
}

export function firstLine(message: string): string {
  const line = (message.split('\n').find((l) => l.trim() !== '') ?? '').trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

export class FinalReplyPresenter implements ReplyPresenter {
  constructor(private readonly posts: PostPort, private readonly botUserId: string, private readonly ctx: ReplyContext) {}

  started(): void {}

  async finish(outcome: AgentOutcome, media: AgentMediaResult): Promise<string[]> {
    if (outcome.status !== 'final') return this.write([failureLine(outcome)], []);
    const chunks = splitReply(stripReasoning(outcome.text));
    const fileIds: string[] = [];
    const notes = media.failed.map((f) => `:warning: A file could not be attached: ${firstLine(f)}`);
    for (const m of media.files.slice(0, MAX_FILES_PER_POST)) {
      try {
        const info = await this.posts.uploadFile(m.bytes, this.ctx.channelId, m.fileName);
        if (info.Id) fileIds.push(info.Id);
      } catch (err) {
        notes.push(`:warning: The file ${m.fileName} could not be attached: ${firstLine((err as Error).message ?? '')}`);
      }
    }
    if (chunks.length === 0 && fileIds.length === 0) return notes.length ? this.write(notes, []) : [];
    return this.write([...(chunks.length ? chunks : ['']), ...notes], fileIds);
  }

  failed(message: string): Promise<string[]> {
    return this.write([`:x: OpenClaw could not take this message: ${firstLine(message)}`], []);
  }

  /** Posts the messages in order; files go on the last text post (after the words). */
  private async write(messages: string[], fileIds: string[]): Promise<string[]> {
    const ids: string[] = [];
    const lastText = messages.length - 1 - [...messages].reverse().findIndex((m) => !m.startsWith(':warning: '));
    for (const [i, message] of messages.entries()) {
      const post: Post = { UserId: this.botUserId, ChannelId: this.ctx.channelId, RootId: this.ctx.rootFor(i), Message: message };
      if (i === lastText && fileIds.length) post.FileIds = fileIds;
      const created = await this.posts.createPost(post);
      if (created.Id) ids.push(created.Id);
    }
    return ids;
  }
}
