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
}

export interface LiveStream {
  readonly postId: string;
  readonly channelId: string;
  readonly requesterId: string;
  snapshot(): StreamSnapshot;
  /** Asks the gateway to stop the run; the stream then ends as stopped. */
  stop(): Promise<void>;
}

export class LiveStreams {
  private readonly streams = new Map<string, LiveStream>();

  add(stream: LiveStream): void { this.streams.set(stream.postId, stream); }
  remove(postId: string): void { this.streams.delete(postId); }
  get(postId: string): LiveStream | undefined { return this.streams.get(postId); }
  get size(): number { return this.streams.size; }
}
