// Message framing: each gob message is uint(byteCount) followed by that many bytes.
import { GobError } from './errors';

// Go's decoder refuses messages of 1 GiB or more (tooBig) before reading them.
export const MAX_MESSAGE_BYTES = 1 << 30;

export interface Frame {
  readonly bodyStart: number;
  readonly bodyEnd: number;
}

// Returns undefined when the header or body has not fully arrived yet. The size check happens
// as soon as the header is complete, so an oversized message is refused before it is buffered.
export function readFrame(buf: Uint8Array, pos: number, limit: number): Frame | undefined {
  if (pos >= limit) return undefined;
  const b = buf[pos];
  let len: number;
  let bodyStart: number;
  if (b < 0x80) {
    len = b;
    bodyStart = pos + 1;
  } else {
    const n = 256 - b;
    if (n > 8) throw new GobError('encoded unsigned integer out of range');
    if (pos + 1 + n > limit) return undefined;
    len = 0;
    for (let i = 0; i < n; i++) {
      len = len * 256 + buf[pos + 1 + i];
      if (len >= MAX_MESSAGE_BYTES) throw new GobError('message too big');
    }
    bodyStart = pos + 1 + n;
  }
  if (len >= MAX_MESSAGE_BYTES) throw new GobError('message too big');
  if (len === 0) throw new GobError('empty message');
  if (bodyStart + len > limit) return undefined;
  return { bodyStart, bodyEnd: bodyStart + len };
}
