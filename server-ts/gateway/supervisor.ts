// Keeps one authenticated connection to the gateway alive. Each attempt uses a fresh
// reference client that we retire on its first failure, so retry timing is ours: the
// library's own backoff grows to 30 s and stops for good on NOT_PAIRED, while we need a
// 10 s cap and a steady poll until the operator approves the pairing request.
import type { EventFrame } from '@openclaw/gateway-protocol';
import { Backoff, type BackoffPolicy, DEFAULT_BACKOFF } from './backoff';
import { buildClientOptions, DEFAULT_CAPS, OPERATOR_ROLE, OPERATOR_SCOPES } from './client-options';
import { type ClientFactory, type GatewayClientPort, realClientFactory } from './client-port';
import { classifyConnectFailure, lostConnectionReason } from './connect-errors';
import type { DeviceStore } from './device-store';
import { DeviceVault } from './device-vault';
import { summarizeHello, type HelloSummary } from './hello';
import { loadProtocol } from './protocol';
import { type GatewayLogger, silentLogger } from './logger';
import { SecretRedactor } from './redact';
import { displayUrl, type GatewaySettings } from './settings';
import { approveCommandFor, describeState, type LinkState, sameState, type StateListener } from './state';
import { trustExtraCa } from './tls-ca';

export interface SupervisorOptions {
  settings: GatewaySettings;
  /** Shown to the gateway operator in pairing lists, e.g. "Mattermost https://chat.example.com". */
  displayName: string;
  store: DeviceStore;
  logger?: GatewayLogger;
  clientVersion?: string;
  caps?: string[];
  /**
   * Operator scopes to request; defaults to read/write/approvals/questions. Asking for
   * more later (e.g. operator.admin, which the gateway's /new and /reset need) triggers a
   * scope-upgrade pairing request that the operator approves like the first one.
   */
  scopes?: string[];
  backoff?: Partial<BackoffPolicy>;
  requestTimeoutMs?: number;
  clientFactory?: ClientFactory;
}

export type GatewayEventListener = (event: EventFrame) => void;
/** Called on every hello-ok, also when the client reconnected on its own (state unchanged). */
export type HelloListener = (hello: HelloSummary) => void;

export class ConnectionSupervisor {
  readonly redactor = new SecretRedactor();
  private readonly vault: DeviceVault;
  readonly log: GatewayLogger;
  private readonly backoff: Backoff;
  private readonly url: string;
  private current: LinkState = { status: 'disabled' };
  private readonly stateListeners = new Set<StateListener>();
  private readonly eventListeners = new Set<GatewayEventListener>();
  private readonly helloListeners = new Set<HelloListener>();
  private lastHello: HelloSummary | undefined;
  private client: GatewayClientPort | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  /** Set after the device token was refused: the next attempt presents the shared secret. */
  private forceSharedSecret = false;

  constructor(private readonly opts: SupervisorOptions) {
    this.log = opts.logger ?? silentLogger;
    this.vault = new DeviceVault(opts.store, this.log);
    this.backoff = new Backoff({ ...DEFAULT_BACKOFF, ...opts.backoff });
    this.url = displayUrl(opts.settings.url);
    const { auth } = opts.settings;
    this.redactor.add(auth.kind === 'token' ? auth.token : auth.password);
  }

  get state(): LinkState {
    return this.current;
  }

  onStateChange(listener: StateListener): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  onEvent(listener: GatewayEventListener): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  onHello(listener: HelloListener): () => void {
    this.helloListeners.add(listener);
    return () => this.helloListeners.delete(listener);
  }

  /** The latest hello-ok of the live connection; undefined while not connected. */
  get hello(): HelloSummary | undefined {
    return this.current.status === 'connected' ? this.lastHello : undefined;
  }

  /** The live client, only while connected. */
  connectedClient(): GatewayClientPort | undefined {
    return this.current.status === 'connected' ? this.client : undefined;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.setState({ status: 'connecting', url: this.url });
    void this.boot(++this.generation);
  }

  async stop(): Promise<void> {
    this.running = false;
    this.generation++;
    clearTimeout(this.timer);
    await this.retire();
    await this.vault.flushed();
    this.setState({ status: 'disabled' });
  }

  /** Forgets device and token (a new pairing follows); keeps running if it was. */
  async resetDevice(): Promise<void> {
    const wasRunning = this.running;
    await this.stop();
    await this.vault.reset();
    this.forceSharedSecret = false;
    this.backoff.reset();
    if (wasRunning) this.start();
  }

  /**
   * Bumped by every start/stop: a boot that was still loading the device when the supervisor
   * was stopped (or reset and restarted) must not go on to connect with what it loaded.
   */
  private generation = 0;

  private async boot(generation: number): Promise<void> {
    try {
      // The protocol schemas must be there before the first event or request can be.
      const [device] = await Promise.all([this.vault.ensure(), loadProtocol()]);
      if (generation !== this.generation) return;
      this.redactor.add(device.privateKeyPem);
      for (const t of Object.values(device.tokens)) this.redactor.add(t.token);
      if (this.opts.settings.tlsCaPem) trustExtraCa(this.opts.settings.tlsCaPem);
    } catch (err) {
      // A stop (or reset) since this boot began owns the state now: a late failure must
      // not turn `disabled` back into `error`.
      if (generation !== this.generation) return;
      const kind = err instanceof Error ? err.name : typeof err;
      this.setState({ status: 'error', retrying: true, reason: `Could not load or create the gateway device identity (${kind}): check the plugin's key-value store` });
      return this.schedule(() => void this.boot(generation), this.backoff.next());
    }
    this.attempt();
  }

