// The gateway module's front door for the feature layer: connection lifecycle plus the
// chat/command API. Commands fail at once with the supervisor's reason when there is no
// live connection, so a user never waits on a gateway that is known to be down.
import type { EventFrame } from '@openclaw/gateway-protocol';
import { AnswerTimeoutError, GatewayLinkError, RunAbortedError, RunFailedError } from './errors';
import { answerFromHistory, isReplayStatus } from './replay';
import { type RunEvent, type RunOutcome } from './run-events';
import { type RunListener, RunTracker } from './run-tracker';
import { MAX_SESSION_KEY_LENGTH } from './session-key';
import { describeState, type LinkState, type StateListener } from './state';
import { ConnectionSupervisor, type SupervisorOptions } from './supervisor';

export interface GatewayLinkOptions extends SupervisorOptions {
  /** Default wait for `chat.send` to be accepted and for command answers, ms. */
  defaultTimeoutMs?: number;
}

export interface ChatRequest {
  sessionKey: string;
  message: string;
  /** Also the run id; the same key sent twice never starts a second run. */
  idempotencyKey: string;
  /** Receives every event of this run, from the first one. */
  onEvent?: RunListener;
  /** Wait for the gateway to accept the message (not for the answer), ms. */
  timeoutMs?: number;
}

export interface ChatRun {
  runId: string;
  /** `started` for a new run; anything else means the key was seen before. */
  status: string;
  /** Settles when the run ends; it has no timeout of its own (see runSlashCommand). */
  done: Promise<RunOutcome>;
  listen: (l: RunListener) => () => void;
}

/** Events that concern sessions we started but carry no run we track (approvals, questions). */
export type SessionEventListener = (event: EventFrame) => void;

export class GatewayLink {
  private readonly supervisor: ConnectionSupervisor;
  private readonly tracker = new RunTracker();
  private readonly sessionListeners = new Set<SessionEventListener>();
  private readonly defaultTimeoutMs: number;

  private sweepTimer: NodeJS.Timeout | undefined;

  constructor(opts: GatewayLinkOptions) {
    this.supervisor = new ConnectionSupervisor(opts);
    this.defaultTimeoutMs = opts.defaultTimeoutMs ?? 60_000;
    this.supervisor.onEvent((evt) => this.route(evt));
  }

