// The 12-byte frame header: version, type, flags, stream id, length (big-endian).

import { FrameType, HEADER_SIZE, PROTOCOL_VERSION } from './constants';
import { YamuxProtocolError } from './errors';

export interface FrameHeader {
  readonly type: FrameType;
  readonly flags: number;
  readonly streamId: number;
  /** Data: payload size; WindowUpdate: delta; Ping: opaque value; GoAway: code. */
  readonly length: number;
}

export function encodeHeader(type: FrameType, flags: number, streamId: number, length: number): Buffer {
  const buf = Buffer.allocUnsafe(HEADER_SIZE);
  writeHeader(buf, type, flags, streamId, length);
  return buf;
}

/** Writes a header into the first HEADER_SIZE bytes of buf (e.g. ahead of its payload). */
export function writeHeader(buf: Buffer, type: FrameType, flags: number, streamId: number, length: number): void {
  buf[0] = PROTOCOL_VERSION;
  buf[1] = type;
  buf.writeUInt16BE(flags, 2);
  buf.writeUInt32BE(streamId, 4);
  buf.writeUInt32BE(length, 8);
}

/**
 * Decode and validate a header. `maxDataLength` bounds what one Data frame may
 * make us buffer, so a hostile length can never make the reader allocate big.
 */
export function decodeHeader(buf: Buffer, maxDataLength: number): FrameHeader {
  const version = buf[0];
  if (version !== PROTOCOL_VERSION) {
    throw new YamuxProtocolError('invalid-version', `invalid protocol version ${version}`);
  }
  const type = buf[1];
  if (type > FrameType.GoAway) {
    throw new YamuxProtocolError('invalid-type', `invalid frame type ${type}`);
  }
  const header: FrameHeader = {
    type: type as FrameType,
    flags: buf.readUInt16BE(2),
    streamId: buf.readUInt32BE(4),
    length: buf.readUInt32BE(8),
  };
  if (header.type === FrameType.Data && header.length > maxDataLength) {
    throw new YamuxProtocolError(
      'frame-too-large',
      `data frame of ${header.length} bytes exceeds the receive window (${maxDataLength})`,
    );
  }
  return header;
}
