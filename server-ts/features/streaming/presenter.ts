// A reply that grows live in one bot post: created when the gateway accepts the message,
// fed by the run's events (deltas coalesced into WebSocket events, never a database write
// per delta), written at most every N seconds as a checkpoint for clients without our
// webapp, and finalized in place. A post deleted meanwhile gets a fresh final post.
import type { Post } from '../../mattermost/model';
import type { WebsocketBroadcast } from '../../mattermost/model/misc';
import type { AgentMediaResult, AgentOutcome, AgentRun, AgentRunEvent } from '../conversations/agent-port';
import { FinalReplyPresenter, firstLine, type PostPort, type ReplyContext, type ReplyPresenter } from '../conversations/reply-presenter';
import { EMPTY_ANSWER, finalMessages, previewMessage } from './final-messages';
import type { LiveStreams, StreamSnapshot } from './live-streams';
import { LiveReasoning } from './live-reasoning';
import { LiveText } from './live-text';
import { PROP_REASONING, PROP_REQUESTER, PROP_SEQ, PROP_STATE, REPLY_POST_TYPE, WS_END, type StreamState } from './post-type';
import type { StreamingSettings } from './settings';
import { THINKING, toolLine } from './status-line';

export interface StreamPostPort extends PostPort {
  getPost(postId: string): Promise<Post>;
  updatePost(post: Post): Promise<Post>;
  publishWebSocketEvent(event: string, payload: Record<string, unknown>, broadcast: WebsocketBroadcast): Promise<void>;
}

export interface StreamJournal {
  started(rec: { postId: string; channelId: string; runId: string; sessionKey: string; runKey: string; requesterId: string; rootId: string; initial: string }): Promise<void>;
  ended(postId: string): Promise<void>;
}

export interface StreamingDeps {
  posts: StreamPostPort;
  botUserId: string;
  settings: StreamingSettings;
  live: LiveStreams;
  journal?: StreamJournal;
  logError(message: string): void;
  /** Whether the session shows reasoning (`/reasoning on`); never rejects. Absent: hidden. */
  showsReasoning?(sessionKey: string): Promise<boolean>;
  /** Coalescing window of deltas, ms. */
  windowMs?: number;
}

export const PLACEHOLDER = '_OpenClaw is answering…_';

export class StreamingPresenter implements ReplyPresenter {
  private post: Post | undefined;
  private run: AgentRun | undefined;
  private readonly text: LiveText;
  private readonly reasoning: LiveReasoning;
  private reasoningDecided: Promise<unknown> = Promise.resolve();
  private state: StreamState = 'streaming';
  private writtenSeq = -1;
  /** Length of the text the last checkpoint wrote (0: only the placeholder so far). */
  private writtenLength = 0;
  private tail: Promise<unknown> = Promise.resolve();
  private stops: Array<() => void> = [];

  constructor(private readonly deps: StreamingDeps, private readonly ctx: ReplyContext) {
    this.text = new LiveText(deps.settings.mode, deps.windowMs ?? 50, (event, fields) => {
      this.queue(() => this.publish(event, fields));
    });
    this.reasoning = new LiveReasoning(deps.settings.mode !== 'progress', deps.windowMs ?? 50, (event, fields) => {
      this.queue(() => this.publish(event, fields));
    });
  }

  started(run: AgentRun): void {
    this.run = run;
    this.askReasoning();
    this.queue(() => this.create());
    const off = run.listen?.((e) => this.onEvent(e));
    if (off) this.stops.push(off);
    const every = this.deps.settings.checkpointSeconds * 1000;
    if (every > 0 && this.deps.settings.mode !== 'progress') {
      const timer = setInterval(() => this.queue(() => this.checkpoint()), every);
      timer.unref?.();
      this.stops.push(() => clearInterval(timer));
    }
  }

  async finish(outcome: AgentOutcome, media: AgentMediaResult): Promise<string[]> {
    for (const s of this.stops.splice(0)) s();
    await this.reasoningDecided;
    this.reasoning.flush();
    this.reasoning.dispose();
    const final = finalMessages(outcome, this.text.received);
    this.text.settle(final.answer);
    this.text.dispose();
    await this.tail;
    this.state = final.state;
    const [first = media.files.length ? '' : EMPTY_ANSWER, ...rest] = final.messages;
    const more = new FinalReplyPresenter(this.deps.posts, this.deps.botUserId, { ...this.ctx, rootFor: (i) => this.ctx.rootFor(i + 1) });
    // Follow-ups (the answer past one post, files) are ordinary posts, as without streaming. They
    // go up before the live post shrinks to its first part, so no part of the answer leaves the
    // screen meanwhile; after it only when the live post is gone, as its fresh copy must come first.
    const followUps = rest.length || media.files.length || media.failed.length
      ? () => more.finish({ status: 'final', text: rest.join('\n\n') }, media)
      : undefined;
    // Whatever happens to them, the live post is finalized: a reply never stays "streaming".
    const early = followUps && (await this.liveIsThere()) ? await followUps().then((ids) => ({ ids }), (error: unknown) => ({ error })) : undefined;
    const ids: string[] = [];
    const id = await this.writeFinal(first);
    if (id) ids.push(id);
    if (this.post?.Id) {
      await this.publish(WS_END, { seq: this.text.seq, state: final.state });
      this.deps.live.end(this.post.Id, first);
      await this.deps.journal?.ended(this.post.Id).catch((e: Error) => this.deps.logError(`stream journal: ${e.message}`));
    }
    if (early && 'error' in early) throw early.error;
    ids.push(...(early ? early.ids : await followUps?.() ?? []));
    return ids;
  }

