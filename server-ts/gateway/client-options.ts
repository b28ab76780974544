// Builds the reference client's options for one connection attempt: our identity
// (gateway-client/backend with a paired device), scopes, and host hooks that keep the
// device token in the vault and every library log line behind the redactor.
import type { GatewayClientOptions } from '@openclaw/gateway-client';
import { publicKeyBase64Url, signPayload } from './device-identity';
import type { DeviceVault } from './device-vault';
import type { GatewayLogger } from './logger';
import type { SecretRedactor } from './redact';
import type { GatewaySettings } from './settings';

export const OPERATOR_ROLE = 'operator';
export const OPERATOR_SCOPES = ['operator.read', 'operator.write', 'operator.approvals', 'operator.questions'];
/** Full control of the gateway; asked for only when an admin opts in (e.g. session resets). */
export const ADMIN_SCOPE = 'operator.admin';
// Tool streams only. Adding `exec-approvals` makes this connection an approval route (the
// gateway then waits for us instead of auto-denying with "no-route"), so that cap is
// switched on by the feature that actually answers approvals (AttemptContext.caps).
export const DEFAULT_CAPS = ['tool-events'];

export interface AttemptHooks {
  onEvent: NonNullable<GatewayClientOptions['onEvent']>;
  onHelloOk: NonNullable<GatewayClientOptions['onHelloOk']>;
  onConnectError: NonNullable<GatewayClientOptions['onConnectError']>;
  onClose: NonNullable<GatewayClientOptions['onClose']>;
  onReconnectPaused: NonNullable<GatewayClientOptions['onReconnectPaused']>;
}

export interface AttemptContext {
  settings: GatewaySettings;
  displayName: string;
  clientVersion: string;
  vault: DeviceVault;
  redactor: SecretRedactor;
  log: GatewayLogger;
  /** Present the stored device token instead of the shared secret. */
  useDeviceToken: boolean;
  requestTimeoutMs: number;
  caps: string[];
  scopes: string[];
}

export function buildClientOptions(ctx: AttemptContext, hooks: AttemptHooks): GatewayClientOptions {
  const device = ctx.vault.current();
  if (!device) throw new Error('device identity not loaded');
  const { auth } = ctx.settings;
  const shared = ctx.useDeviceToken ? {} : auth.kind === 'token' ? { token: auth.token } : { password: auth.password };
  return {
    url: ctx.settings.url,
    ...shared,
    clientName: 'gateway-client',
    mode: 'backend',
    clientDisplayName: ctx.displayName,
    clientVersion: ctx.clientVersion,
    platform: process.platform,
    role: OPERATOR_ROLE,
    scopes: [...ctx.scopes],
    caps: [...ctx.caps],
    minProtocol: 4,
    maxProtocol: 4,
    requestTimeoutMs: ctx.requestTimeoutMs,
    ...(ctx.settings.tlsFingerprint ? { tlsFingerprint: ctx.settings.tlsFingerprint } : {}),
    // An empty env: the library reads break-glass switches (insecure private ws, timeouts)
    // from it, and those must come from our settings, not the Mattermost server's env.
    env: {},
    deviceIdentity: { deviceId: device.deviceId, publicKeyPem: device.publicKeyPem, privateKeyPem: device.privateKeyPem },
    hostDeps: {
      signDevicePayload: signPayload,
      publicKeyRawBase64UrlFromPem: publicKeyBase64Url,
      loadDeviceAuthToken: ({ role }) => {
        const t = ctx.vault.tokenFor(role);
        return t ? { token: t.token, scopes: t.scopes } : null;
      },
      storeDeviceAuthToken: ({ role, token, scopes }) => {
        ctx.redactor.add(token);
        ctx.vault.storeToken({ role, token, scopes, issuedAtMs: Date.now() });
      },
      clearDeviceAuthToken: ({ role }) => ctx.vault.clearToken(role),
      logDebug: (m) => ctx.log.debug(ctx.redactor.redact(m)),
      // The library reports every failed attempt as an error; the supervisor logs state
      // changes once each instead, so library errors stay at debug level.
      logError: (m) => ctx.log.debug(ctx.redactor.redact(m)),
      redactForLog: ctx.redactor.redact,
    },
    ...hooks,
  };
}
