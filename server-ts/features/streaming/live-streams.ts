// The streams this plugin process is showing right now, by post id: what the snapshot route
// reads and what a Stop reaches. Persisting them for a restart is the journal's job.
import type { StreamState } from './post-type';

export interface StreamSnapshot {
  post_id: string;
  text: string;
  seq: number;
  state: StreamState;
  status: string;
  requester_id: string;
  /** The reasoning viewers were sent (empty unless the session shows it). */
  reasoning: string;
}

export interface LiveStream {
  readonly postId: string;
  readonly channelId: string;
  readonly requesterId: string;
  /** The message the post was created with (what Mattermost's notifications quote). */
  readonly initialMessage: string;
  snapshot(): StreamSnapshot;
  /** Asks the gateway to stop the run; the stream then ends as stopped. */
  stop(): Promise<void>;
}

export class LiveStreams {
  private readonly streams = new Map<string, LiveStream>();
  private readonly endedListeners: Array<(stream: LiveStream, finalText: string) => void> = [];

  add(stream: LiveStream): void { this.streams.set(stream.postId, stream); }
  /** The stream is over; `finalText` is what its post says now. */
  end(postId: string, finalText: string): void {
    const stream = this.streams.get(postId);
    this.streams.delete(postId);
    if (stream) for (const listener of this.endedListeners) listener(stream, finalText);
  }
  onEnded(listener: (stream: LiveStream, finalText: string) => void): void { this.endedListeners.push(listener); }
  get(postId: string): LiveStream | undefined { return this.streams.get(postId); }
  get size(): number { return this.streams.size; }
}