  private attempt(): void {
    if (!this.running) return;
    const token = this.vault.tokenFor(OPERATOR_ROLE);
    const scopes = this.opts.scopes ?? OPERATOR_SCOPES;
    // The device token only carries the scopes approved so far; to ask for more we must
    // present the shared secret, which turns the request into a scope-upgrade pairing.
    const useDeviceToken = !this.forceSharedSecret && !!token && scopes.every((s) => token.scopes.includes(s));
    let client: GatewayClientPort | undefined;
    const mine = () => this.running && client !== undefined && this.client === client;
    const options = buildClientOptions({
      settings: this.opts.settings, displayName: this.opts.displayName, clientVersion: this.opts.clientVersion ?? '0.0.0',
      vault: this.vault, redactor: this.redactor, log: this.log, useDeviceToken,
      requestTimeoutMs: this.opts.requestTimeoutMs ?? 30_000, caps: this.opts.caps ?? DEFAULT_CAPS, scopes: [...scopes],
    }, {
      onEvent: (evt) => { if (mine()) this.emit(evt); },
      onHelloOk: (hello) => { if (mine()) this.connected(hello); },
      onConnectError: (err) => { if (mine()) this.failed(err, useDeviceToken); },
      onReconnectPaused: (info) => { if (mine()) this.failed(new Error(info.reason), useDeviceToken); },
      onClose: (code, reason, info) => {
        if (!mine()) return;
        if (info?.connectError) return this.failed(info.connectError, useDeviceToken);
        if (this.current.status === 'connected') return this.lost(code, reason);
        this.failed(new Error(`gateway closed the connection (${code}${reason ? ` ${reason}` : ''})`), useDeviceToken);
      },
    });
    try {
      client = (this.opts.clientFactory ?? realClientFactory)(options);
      this.client = client;
      client.start();
    } catch (err) {
      this.failed(err, useDeviceToken);
    }
  }

  private connected(hello: unknown): void {
    this.backoff.reset();
    this.forceSharedSecret = false;
    const h = summarizeHello(hello);
    const device = this.vault.current();
    for (const t of Object.values(device?.tokens ?? {})) this.redactor.add(t.token);
    this.lastHello = h;
    this.setState({ status: 'connected', gatewayVersion: h.gatewayVersion, scopes: h.scopes, deviceId: device?.deviceId ?? '', authMethod: h.authMethod });
    // Every hello is a fresh server-side connection: subscriptions made before are gone.
    for (const l of this.helloListeners) {
      try {
        l(h);
      } catch (err) {
        this.log.error('gateway hello listener failed', { error: err instanceof Error ? err.name : typeof err });
      }
    }
  }

  private failed(err: unknown, usedDeviceToken: boolean): void {
    void this.retire();
    const f = classifyConnectFailure(err, this.url);
    if (f.kind === 'pairing') {
      this.setState({
        status: 'pairing-required', requestId: f.requestId, deviceId: this.vault.current()?.deviceId ?? '',
        approveCommand: approveCommandFor(f.requestId), pairingReason: f.pairingReason,
      });
      return this.schedule(() => this.attempt(), this.backoff.pairingPoll());
    }
    if (usedDeviceToken && f.authRejected) this.forceSharedSecret = true;
    this.setState({ status: 'error', retrying: true, reason: this.redactor.redact(f.reason) });
    this.schedule(() => this.attempt(), this.backoff.next());
  }

  private lost(code: number, reason: string): void {
    void this.retire();
    this.setState({ status: 'error', retrying: true, reason: this.redactor.redact(lostConnectionReason(this.url, code, reason)) });
    this.schedule(() => this.attempt(), this.backoff.next());
  }

  private schedule(fn: () => void, delayMs: number): void {
    clearTimeout(this.timer);
    if (!this.running) return;
    this.timer = setTimeout(fn, delayMs);
    this.timer.unref?.();
  }

  private async retire(): Promise<void> {
    const c = this.client;
    this.client = undefined;
    if (c) await c.stopAndWait({ timeoutMs: 2_000 }).catch(() => undefined);
  }

  private emit(evt: EventFrame): void {
    for (const l of this.eventListeners) {
      try {
        l(evt);
      } catch (err) {
        this.log.error('gateway event listener failed', { error: err instanceof Error ? err.name : typeof err });
      }
    }
  }

  private setState(next: LinkState): void {
    if (sameState(this.current, next)) return;
    const previous = this.current;
    this.current = next;
    const level = next.status === 'error' || next.status === 'pairing-required' ? 'warn' : 'info';
    this.log[level](`OpenClaw gateway ${describeState(next)}`, { status: next.status });
    for (const l of this.stateListeners) {
      try {
        l(next, previous);
      } catch (err) {
        this.log.error('gateway state listener failed', { error: err instanceof Error ? err.name : typeof err });
      }
    }
  }
}
