// The handle a caller gets for one message sent into a session. Two ways to consume it:
// follow the events (a live preview: deltas, reasoning, tools, then the terminal event),
// or just await the answer (a finished bot post: finalReply()). Both see the whole run.
import { AnswerTimeoutError, RunAbortedError, RunFailedError } from './errors';
import type { MediaOptions, MediaResult } from './media';
import type { RunChannel, RunListener } from './run-channel';
import type { RunEvent, RunOutcome } from './run-events';

export type FinalReply = Omit<Extract<RunOutcome, { status: 'final' }>, 'status'>;

export interface AbortResult {
  /** false when no run was active any more (it had ended, or never started). */
  aborted: boolean;
  runIds: string[];
}

export interface ChatRunDeps {
  abort(sessionKey: string, runId?: string): Promise<AbortResult>;
  media(sessionKey: string, target: { runId: string }, opts: MediaOptions): Promise<MediaResult>;
}

export class ChatRun {
  constructor(
    readonly runId: string,
    readonly sessionKey: string,
    /** `started` for a new run; anything else means the key was seen before (a retry). */
    readonly status: string,
    private readonly channel: RunChannel,
    private readonly deps: ChatRunDeps,
  ) {}

  /** Settles when the run ends, never rejects, has no timeout of its own (see finalReply). */
  get done(): Promise<RunOutcome> {
    return this.channel.done;
  }

  /** Every event from the first, then live ones; returns the unsubscribe. */
  readonly listen = (listener: RunListener): (() => void) => this.channel.listen(listener);

  /** The run's events in order, from the first; ends after final, aborted or error. */
  events(): AsyncIterable<RunEvent> {
    return this.channel.events();
  }

  /**
   * The answer. Rejects with RunAbortedError, RunFailedError (with its kind), or after
   * `timeoutMs` with AnswerTimeoutError, whose `pending` still settles when the run ends.
   * `label` names the request in those messages (e.g. the slash command).
   */
  async finalReply(opts: { timeoutMs?: number; label?: string } = {}): Promise<FinalReply> {
    const label = opts.label ?? 'the message';
    const ms = opts.timeoutMs;
    let timer: NodeJS.Timeout | undefined;
    const timeout = ms === undefined ? undefined : new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new AnswerTimeoutError(`OpenClaw did not answer ${label} within ${Math.round(ms / 1000)} s`, this.done)), ms);
    });
    try {
      const outcome = await (timeout ? Promise.race([this.done, timeout]) : this.done);
      if (outcome.status === 'error') throw new RunFailedError(`OpenClaw failed to answer ${label}: ${outcome.message}`, outcome.kind);
      if (outcome.status === 'aborted') throw new RunAbortedError(`OpenClaw stopped ${label} before it finished`, outcome.text);
      return { text: outcome.text, reasoning: outcome.reasoning, mediaCount: outcome.mediaCount, queued: outcome.queued, stopReason: outcome.stopReason };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Stops the run (chat.abort); the run then ends with an `aborted` event. */
  abort(): Promise<AbortResult> {
    return this.deps.abort(this.sessionKey, this.runId);
  }

  /** Files attached to the final message; waits for the run to end first. Never rejects for one bad file. */
  async media(opts: Omit<MediaOptions, 'expected'> = {}): Promise<MediaResult> {
    const outcome = await this.done;
    if (outcome.status !== 'final' || outcome.mediaCount === 0) return { files: [], failed: [] };
    return this.deps.media(this.sessionKey, { runId: this.runId }, { ...opts, expected: outcome.mediaCount });
  }
}
