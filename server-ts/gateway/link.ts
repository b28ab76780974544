// The gateway module's front door for the feature layer: connection lifecycle plus the
// conversation API (send a message and follow its run, abort, system events, media,
// messages the agent starts). Requests fail at once with the supervisor's reason when
// there is no live connection, so a user never waits on a gateway that is known to be down.
import type { EventFrame } from '@openclaw/gateway-protocol';
import { AgentMessageWatcher, type AgentMessageListener, type WatchOptions } from './agent-messages';
import { encodeAttachments, type ChatAttachment } from './attachments';
import { ChatRun, type AbortResult } from './chat-run';
import { listCommands, listModels, sessionThinkingLevels, type GatewayCommand, type GatewayModel, type ThinkingLevel } from './catalogs';
import { GatewayLinkError } from './errors';
import type { AttachmentLimits } from './hello';
import { fetchMedia, type MediaOptions, type MediaResult } from './media';
import { checkedParams } from './protocol-params';
import { answerFromHistory, isReplayStatus } from './replay';
import type { RunOutcome } from './run-events';
import { RunTracker, type RunListener } from './run-tracker';
import { abortRun, sendSystemEvent, type SystemEventDelivery } from './session-actions';
import { describeState, type LinkState, type StateListener } from './state';
import { ConnectionSupervisor, type HelloListener, type SupervisorOptions } from './supervisor';
import { mapRequestError } from './request-errors';
import { QUESTION_RESOLVED_EVENT } from './questions';
import { sessionShowsReasoning } from './reasoning-visibility';

export interface GatewayLinkOptions extends SupervisorOptions {
  /** Default wait for `chat.send` to be accepted and for command answers, ms. */
  defaultTimeoutMs?: number;
}

export interface ChatRequest {
  sessionKey: string;
  message: string;
  /** Also the run id; the same key sent twice never starts a second run. */
  idempotencyKey: string;
  /** Checked against the gateway's announced limits first (GatewayLinkError `invalid`). */
  attachments?: ChatAttachment[];
  /** How the gateway treats the message when the session is busy (default: the session's mode). */
  queueMode?: 'steer' | 'followup' | 'collect' | 'interrupt';
  /** Receives every event of this run, from the first one. */
  onEvent?: RunListener;
  /** Wait for the gateway to accept the message (not for the answer), ms. */
  timeoutMs?: number;
}

/** Events that concern sessions we started but carry no run we track (approvals, questions). */
export type SessionEventListener = (event: EventFrame) => void;

export class GatewayLink {
  private readonly supervisor: ConnectionSupervisor;
  private readonly tracker = new RunTracker();
  private readonly sessionListeners = new Set<SessionEventListener>();
  private readonly watcher: AgentMessageWatcher;
  private readonly defaultTimeoutMs: number;
  private sweepTimer: NodeJS.Timeout | undefined;

