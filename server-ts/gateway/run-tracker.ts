// Events are broadcast to every operator connection on the gateway, so other clients'
// runs reach us too. The tracker remembers the runs (and their sessions) this process
// started, routes their events to the caller, and drops everything else.
import type { EventFrame } from '@openclaw/gateway-protocol';
import { AgentPayloadSchema, ChatPayloadSchema, chatToRunEvent, type RunEvent, type RunOutcome } from './run-events';

export type RunListener = (event: RunEvent) => void;

interface TrackedRun {
  sessionKey: string;
  listeners: Set<RunListener>;
  snapshot: string;
  startedAtMs: number;
  settle: (o: RunOutcome) => void;
  done: Promise<RunOutcome>;
}

export interface TrackedHandle {
  /** false when the run was already tracked (a retry joined it). */
  fresh: boolean;
  done: Promise<RunOutcome>;
  listen: (l: RunListener) => () => void;
}

export class RunTracker {
  private readonly runs = new Map<string, TrackedRun>();
  /** Session keys we started runs in (insertion-ordered, bounded). */
  private readonly sessions = new Set<string>();

  constructor(private readonly maxRunAgeMs = 30 * 60_000, private readonly maxSessions = 10_000) {}

  /** Registers a run before it is sent: the gateway uses the idempotency key as run id. */
  track(runId: string, sessionKey: string): TrackedHandle {
    this.sweep();
    // The same key again (a retried request) joins the run already in progress.
    const existing = this.runs.get(runId);
    if (existing) return this.handleFor(existing, false);
    const key = sessionKey.toLowerCase();
    this.sessions.delete(key);
    this.sessions.add(key);
    if (this.sessions.size > this.maxSessions) this.sessions.delete(this.sessions.values().next().value as string);
    let settle!: (o: RunOutcome) => void;
    const done = new Promise<RunOutcome>((resolve) => (settle = resolve));
    const run: TrackedRun = { sessionKey: key, listeners: new Set(), snapshot: '', startedAtMs: Date.now(), settle, done };
    this.runs.set(runId, run);
    return this.handleFor(run, true);
  }

  private handleFor(run: TrackedRun, fresh: boolean): TrackedHandle {
    return {
      fresh,
      done: run.done,
      listen: (l) => {
        run.listeners.add(l);
        return () => run.listeners.delete(l);
      },
    };
  }

  /** Also route events under a second id (if the gateway ever picks its own run id). */
  alias(runId: string, otherId: string): void {
    const run = this.runs.get(runId);
    if (run && otherId !== runId) this.runs.set(otherId, run);
  }

  forget(runId: string, outcome?: RunOutcome): void {
    const run = this.runs.get(runId);
    if (!run) return;
    for (const [id, r] of this.runs) if (r === run) this.runs.delete(id);
    if (outcome) run.settle(outcome);
  }

  ownsRun(runId: string): boolean {
    return this.runs.has(runId);
  }

  ownsSession(sessionKey: string): boolean {
    return this.sessions.has(sessionKey.toLowerCase());
  }

  activeRuns(): number {
    return new Set(this.runs.values()).size;
  }

  /** Returns true when the event belonged to one of our runs. */
  handle(evt: EventFrame): boolean {
    if (evt.event === 'chat') return this.onChat(evt.payload);
    if (evt.event === 'agent') return this.onAgent(evt.payload);
    return false;
  }

  private onChat(payload: unknown): boolean {
    const p = ChatPayloadSchema.safeParse(payload);
    if (!p.success) return false;
    const run = this.runs.get(p.data.runId);
    if (!run) return false;
    const event = chatToRunEvent(p.data, run.snapshot);
    if (!event) return true;
    if (event.type === 'delta') run.snapshot = event.snapshot;
    this.deliver(run, event);
    if (event.type === 'final') this.forget(p.data.runId, { status: 'final', text: event.text, stopReason: event.stopReason });
    if (event.type === 'aborted') this.forget(p.data.runId, { status: 'aborted', text: event.text, stopReason: event.stopReason });
    if (event.type === 'error') this.forget(p.data.runId, { status: 'error', text: run.snapshot, message: event.message, kind: event.kind });
    return true;
  }

  private onAgent(payload: unknown): boolean {
    const p = AgentPayloadSchema.safeParse(payload);
    if (!p.success) return false;
    const run = this.runs.get(p.data.runId);
    if (!run) return false;
    this.deliver(run, { type: 'agent', stream: p.data.stream, data: p.data.data });
    return true;
  }

  private deliver(run: TrackedRun, event: RunEvent): void {
    for (const l of run.listeners) {
      try {
        l(event);
      } catch {
        // A failing listener must not starve the others or break the socket's event loop.
      }
    }
  }

  /** Settles every open run with an error (the link is going away; no answer will come). */
  abandonAll(message: string): void {
    for (const [id, run] of [...this.runs]) this.forget(id, { status: 'error', text: run.snapshot, message, kind: 'gateway' });
  }

  /** Gives up on runs older than the age limit; also called on a timer, so idle links clean up too. */
  sweep(): void {
    const cutoff = Date.now() - this.maxRunAgeMs;
    for (const [id, run] of this.runs) {
      if (run.startedAtMs < cutoff) this.forget(id, { status: 'error', text: run.snapshot, message: 'no answer from the gateway; the run is no longer tracked', kind: 'timeout' });
    }
  }
}
