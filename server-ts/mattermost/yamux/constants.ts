// Wire constants of the yamux protocol (spec.md of hashicorp/yamux) and the
// defaults the Mattermost host uses (it passes a nil config → DefaultConfig).

export const PROTOCOL_VERSION = 0;
export const HEADER_SIZE = 12;

/** Frame types (header byte 1). */
export const FrameType = {
  Data: 0,
  WindowUpdate: 1,
  Ping: 2,
  GoAway: 3,
} as const;
export type FrameType = (typeof FrameType)[keyof typeof FrameType];

/** Flag bits (header bytes 2-3); several may be set on one frame. */
export const Flag = {
  SYN: 1,
  ACK: 2,
  FIN: 4,
  RST: 8,
} as const;

/** GoAway error codes carried in the length field. */
export const GoAwayCode = {
  Normal: 0,
  ProtocolError: 1,
  InternalError: 2,
} as const;

/** Every stream starts with this window in both directions; it is implied, never sent. */
export const INITIAL_STREAM_WINDOW = 256 * 1024;

export interface YamuxConfig {
  /** Peer-opened streams waiting in accept(); beyond this new streams are RST (Go: AcceptBacklog). */
  acceptBacklog: number;
  /** Largest receive window we advertise; also the largest Data frame we accept. */
  maxStreamWindowSize: number;
  /**
   * Largest Data payload we put in one frame. Smaller than the window so that
   * control frames (ping ACKs, window updates) never queue behind a 256 KiB blob.
   */
  maxFramePayload: number;
  /** Our open() is not ACKed in time → the session is unusable (Go closes it too). */
  streamOpenTimeoutMs: number;
  /** After our FIN, how long we wait for the peer's FIN before sending RST (Go: 5 min). */
  streamCloseTimeoutMs: number;
}

export const DEFAULT_CONFIG: Readonly<YamuxConfig> = Object.freeze({
  acceptBacklog: 256,
  maxStreamWindowSize: INITIAL_STREAM_WINDOW,
  maxFramePayload: 64 * 1024,
  streamOpenTimeoutMs: 75_000,
  streamCloseTimeoutMs: 5 * 60_000,
});

export function resolveConfig(options: Partial<YamuxConfig> | undefined): YamuxConfig {
  const config = { ...DEFAULT_CONFIG, ...options };
  // A window below the implied initial one would make the peer overrun us legally.
  if (config.maxStreamWindowSize < INITIAL_STREAM_WINDOW) {
    throw new RangeError(`maxStreamWindowSize must be >= ${INITIAL_STREAM_WINDOW}`);
  }
  if (config.maxFramePayload < 1) throw new RangeError('maxFramePayload must be >= 1');
  return config;
}
