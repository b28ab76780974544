// Errors the gateway module hands to its callers. `code` lets the feature layer pick a
// message; `message` is already fit for an end user and free of secrets. The subclasses
// carry what a caller needs to act on that one case, as declared fields.
import type { RunErrorKind, RunOutcome } from './run-events';

export type GatewayErrorCode =
  | 'not-connected' // no live connection; message names what to check
  | 'timeout' // no answer in time (the run may still complete later)
  | 'rejected' // the gateway refused the request
  | 'disconnected' // the connection dropped while waiting
  | 'run-failed' // the run ended in error
  | 'aborted' // the run was stopped (chat.abort, /stop) before it finished
  | 'invalid'; // bad arguments from the caller

export class GatewayLinkError extends Error {
  constructor(readonly code: GatewayErrorCode, message: string, readonly gatewayCode?: string) {
    super(message);
    this.name = 'GatewayLinkError';
  }
}

/** We stopped waiting, the run did not: `pending` settles with its outcome when it ends. */
export class AnswerTimeoutError extends GatewayLinkError {
  constructor(message: string, readonly pending: Promise<RunOutcome>) {
    super('timeout', message);
    this.name = 'AnswerTimeoutError';
  }
}

/** The run was aborted; `partialText` is what it had produced by then (never an answer). */
export class RunAbortedError extends GatewayLinkError {
  constructor(message: string, readonly partialText: string) {
    super('aborted', message);
    this.name = 'RunAbortedError';
  }
}

/** The run ended in error; `kind` says whether the model, the gateway or a deadline failed. */
export class RunFailedError extends GatewayLinkError {
  constructor(message: string, readonly kind: RunErrorKind) {
    super('run-failed', message);
    this.name = 'RunFailedError';
  }
}
