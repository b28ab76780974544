// One reply's live state and the rules that keep it right whatever order things arrive in:
// deltas apply strictly in seq order (a gap waits for a snapshot; deltas after the gap are kept
// to replay on top of it), and a snapshot or a stored checkpoint replaces the text only when it
// covers more than what is shown, so an older post_edited never rolls the view back.
import { applyReasoning } from './reasoning-text';
import type { Checkpoint, FinalState, ReplyState, Snapshot } from './wire';

/** Deltas kept while a snapshot is awaited; past this the snapshot alone catches up. */
const MAX_PENDING = 2_000;

export interface ReplyView {
  text: string;
  seq: number;
  state: ReplyState;
  status: string;
  requesterId: string;
  /** The model's reasoning, when the session shows it (apart from the answer). */
  reasoning: string;
}

export class StreamState {
  view: ReplyView = { text: '', seq: 0, state: 'streaming', status: '', requesterId: '', reasoning: '' };
  /** Set when what we hold is known to be incomplete: only a snapshot can repair it. */
  stale = false;
  private pending = new Map<number, string>();

  /** Returns true when the view changed. */
  delta(seq: number, text: string): boolean {
    if (seq <= this.view.seq) return false; // a repeat, or already covered by a snapshot
    if (seq !== this.view.seq + 1 || this.stale) {
      if (this.pending.size < MAX_PENDING) this.pending.set(seq, text);
      this.stale = true;
      return false;
    }
    this.view = { ...this.view, text: this.view.text + text, seq };
    return true;
  }

  status(seq: number, status: string): boolean {
    if (seq < this.view.seq || this.view.state !== 'streaming' || status === this.view.status) return false;
    this.view = { ...this.view, status };
    return true;
  }

  /** A reasoning piece; a gap waits for the snapshot. */
  reasoning(from: number, text: string): boolean {
    const applied = applyReasoning(this.view.reasoning, from, text);
    if (applied === 'same') return false;
    if (applied === 'gap') {
      this.stale = true;
      return false;
    }
    this.view = { ...this.view, reasoning: applied.next };
    return true;
  }

  end(seq: number, state: FinalState): boolean {
    if (this.view.state !== 'streaming') return false;
    if (seq > this.view.seq) this.stale = true; // deltas are missing: the snapshot or the final edit brings them
    this.view = { ...this.view, state, status: '' };
    return true;
  }

  reset(): void {
    this.stale = true;
  }

  /** The server's whole state. Equal seq counts too: it is the authority on the text. */
  snapshot(s: Snapshot): boolean {
    this.stale = false;
    // Pieces that arrived after the server took the snapshot may make ours the longer one.
    const reasoning = (s.reasoning ?? '').length >= this.view.reasoning.length ? (s.reasoning ?? '') : this.view.reasoning;
    const reasoningChanged = reasoning !== this.view.reasoning;
    if (reasoningChanged) this.view = { ...this.view, reasoning };
    if (s.seq < this.view.seq) return this.replay() || reasoningChanged;
    const finished = this.view.state !== 'streaming' && s.state === 'streaming';
    this.view = {
      text: s.text,
      seq: s.seq,
      state: finished ? this.view.state : s.state, // a stream_end we saw outranks an older snapshot
      status: s.state === 'streaming' && !finished ? (s.status ?? '') : '',
      requesterId: s.requester_id || this.view.requesterId,
      reasoning,
    };
    this.replay();
    return true;
  }

  /** The post as stored (initial render, post_edited). */
  checkpoint(c: Checkpoint): boolean {
    if (c.requesterId && !this.view.requesterId) this.view = { ...this.view, requesterId: c.requesterId };
    const final = c.state !== 'streaming';
    const newer = c.seq > this.view.seq || (final && c.seq >= this.view.seq);
    if (!newer) return false;
    if (final) this.stale = false; // the final text is complete: no snapshot needed
    this.view = { ...this.view, text: c.text, seq: c.seq, state: final ? c.state : this.view.state, status: final ? '' : this.view.status };
    this.replay();
    return true;
  }

  private replay(): boolean {
    let changed = false;
    for (const seq of [...this.pending.keys()].sort((a, b) => a - b)) {
      const text = this.pending.get(seq)!;
      this.pending.delete(seq);
      if (seq === this.view.seq + 1) {
        this.view = { ...this.view, text: this.view.text + text, seq };
        changed = true;
      } else if (seq > this.view.seq + 1) {
        this.pending.set(seq, text);
        this.stale = true;
        break;
      }
    }
    return changed;
  }
}
