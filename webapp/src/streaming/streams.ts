// Every reply we hold state for, by post id, shared by the one WebSocket fan-out and the mounted
// posts. Listeners hear about changes at most once per animation frame (a burst of deltas costs
// one render), and a stream that needs repair fetches its snapshot once at a time, but only while
// someone shows it: events reach us for every channel we are in, open or not.
import { StreamState } from './stream-state';
import type { Snapshot } from './wire';

/** Streams kept for posts nobody shows (events of other channels); the oldest go first. */
const MAX_STREAMS = 200;

export interface StreamsDeps {
  /** Resolves the server's snapshot, or undefined when the server does not know the post (404). */
  fetchSnapshot(postId: string): Promise<Snapshot | undefined>;
  /** requestAnimationFrame in the browser. */
  onFrame(run: () => void): void;
  logError(message: string): void;
}

type Listener = () => void;

export class Streams {
  private states = new Map<string, StreamState>();
  private listeners = new Map<string, Set<Listener>>();
  private dirty = new Set<string>();
  private frameScheduled = false;
  private fetching = new Set<string>();

  constructor(private readonly deps: StreamsDeps) {}

  get(postId: string): StreamState | undefined {
    return this.states.get(postId);
  }

  /** Applies a change to a post's state (created if new) and schedules the renders it needs. */
  update(postId: string, change: (s: StreamState) => boolean): void {
    let state = this.states.get(postId);
    if (!state) {
      state = new StreamState();
      this.states.set(postId, state);
      this.evict();
    }
    if (change(state)) this.changed(postId);
    if (state.stale && this.listeners.has(postId)) this.refresh(postId);
  }

  subscribe(postId: string, listener: Listener): () => void {
    const set = this.listeners.get(postId) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(postId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(postId);
    };
  }

  /** Fetches the server's state for a post (mount, gap, reset, reconnect); one fetch at a time. */
  refresh(postId: string): void {
    if (this.fetching.has(postId)) return;
    this.fetching.add(postId);
    this.deps.fetchSnapshot(postId).then(
      (snap) => {
        this.fetching.delete(postId);
        // Unknown to the server: the post's stored message is all there is; stop asking.
        if (!snap) return this.update(postId, (s) => ((s.stale = false), false));
        this.update(postId, (s) => s.snapshot(snap));
      },
      (err: unknown) => {
        this.fetching.delete(postId);
        this.deps.logError(`OpenClaw: could not load the reply ${postId}: ${err instanceof Error ? err.message : String(err)}`);
      },
    );
  }

  /** After the WebSocket came back: what was missed is unknown, so every live stream refetches. */
  reconnected(): void {
    for (const [postId, state] of this.states) {
      if (state.view.state !== 'streaming') continue;
      state.stale = true;
      if (this.listeners.has(postId)) this.refresh(postId);
    }
  }

  private changed(postId: string): void {
    this.dirty.add(postId);
    if (this.frameScheduled) return;
    this.frameScheduled = true;
    this.deps.onFrame(() => {
      this.frameScheduled = false;
      const dirty = [...this.dirty];
      this.dirty.clear();
      for (const id of dirty) for (const listener of [...(this.listeners.get(id) ?? [])]) listener();
    });
  }

  private evict(): void {
    for (const postId of this.states.keys()) {
      if (this.states.size <= MAX_STREAMS) return;
      if (!this.listeners.has(postId)) this.states.delete(postId);
    }
  }
}
