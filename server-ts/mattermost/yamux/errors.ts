// Error types. The codec and session raise YamuxProtocolError for anything the
// peer did wrong, so callers (and the fuzz test) can tell peer faults from bugs.

export type ProtocolErrorCode =
  | 'invalid-version'
  | 'invalid-type'
  | 'frame-too-large'
  | 'window-exceeded'
  | 'duplicate-stream'
  | 'invalid-stream-id'
  | 'truncated-frame'
  | 'remote-go-away';

export class YamuxProtocolError extends Error {
  override readonly name = 'YamuxProtocolError';
  constructor(
    readonly code: ProtocolErrorCode,
    message: string,
  ) {
    super(`yamux: ${message}`);
  }
}

/** Raised to callers of accept()/open()/stream I/O once the session is gone. */
export class YamuxSessionClosedError extends Error {
  override readonly name = 'YamuxSessionClosedError';
  constructor(readonly reason?: Error) {
    super(reason ? `yamux: session closed: ${reason.message}` : 'yamux: session closed');
  }
}
