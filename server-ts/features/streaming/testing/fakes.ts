// Fakes for the streaming unit tests: a Mattermost that records posts, updates and WebSocket
// events in one ordered log, and a run whose events and outcome the test drives.
import type { Post } from '../../../mattermost/model';
import type { WebsocketBroadcast } from '../../../mattermost/model/misc';
import type { AgentOutcome, AgentRun, AgentRunEvent } from '../../conversations/agent-port';
import type { StreamPostPort } from '../presenter';

export type Logged =
  | { kind: 'create'; post: Post }
  | { kind: 'update'; post: Post }
  | { kind: 'ws'; event: string; payload: Record<string, unknown>; broadcast: WebsocketBroadcast };

export class FakePosts implements StreamPostPort {
  readonly log: Logged[] = [];
  readonly deleted = new Set<string>();
  private n = 0;

  createPost(post: Post): Promise<Post> {
    const created = { ...post, Id: `post${++this.n}`.padEnd(26, 'x') };
    this.log.push({ kind: 'create', post: created });
    return Promise.resolve(created);
  }

  getPost(postId: string): Promise<Post> {
    const known = this.log.some((l) => (l.kind === 'create' || l.kind === 'update') && l.post.Id === postId);
    if (!known || this.deleted.has(postId)) return Promise.reject(new Error('post not found'));
    return Promise.resolve({ Id: postId });
  }

  updatePost(post: Post): Promise<Post> {
    if (this.deleted.has(post.Id ?? '')) return Promise.reject(new Error('post not found'));
    this.log.push({ kind: 'update', post });
    return Promise.resolve(post);
  }

  uploadFile(_d: Uint8Array, _c: string, name: string): Promise<{ Id?: string }> {
    return Promise.resolve({ Id: `file-${name}` });
  }

  publishWebSocketEvent(event: string, payload: Record<string, unknown>, broadcast: WebsocketBroadcast): Promise<void> {
    this.log.push({ kind: 'ws', event, payload, broadcast });
    return Promise.resolve();
  }

  ws(event?: string): Array<Record<string, unknown>> {
    return this.log.filter((l): l is Extract<Logged, { kind: 'ws' }> => l.kind === 'ws' && (!event || l.event === event)).map((l) => l.payload);
  }

  updates(): Post[] {
    return this.log.filter((l): l is Extract<Logged, { kind: 'update' }> => l.kind === 'update').map((l) => l.post);
  }

  creates(): Post[] {
    return this.log.filter((l): l is Extract<Logged, { kind: 'create' }> => l.kind === 'create').map((l) => l.post);
  }
}

export class FakeRun implements AgentRun {
  readonly runId = 'run-1';
  readonly done: Promise<AgentOutcome>;
  aborted = 0;
  private listener: ((e: AgentRunEvent) => void) | undefined;
  private settle!: (o: AgentOutcome) => void;

  constructor() {
    this.done = new Promise((r) => { this.settle = r; });
  }

  media = () => Promise.resolve({ files: [], failed: [] });

  listen(l: (e: AgentRunEvent) => void): () => void {
    this.listener = l;
    return () => { this.listener = undefined; };
  }

  abort(): Promise<void> {
    this.aborted++;
    return Promise.resolve();
  }

  emit(e: AgentRunEvent): void {
    this.listener?.(e);
  }

  delta(text: string): void {
    this.emit({ type: 'delta', text, replace: false });
  }

  end(o: AgentOutcome): void {
    this.settle(o);
  }
}
