// Public surface of the yamux implementation.
export { YamuxSession, type YamuxSessionEvents } from './session';
export { YamuxStream } from './stream';
export { YamuxProtocolError, YamuxSessionClosedError, type ProtocolErrorCode } from './errors';
export { DEFAULT_CONFIG, Flag, FrameType, GoAwayCode, INITIAL_STREAM_WINDOW, type YamuxConfig } from './constants';
export { FrameReader, type FrameHandler } from './frame-reader';
export { encodeHeader, decodeHeader, type FrameHeader } from './frame';
