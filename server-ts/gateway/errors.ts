// Errors the gateway module hands to its callers. `code` lets the feature layer pick a
// message; `message` is already fit for an end user and free of secrets.
export type GatewayErrorCode =
  | 'not-connected' // no live connection; message names what to check
  | 'timeout' // no answer in time (the run may still complete later)
  | 'rejected' // the gateway refused the request
  | 'disconnected' // the connection dropped while waiting
  | 'run-failed' // the run ended in error or was aborted
  | 'invalid'; // bad arguments from the caller

export class GatewayLinkError extends Error {
  constructor(readonly code: GatewayErrorCode, message: string, readonly gatewayCode?: string) {
    super(message);
    this.name = 'GatewayLinkError';
  }
}
