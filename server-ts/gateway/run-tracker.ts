// Events are broadcast to every operator connection on the gateway, so other clients'
// runs reach us too. The tracker remembers the runs (and their sessions) this process
// started, routes their events to the caller, and tells the rest apart: recently finished
// runs stay known for a while, so a late transcript entry of ours is never taken for
// someone else's message.
import type { EventFrame } from '@openclaw/gateway-protocol';
import { readAgentEvent, readChatEvent } from './protocol-events';
import { RunChannel, type RunListener } from './run-channel';
import { outcomeOf, RunProjection, type RunOutcome } from './run-events';

export type { RunListener };

interface TrackedRun {
  sessionKey: string;
  startedAtMs: number;
  channel: RunChannel;
  projection: RunProjection;
}

export interface TrackedHandle {
  /** false when the run was already tracked (a retry joined it). */
  fresh: boolean;
  channel: RunChannel;
}

/** How long and how many finished run ids are remembered as ours. */
const RECENT_MS = 10 * 60_000;
const RECENT_MAX = 5_000;

export class RunTracker {
  private readonly runs = new Map<string, TrackedRun>();
  /** Session keys we started runs in (insertion-ordered, bounded). */
  private readonly sessions = new Set<string>();
  private readonly recent = new Map<string, number>();

  constructor(private readonly maxRunAgeMs = 30 * 60_000, private readonly maxSessions = 10_000) {}

  /** Registers a run before it is sent: the gateway uses the idempotency key as run id. */
  track(runId: string, sessionKey: string): TrackedHandle {
    this.sweep();
    // The same key again (a retried request) joins the run already in progress.
    const existing = this.runs.get(runId);
    if (existing) return { fresh: false, channel: existing.channel };
    const key = sessionKey.toLowerCase();
    this.sessions.delete(key);
    this.sessions.add(key);
    if (this.sessions.size > this.maxSessions) this.sessions.delete(this.sessions.values().next().value as string);
    const run: TrackedRun = { sessionKey: key, startedAtMs: Date.now(), channel: new RunChannel(), projection: new RunProjection() };
    this.runs.set(runId, run);
    return { fresh: true, channel: run.channel };
  }

  /** Also route events under a second id (if the gateway ever picks its own run id). */
  alias(runId: string, otherId: string): void {
    const run = this.runs.get(runId);
    if (run && otherId !== runId) this.runs.set(otherId, run);
  }

  forget(runId: string, outcome?: RunOutcome): void {
    const run = this.runs.get(runId);
    if (!run) return;
    for (const [id, r] of this.runs) {
      if (r !== run) continue;
      this.runs.delete(id);
      this.remember(id);
    }
    if (outcome) run.channel.close(outcome);
  }

  /** Started by this process: still running, or finished within the last minutes. */
  isOurs(runId: string): boolean {
    return this.runs.has(runId) || this.recent.has(runId);
  }

  ownsSession(sessionKey: string): boolean {
    return this.sessions.has(sessionKey.toLowerCase());
  }

  activeRuns(): number {
    return new Set(this.runs.values()).size;
  }

  /** Returns true when the event belonged to one of our runs. */
  handle(evt: EventFrame): boolean {
    if (evt.event === 'chat') {
      const p = readChatEvent(evt.payload);
      const run = p && this.runs.get(p.runId);
      if (!p || !run) return false;
      this.deliver(p.runId, run, run.projection.onChat(p));
      return true;
    }
    if (evt.event === 'agent') {
      const p = readAgentEvent(evt.payload);
      const run = p && this.runs.get(p.runId);
      if (!p || !run) return false;
      this.deliver(p.runId, run, run.projection.onAgent(p));
      return true;
    }
    return false;
  }

  private deliver(runId: string, run: TrackedRun, event: ReturnType<RunProjection['onChat']>): void {
    if (!event) return;
    run.channel.push(event);
    const outcome = outcomeOf(event, run.projection);
    if (outcome) this.forget(runId, outcome);
  }

  /** Settles every open run with an error (the link is going away; no answer will come). */
  abandonAll(message: string): void {
    for (const [id, run] of [...this.runs]) this.forget(id, { status: 'error', kind: 'gateway', text: run.projection.snapshot, message });
  }

  /** Gives up on runs older than the age limit; also called on a timer, so idle links clean up too. */
  sweep(): void {
    const now = Date.now();
    for (const [id, run] of this.runs) {
      if (run.startedAtMs < now - this.maxRunAgeMs) {
        this.forget(id, { status: 'error', kind: 'timeout', text: run.projection.snapshot, message: 'no answer from the gateway; the run is no longer tracked' });
      }
    }
    for (const [id, at] of this.recent) {
      if (at >= now - RECENT_MS && this.recent.size <= RECENT_MAX) break;
      this.recent.delete(id);
    }
  }

  private remember(runId: string): void {
    this.recent.delete(runId);
    this.recent.set(runId, Date.now());
  }
}