  private async liveIsThere(): Promise<boolean> {
    if (!this.post?.Id) return false;
    const post = await this.deps.posts.getPost(this.post.Id).catch(() => undefined);
    return !!post && !post.DeleteAt;
  }

  failed(message: string): Promise<string[]> {
    return new FinalReplyPresenter(this.deps.posts, this.deps.botUserId, this.ctx).failed(message);
  }

  private onEvent(e: AgentRunEvent): void {
    switch (e.type) {
      case 'delta':
        if (e.replace) this.text.replace(e.text);
        else this.text.append(e.text);
        return;
      case 'reasoning':
        if (e.replace) this.reasoning.replace(e.text);
        else this.reasoning.append(e.text);
        if (!this.text.received || this.deps.settings.mode === 'progress') this.text.setStatus(THINKING);
        return;
      case 'tool':
        if (e.phase === 'start') this.text.setStatus(toolLine(e.name, e.args));
        return;
      default:
    }
  }

  /** Asked alongside creating the post (never delaying it); reasoning waits in memory meanwhile. */
  private askReasoning(): void {
    const key = this.ctx.sessionKey;
    const ask = key && this.deps.showsReasoning ? this.deps.showsReasoning(key).catch(() => false) : Promise.resolve(false);
    this.reasoningDecided = ask.then((shown) => this.reasoning.decide(shown));
  }

  /** The final write's props: the reasoning goes here, never into the message. */
  private finalProps(): Record<string, unknown> {
    const reasoning = this.reasoning.stored;
    return reasoning ? { ...this.props(), [PROP_REASONING]: reasoning } : this.props();
  }

  /** Operations on the post run one after another: Mattermost orders only calls sent after the previous answer. */
  private queue(task: () => Promise<unknown>): void {
    this.tail = this.tail.then(task).catch((err: Error) => this.deps.logError(`streaming reply: ${firstLine(err.message ?? String(err))}`));
  }

  private props(): Record<string, unknown> {
    return { ...(this.post?.Props ?? {}), [PROP_STATE]: this.state, [PROP_REQUESTER]: this.ctx.requesterId ?? '', [PROP_SEQ]: this.text.seq };
  }

  private async create(): Promise<void> {
    // Text may already have come: the post is created with it, and counts as its first checkpoint.
    const seq = this.text.seq;
    const length = this.text.sent.length;
    const post = await this.deps.posts.createPost({
      UserId: this.deps.botUserId, ChannelId: this.ctx.channelId, RootId: this.ctx.rootFor(0), Type: REPLY_POST_TYPE,
      Message: previewMessage(this.text.sent, PLACEHOLDER), Props: this.props(),
    });
    this.post = post;
    this.writtenSeq = seq;
    this.writtenLength = length;
    const postId = post.Id ?? '';
    if (!postId) return;
    this.deps.live.add({
      postId, channelId: this.ctx.channelId, requesterId: this.ctx.requesterId ?? '', initialMessage: post.Message ?? '',
      snapshot: () => this.snapshot(postId),
      stop: async () => { await this.run?.abort?.(); },
    });
    await this.deps.journal?.started({
      postId, channelId: this.ctx.channelId, runId: this.run?.runId ?? '', sessionKey: this.ctx.sessionKey ?? '',
      runKey: this.ctx.runKey ?? '', requesterId: this.ctx.requesterId ?? '', rootId: this.ctx.rootFor(0), initial: post.Message ?? '',
    }).catch((e: Error) => this.deps.logError(`stream journal: ${e.message}`));
  }

  private snapshot(postId: string): StreamSnapshot {
    return {
      post_id: postId, text: this.text.sent, seq: this.text.seq, state: this.state, status: this.text.status,
      requester_id: this.ctx.requesterId ?? '', reasoning: this.reasoning.sent,
    };
  }

  private async publish(event: string, fields: Record<string, string | number>): Promise<void> {
    if (!this.post?.Id) return;
    await this.deps.posts.publishWebSocketEvent(event, { post_id: this.post.Id, ...fields }, { ChannelId: this.ctx.channelId });
  }

  /**
   * Every checkpoint makes Mattermost resend the whole post to every member and store an
   * edit-history row, so after the first one a checkpoint waits until the text has doubled:
   * all checkpoints together then cost at most one more copy of the answer, however long it streams.
   */
  private async checkpoint(): Promise<void> {
    if (!this.post?.Id || this.state !== 'streaming' || this.text.seq === this.writtenSeq) return;
    if (this.text.sent.length < 2 * this.writtenLength) return;
    const seq = this.text.seq;
    const length = this.text.sent.length;
    this.post = await this.deps.posts.updatePost({ ...this.post, Message: previewMessage(this.text.sent, PLACEHOLDER), Props: this.props() });
    this.writtenSeq = seq;
    this.writtenLength = length;
  }

  /** The final write in place; a fresh post when ours is gone. Returns the id that holds the answer. */
  private async writeFinal(message: string): Promise<string | undefined> {
    if (this.post?.Id) {
      try {
        this.post = await this.deps.posts.updatePost({ ...this.post, Message: message, Props: this.finalProps() });
        return this.post.Id;
      } catch (err) {
        this.deps.logError(`streaming reply: the post ${this.post.Id} could not be finalized (${firstLine((err as Error).message ?? '')}); posting the answer anew`);
      }
    }
    const fresh = await this.deps.posts.createPost({
      UserId: this.deps.botUserId, ChannelId: this.ctx.channelId, RootId: this.ctx.rootFor(0), Type: REPLY_POST_TYPE, Message: message, Props: this.finalProps(),
    });
    return fresh.Id;
  }
}
