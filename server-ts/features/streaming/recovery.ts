// Crash safety. Every node keeps a short-lived "alive" key in the KV store while it runs; a
// stream record whose node is no longer alive was left by a killed or stopped process. One
// node claims it (compare-and-set), waits for the run's answer in the gateway's history and
// finishes the post, so no post stays "streaming" forever.
import { decodeJson, encodeJson } from '../conversations/kv';
import type { AgentOutcome } from '../conversations/agent-port';
import { JOURNAL_PREFIX, StreamRecord, type JournalPort, type KvStreamJournal } from './journal';
import { lostOutcome } from './adopt';

export const ALIVE_PREFIX = 'oc-stream-node:';

export interface RecoveryDeps {
  kv: JournalPort;
  journal: KvStreamJournal;
  nodeId: string;
  /** The run's outcome from the gateway's history; undefined while it has none (or the gateway is away). */
  answer(rec: StreamRecord): Promise<AgentOutcome | undefined>;
  finish(rec: StreamRecord, outcome: AgentOutcome): Promise<unknown>;
  log(message: string): void;
  aliveSeconds?: number;
  /** How long an adopted run may still take before its post ends with an error line. */
  deadlineMs?: number;
  pollMs?: number;
  now?: () => number;
}

export class StreamRecovery {
  private readonly adopted = new Set<string>();
  private timers: NodeJS.Timeout[] = [];

  constructor(private readonly deps: RecoveryDeps) {}

  start(everyMs = 10_000): void {
    void this.heartbeat().then(() => this.sweep());
    const t = setInterval(() => { void this.heartbeat().then(() => this.sweep()); }, everyMs);
    t.unref?.();
    this.timers.push(t);
  }

  stop(): void {
    for (const t of this.timers.splice(0)) clearInterval(t);
  }

  async heartbeat(): Promise<void> {
    const ttl = this.deps.aliveSeconds ?? 30;
    await this.deps.kv.kvSetWithOptions(ALIVE_PREFIX + this.deps.nodeId, encodeJson({ at: this.now() }), { ExpireInSeconds: ttl })
      .catch((e: Error) => this.deps.log(`stream recovery: heartbeat failed: ${e.message}`));
  }

  /** Claims and finishes every stream left by a node that is gone. */
  async sweep(): Promise<void> {
    const records = await this.deps.journal.all().catch(() => []);
    for (const rec of records) {
      if (this.adopted.has(rec.postId) || rec.nodeId === this.deps.nodeId) continue;
      if (await this.isAlive(rec.nodeId) || !(await this.claim(rec))) continue;
      this.adopted.add(rec.postId);
      void this.follow({ ...rec, nodeId: this.deps.nodeId }).finally(() => this.adopted.delete(rec.postId));
    }
  }

  private async isAlive(nodeId: string): Promise<boolean> {
    const raw = await this.deps.kv.kvGet(ALIVE_PREFIX + nodeId).catch(() => undefined);
    return !!raw && raw.length > 0;
  }

  private async claim(rec: StreamRecord): Promise<boolean> {
    const key = JOURNAL_PREFIX + rec.postId;
    const raw = await this.deps.kv.kvGet(key);
    const current = decodeJson(StreamRecord, raw);
    if (!raw || !current || current.nodeId !== rec.nodeId) return false;
    return this.deps.kv.kvSetWithOptions(key, encodeJson({ ...current, nodeId: this.deps.nodeId }), { Atomic: true, OldValue: raw });
  }

  private async follow(rec: StreamRecord): Promise<void> {
    this.deps.log(`stream recovery: finishing post ${rec.postId} (run ${rec.runId}) left by a stopped plugin process`);
    const deadline = rec.startedAt + (this.deps.deadlineMs ?? 15 * 60_000);
    let outcome: AgentOutcome | undefined;
    while (!outcome && this.now() < deadline) {
      outcome = await this.deps.answer(rec).catch(() => undefined);
      if (!outcome) await new Promise((r) => setTimeout(r, this.deps.pollMs ?? 2_000));
    }
    try {
      await this.deps.finish(rec, outcome ?? lostOutcome());
      await this.deps.journal.ended(rec.postId);
    } catch (err) {
      this.deps.log(`stream recovery: post ${rec.postId} could not be finished: ${(err as Error).message}`);
    }
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }
}
