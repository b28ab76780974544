// Public surface of the gateway module. It knows nothing of Mattermost: the feature layer
// supplies settings, a display name, a DeviceStore and a logger.
export { GatewayLink } from './link';
export type { GatewayLinkOptions, ChatRequest, SessionEventListener } from './link';
export { ChatRun } from './chat-run';
export type { FinalReply, AbortResult } from './chat-run';
export type { ChatAttachment } from './attachments';
export type { AttachmentLimits, HelloSummary } from './hello';
export type { MediaFile, MediaResult, MediaOptions } from './media';
export type { AgentMessage, AgentMessageListener, WatchOptions } from './agent-messages';
export type { SystemEventDelivery } from './session-actions';
export type { GatewayCommand, GatewayModel, ThinkingLevel } from './catalogs';
export type { SupervisorOptions, GatewayEventListener, HelloListener } from './supervisor';
export { parseGatewaySettings, RawGatewaySettingsSchema, displayUrl } from './settings';
export type { GatewaySettings, GatewayAuth, RawGatewaySettings, SettingsResult } from './settings';
export { MemoryDeviceStore, StoredDeviceSchema } from './device-store';
export type { DeviceStore, StoredDevice, DeviceToken } from './device-store';
export type { LinkState, LinkStatus, StateListener } from './state';
export { describeState } from './state';
export { AnswerTimeoutError, GatewayLinkError, RunAbortedError, RunFailedError } from './errors';
export type { GatewayErrorCode } from './errors';
export type { RunEvent, RunOutcome, RunErrorKind } from './run-events';
export type { RunListener } from './run-channel';
export { buildSessionKey, mainSessionKey } from './session-key';
export type { SessionKeyParts, ConversationKind } from './session-key';
export { deriveIdempotencyKey, randomIdempotencyKey } from './idempotency';
export type { GatewayLogger, LogFields } from './logger';
export { ADMIN_SCOPE, OPERATOR_SCOPES, DEFAULT_CAPS } from './client-options';
export type { BackoffPolicy } from './backoff';
export { probeGateway } from './probe';
export type { ProbeResult, ProbeOptions } from './probe';
export {
  EXEC_APPROVAL_CAP, EXEC_DECISIONS, ExecApprovalRequestSchema, ExecApprovalResolvedSchema, offeredDecisions, isExecDecision, resolveExecApproval,
} from './exec-approvals';
export type { ExecApprovalRequest, ExecApprovalResolved, ExecDecision } from './exec-approvals';
export { QUESTION_RESOLVED_EVENT, QuestionRequestSchema, QuestionResolvedSchema, resolveQuestion } from './questions';
export type { Question, QuestionAnswers, QuestionRequest, QuestionResolved } from './questions';
