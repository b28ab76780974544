// Public surface of the gateway module. It knows nothing of Mattermost: the feature layer
// supplies settings, a display name, a DeviceStore and a logger.
export { GatewayLink } from './link';
export type { GatewayLinkOptions, ChatRequest, ChatRun, SessionEventListener } from './link';
export type { SupervisorOptions, GatewayEventListener } from './supervisor';
export { parseGatewaySettings, RawGatewaySettingsSchema, displayUrl } from './settings';
export type { GatewaySettings, GatewayAuth, RawGatewaySettings, SettingsResult } from './settings';
export { MemoryDeviceStore, StoredDeviceSchema } from './device-store';
export type { DeviceStore, StoredDevice, DeviceToken } from './device-store';
export type { LinkState, LinkStatus, StateListener } from './state';
export { describeState } from './state';
export { AnswerTimeoutError, GatewayLinkError, RunAbortedError, RunFailedError } from './errors';
export type { GatewayErrorCode } from './errors';
export type { RunEvent, RunOutcome, RunErrorKind } from './run-events';
export type { RunListener } from './run-tracker';
export { buildSessionKey, mainSessionKey } from './session-key';
export type { SessionKeyParts, ConversationKind } from './session-key';
export { deriveIdempotencyKey, randomIdempotencyKey } from './idempotency';
export type { GatewayLogger, LogFields } from './logger';
export { OPERATOR_SCOPES, DEFAULT_CAPS } from './client-options';
export type { BackoffPolicy } from './backoff';
