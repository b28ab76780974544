// Owns the one GatewayLink of this plugin process: rebuilds it when the settings change,
// reports bad settings as an error state (never a crash), and exposes the state to admins.
import {
  ADMIN_SCOPE, describeState, OPERATOR_SCOPES, GatewayLink, parseGatewaySettings, type GatewayLinkOptions, type DeviceStore, type GatewayLogger, type GatewaySettings,
  type LinkState, type SessionEventListener,
} from '../../gateway';
import { allowsSessionResets, isUnconfigured, toGatewaySettings, type PluginConfig } from './plugin-config';

export interface ConnectionDeps {
  store: DeviceStore;
  logger: GatewayLogger;
  /** e.g. "Mattermost https://chat.example.com", shown to the operator when pairing. */
  displayName(): string;
  clientVersion: string;
  /** Tests shorten timeouts or substitute the client; production uses the link's defaults. */
  linkOptions?: Pick<GatewayLinkOptions, 'defaultTimeoutMs' | 'clientFactory'>;
  /** Client caps to announce (default: the gateway module's DEFAULT_CAPS). */
  caps?: string[];
}

export class GatewayConnection {
  private link: GatewayLink | undefined;
  private settingsFingerprint = '';
  private parsedAgentId = 'main';
  private scopes: string[] = OPERATOR_SCOPES;
  /** Hooks run concurrently; changes to the link must not (two overlapping saves would start two links). */
  private queue: Promise<void> = Promise.resolve();
  private offlineState: LinkState = { status: 'disabled', reason: 'the gateway URL and token are not set yet' };
  private readonly listeners = new Set<(state: LinkState) => void>();
  private readonly sessionListeners = new Set<SessionEventListener>();

  constructor(private readonly deps: ConnectionDeps) {}

  get state(): LinkState {
    return this.link?.state ?? this.offlineState;
  }

  /** The validated agent id of the current settings (default `main`). */
  get agentId(): string {
    return this.parsedAgentId;
  }

  /** The operator scopes the link asks for (the settings may add operator.admin). */
  get requestedScopes(): readonly string[] {
    return this.scopes;
  }

  /** The live link, for relaying; undefined while not configured. */
  get current(): GatewayLink | undefined {
    return this.link;
  }

  onStateChange(listener: (state: LinkState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Approval and question events of our sessions, from whichever link is current (kept across rebuilds). */
  onSessionEvent(listener: SessionEventListener): () => void {
    this.sessionListeners.add(listener);
    return () => this.sessionListeners.delete(listener);
  }

  apply(config: PluginConfig): Promise<void> {
    return this.serially(() => this.applyNow(config));
  }

  stop(): Promise<void> {
    return this.serially(() => this.stopLink());
  }

  /** Forgets the device identity and token; the next connection asks for pairing again. */
  resetDevice(): Promise<void> {
    return this.serially(async () => {
      if (this.link) await this.link.resetDevice();
      else await this.deps.store.clear();
    });
  }

  private serially(step: () => Promise<void>): Promise<void> {
    const run = this.queue.then(step);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async applyNow(config: PluginConfig): Promise<void> {
    if (isUnconfigured(config)) return this.goOffline({ status: 'disabled', reason: 'the gateway URL and token are not set yet' }, 'unconfigured');
    const parsed = parseGatewaySettings(toGatewaySettings(config));
    if (!parsed.ok) {
      // Defence in depth: a secret typed into the wrong field must not reach the status or the log.
      const message = withoutSecrets(parsed.message, config);
      return this.goOffline({ status: 'error', reason: `Invalid plugin settings: ${message}`, retrying: false }, `invalid:${message}`);
    }
    this.parsedAgentId = parsed.settings.agentId;
    const scopes = allowsSessionResets(config) ? [...OPERATOR_SCOPES, ADMIN_SCOPE] : OPERATOR_SCOPES;
    const fingerprint = JSON.stringify({ ...parsed.settings, scopes });
    if (this.link && fingerprint === this.settingsFingerprint) return; // unchanged: keep the live connection
    await this.stopLink();
    this.settingsFingerprint = fingerprint;
    this.scopes = scopes;
    this.startLink(parsed.settings, scopes);
  }

  private startLink(settings: GatewaySettings, scopes: string[]): void {
    const link = new GatewayLink({
      settings,
      scopes,
      displayName: this.deps.displayName(),
      store: this.deps.store,
      logger: this.deps.logger,
      clientVersion: this.deps.clientVersion,
      ...(this.deps.caps ? { caps: this.deps.caps } : {}),
      ...this.deps.linkOptions,
    });
    link.onStateChange((state) => this.emit(state));
    link.onSessionEvent((evt) => { for (const l of this.sessionListeners) l(evt); });
    this.link = link;
    link.start();
  }

  private async goOffline(state: LinkState, fingerprint: string): Promise<void> {
    if (!this.link && fingerprint === this.settingsFingerprint) return;
    await this.stopLink();
    this.settingsFingerprint = fingerprint;
    this.offlineState = state;
    if (state.status === 'error') this.deps.logger.error(describeState(state));
    else this.deps.logger.info(describeState(state));
    this.emit(state);
  }

  private async stopLink(): Promise<void> {
    const link = this.link;
    this.link = undefined;
    if (link) await link.stop();
  }

  private emit(state: LinkState): void {
    for (const listener of this.listeners) listener(state);
  }
}

function withoutSecrets(message: string, config: PluginConfig): string {
  let clean = message;
  for (const secret of [config.gatewaytoken, config.gatewaypassword]) {
    const s = secret?.trim();
    if (s && s.length >= 4) clean = clean.split(s).join('[secret]');
  }
  return clean;
}