  start(): void {
    this.supervisor.start();
    // Runs whose answer never comes (gateway restarted mid-run) must still settle eventually.
    this.sweepTimer ??= setInterval(() => this.tracker.sweep(), 60_000).unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.sweepTimer);
    this.sweepTimer = undefined;
    await this.supervisor.stop();
    this.tracker.abandonAll('the OpenClaw connection was closed (settings changed or plugin stopped) before the answer arrived');
  }
  resetDevice(): Promise<void> { return this.supervisor.resetDevice(); }
  get state(): LinkState { return this.supervisor.state; }
  onStateChange(l: StateListener): () => void { return this.supervisor.onStateChange(l); }
  onSessionEvent(l: SessionEventListener): () => void {
    this.sessionListeners.add(l);
    return () => this.sessionListeners.delete(l);
  }

  /** Any gateway RPC (for features beyond chat); same fast failure when disconnected. */
  async request<T = Record<string, unknown>>(method: string, params: unknown, timeoutMs = this.defaultTimeoutMs): Promise<T> {
    const client = this.supervisor.connectedClient();
    if (!client) throw this.notConnected();
    try {
      return await client.request<T>(method, params, { timeoutMs });
    } catch (err) {
      throw this.mapRequestError(method, err, timeoutMs);
    }
  }

  async sendChat(req: ChatRequest): Promise<ChatRun> {
    if (!req.sessionKey || req.sessionKey.length > MAX_SESSION_KEY_LENGTH) throw new GatewayLinkError('invalid', 'session key is empty or too long');
    if (!req.idempotencyKey) throw new GatewayLinkError('invalid', 'idempotency key is required');
    if (!this.supervisor.connectedClient()) throw this.notConnected();
    // Track before sending: a fast command's final event can beat the RPC response.
    const handle = this.tracker.track(req.idempotencyKey, req.sessionKey);
    if (req.onEvent) handle.listen(req.onEvent);
    let res: { runId?: unknown; status?: unknown };
    try {
      res = await this.request('chat.send', { sessionKey: req.sessionKey, message: req.message, idempotencyKey: req.idempotencyKey },
        req.timeoutMs ?? Math.min(this.defaultTimeoutMs, 30_000));
    } catch (err) {
      if (handle.fresh) this.tracker.forget(req.idempotencyKey);
      throw err;
    }
    const runId = typeof res.runId === 'string' ? res.runId : req.idempotencyKey;
    const status = typeof res.status === 'string' ? res.status : 'unknown';
    this.tracker.alias(req.idempotencyKey, runId);
    if (handle.fresh && isReplayStatus(status)) void this.settleReplay(req, runId, status);
    return { runId, status, done: handle.done, listen: handle.listen };
  }

  /** A retried request: no run starts and no events come, so fetch the earlier answer. */
  private async settleReplay(req: ChatRequest, runId: string, status: string): Promise<void> {
    let outcome: RunOutcome | undefined;
    try {
      const history = await this.request('chat.history', { sessionKey: req.sessionKey, limit: 50 });
      outcome = answerFromHistory(history, req.idempotencyKey);
    } catch {
      // Fall through to the generic outcome below.
    }
    this.tracker.forget(runId, outcome ?? { status: 'error', text: '', kind: 'gateway',
      message: `this request was already handled (gateway status ${status}); its answer is in the session history` });
  }

  /**
   * Sends a gateway slash command (e.g. `/status`) into a session and resolves with the
   * gateway's answer. Rejects with AnswerTimeoutError (whose `pending` still settles when
   * the answer arrives later), RunAbortedError or RunFailedError.
   */
  async runSlashCommand(sessionKey: string, command: string, idempotencyKey: string, opts: { timeoutMs?: number } = {}): Promise<string> {
    if (!command.startsWith('/')) throw new GatewayLinkError('invalid', `not a slash command: ${command.slice(0, 40)}`);
    const timeoutMs = opts.timeoutMs ?? this.defaultTimeoutMs;
    const name = command.split(/\s/)[0];
    const started = Date.now();
    const run = await this.sendChat({ sessionKey, message: command, idempotencyKey, timeoutMs });
    const left = Math.max(1, timeoutMs - (Date.now() - started));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new AnswerTimeoutError(`OpenClaw did not answer ${name} within ${Math.round(timeoutMs / 1000)} s`, run.done)), left);
    });
    try {
      const outcome = await Promise.race([run.done, timeout]);
      if (outcome.status === 'error') throw new RunFailedError(`OpenClaw failed to run ${name}: ${outcome.message}`, outcome.kind);
      if (outcome.status === 'aborted') throw new RunAbortedError(`OpenClaw stopped ${name} before it finished`, outcome.text);
      return outcome.text;
    } finally {
      clearTimeout(timer);
    }
  }

  private route(evt: EventFrame): void {
    if (this.tracker.handle(evt)) return;
    if (this.sessionListeners.size === 0) return;
    const key = sessionKeyOf(evt.payload);
    if (key && this.tracker.ownsSession(key)) for (const l of this.sessionListeners) l(evt);
  }

  private notConnected(): GatewayLinkError {
    return new GatewayLinkError('not-connected', `OpenClaw gateway is not connected: ${describeState(this.supervisor.state)}`);
  }

  private mapRequestError(method: string, err: unknown, timeoutMs: number): GatewayLinkError {
    const e = (err ?? {}) as { code?: unknown; gatewayCode?: unknown; message?: unknown };
    const redact = this.supervisor.redactor.redact;
    if (e.code === 'CLIENT_TIMEOUT') return new GatewayLinkError('timeout', `OpenClaw gateway did not answer ${method} within ${Math.round(timeoutMs / 1000)} s`);
    if (typeof e.gatewayCode === 'string') {
      return new GatewayLinkError('rejected', `OpenClaw gateway rejected ${method}: ${redact(String(e.message))}`, e.gatewayCode);
    }
    return new GatewayLinkError('disconnected', `OpenClaw gateway connection dropped during ${method}: ${redact(String(e.message ?? err))}`);
  }
}

function sessionKeyOf(payload: unknown): string | undefined {
  const p = (payload ?? {}) as { sessionKey?: unknown; request?: { sessionKey?: unknown } };
  const key = p.sessionKey ?? p.request?.sessionKey;
  return typeof key === 'string' ? key : undefined;
}

export type { RunEvent, RunOutcome };