  constructor(private readonly opts: GatewayLinkOptions) {
    this.supervisor = new ConnectionSupervisor(opts);
    this.defaultTimeoutMs = opts.defaultTimeoutMs ?? 60_000;
    this.watcher = new AgentMessageWatcher({
      request: (m, p) => this.request(m, p), isOurs: (id) => this.tracker.isOurs(id), log: this.supervisor.log,
    });
    this.supervisor.onEvent((evt) => this.route(evt));
    this.supervisor.onHello(() => this.watcher.onHello());
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
  /** Every hello-ok, including the client's own silent reconnects (subscriptions are gone then). */
  onHello(l: HelloListener): () => void { return this.supervisor.onHello(l); }
  onSessionEvent(l: SessionEventListener): () => void {
    this.sessionListeners.add(l);
    return () => this.sessionListeners.delete(l);
  }

  /** What the gateway takes per message (hello-ok.policy); undefined while not connected or not announced. */
  get attachmentLimits(): AttachmentLimits | undefined { return this.supervisor.hello?.attachments; }

  /** Any gateway RPC (for features beyond chat); same fast failure when disconnected. */
  async request<T = Record<string, unknown>>(method: string, params: unknown, timeoutMs = this.defaultTimeoutMs): Promise<T> {
    const client = this.supervisor.connectedClient();
    if (!client) throw this.notConnected();
    try {
      return await client.request<T>(method, params, { timeoutMs });
    } catch (err) {
      throw mapRequestError(method, err, timeoutMs, this.supervisor.redactor.redact);
    }
  }

  /** Sends a user message into a session; the ChatRun follows its run to the end. */
  async sendChat(req: ChatRequest): Promise<ChatRun> {
    if (!req.idempotencyKey) throw new GatewayLinkError('invalid', 'idempotency key is required');
    if (!this.supervisor.connectedClient()) throw this.notConnected();
    const attachments = encodeAttachments(req.attachments ?? [], this.attachmentLimits);
    const params = checkedParams('chat.send', (p) => p.root.validateChatSendParams, {
      sessionKey: req.sessionKey, message: req.message, idempotencyKey: req.idempotencyKey,
      ...(attachments.length ? { attachments } : {}), ...(req.queueMode ? { queueMode: req.queueMode } : {}),
    });
    // Track before sending: a fast command's final event can beat the RPC response.
    const handle = this.tracker.track(req.idempotencyKey, req.sessionKey);
    if (req.onEvent) handle.channel.listen(req.onEvent);
    let res: { runId?: unknown; status?: unknown };
    try {
      res = await this.request('chat.send', params, req.timeoutMs ?? Math.min(this.defaultTimeoutMs, 30_000));
    } catch (err) {
      if (handle.fresh) this.tracker.forget(req.idempotencyKey);
      throw err;
    }
    const runId = typeof res.runId === 'string' ? res.runId : req.idempotencyKey;
    const status = typeof res.status === 'string' ? res.status : 'unknown';
    this.tracker.alias(req.idempotencyKey, runId);
    if (handle.fresh && isReplayStatus(status)) void this.settleReplay(req, runId, status);
    return new ChatRun(runId, req.sessionKey, status, handle.channel, {
      abort: (key, id) => this.abortRun(key, id),
      media: (key, target, o) => this.fetchMedia(key, target, o),
    });
  }

  /** A retried request: no run starts and no events come, so fetch the earlier answer. */
  private async settleReplay(req: ChatRequest, runId: string, status: string): Promise<void> {
    const history = await this.request('chat.history', { sessionKey: req.sessionKey, limit: 50 }).catch(() => undefined);
    const outcome = history && answerFromHistory(history, req.idempotencyKey);
    this.tracker.forget(runId, outcome || { status: 'error', text: '', kind: 'gateway',
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
    const started = Date.now();
    const run = await this.sendChat({ sessionKey, message: command, idempotencyKey, timeoutMs });
    const reply = await run.finalReply({ timeoutMs: Math.max(1, timeoutMs - (Date.now() - started)), label: command.split(/\s/)[0] });
    return reply.text;
  }

  /**
   * A run's answer as the session history keeps it, for a run no longer followed live (started
   * before this process did); undefined while the history holds none yet.
   */
  async runAnswer(sessionKey: string, runId: string): Promise<RunOutcome | undefined> {
    return answerFromHistory(await this.request('chat.history', { sessionKey, limit: 50 }), runId);
  }

  /** Stops the session's run (`runId`), or whatever runs in it when omitted. */
  abortRun(sessionKey: string, runId?: string): Promise<AbortResult> {
    return abortRun((m, p) => this.request(m, p), sessionKey, runId);
  }

  /** The gateway's slash commands for `agentId` (skills among them: `source: 'skill'`). */
  commandsList(agentId: string): Promise<GatewayCommand[]> {
    return listCommands((m, p) => this.request(m, p), agentId);
  }

  /** The models `agentId` may use, with the thinking levels each supports. */
  modelsList(agentId: string): Promise<GatewayModel[]> {
    return listModels((m, p) => this.request(m, p), agentId);
  }

  /** The thinking levels the session's current model supports (`/think` accepts these). */
  thinkingLevels(sessionKey: string, agentId: string): Promise<ThinkingLevel[]> {
    return sessionThinkingLevels((m, p) => this.request(m, p), sessionKey, agentId);
  }

  /**
   * Whether the session shows the model's reasoning (`/reasoning on` or `stream`); false when
   * off, unknown, or the gateway does not answer within `timeoutMs`. Never rejects.
   */
  showsReasoning(sessionKey: string, timeoutMs = 5_000): Promise<boolean> {
    return sessionShowsReasoning((m, p, t) => this.request(m, p, t), sessionKey, timeoutMs);
  }

  /** Hands the session a line of context for its next turn (see SystemEventDelivery). */
  sendSystemEvent(sessionKey: string, text: string): Promise<SystemEventDelivery> {
    return sendSystemEvent((m, p) => this.request(m, p), this.supervisor.hello?.scopes ?? [], sessionKey, text);
  }

  /** Files of a run's final message, or of one transcript entry (an AgentMessage's messageId). */
  fetchMedia(sessionKey: string, target: { runId: string } | { messageId: string }, opts: MediaOptions = {}): Promise<MediaResult> {
    return fetchMedia({ request: (m, p) => this.request(m, p), http: { gatewayUrl: this.opts.settings.url, tlsFingerprint: this.opts.settings.tlsFingerprint } },
      sessionKey, target, opts);
  }

  /** Messages the agent writes into sessions under `sessionKeyPrefix` outside our runs; see agent-messages.ts. */
  onAgentMessage(sessionKeyPrefix: string, listener: AgentMessageListener, opts: WatchOptions = {}): () => void {
    return this.watcher.watch(sessionKeyPrefix, listener, this.state.status === 'connected', opts);
  }

  private route(evt: EventFrame): void {
    if (this.tracker.handle(evt)) return;
    if (evt.event === 'session.message') this.watcher.onSessionMessage(evt.payload);
    if (this.sessionListeners.size === 0) return;
    const key = sessionKeyOf(evt.payload);
    // question.resolved names only the question: listeners match it against what they asked.
    const ours = key ? this.tracker.ownsSession(key) : evt.event === QUESTION_RESOLVED_EVENT;
    if (ours) for (const l of this.sessionListeners) l(evt);
  }

  private notConnected(): GatewayLinkError {
    return new GatewayLinkError('not-connected', `OpenClaw gateway is not connected: ${describeState(this.supervisor.state)}`);
  }
}

function sessionKeyOf(payload: unknown): string | undefined {
  const p = (payload ?? {}) as { sessionKey?: unknown; request?: { sessionKey?: unknown } };
  const key = p.sessionKey ?? p.request?.sessionKey;
  return typeof key === 'string' ? key : undefined;
}
