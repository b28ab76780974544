// Read exactly n bytes from a Readable without disturbing what follows: the
// broker's 4-byte id/ack precedes payload bytes that belong to someone else.

import type { Readable } from 'node:stream';

export function readExactly(stream: Readable, n: number, what: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      stream.off('readable', onReadable);
      stream.off('end', onEnd);
      stream.off('error', onError);
      stream.off('close', onClose);
    };
    const onReadable = (): void => {
      // read(n) returns null until n bytes are buffered, leaving the rest in place.
      const chunk = stream.read(n) as Buffer | null;
      if (chunk === null) return;
      cleanup();
      // After EOF read(n) hands out whatever is left, even if short.
      if (chunk.length < n) reject(new Error(`${what}: stream ended after ${chunk.length} of ${n} bytes`));
      else resolve(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      reject(new Error(`${what}: stream ended before ${n} bytes arrived`));
    };
    const onError = (err: Error): void => {
      cleanup();
      reject(err);
    };
    const onClose = (): void => {
      cleanup();
      reject(new Error(`${what}: stream closed before ${n} bytes arrived`));
    };
    stream.on('readable', onReadable);
    stream.once('end', onEnd);
    stream.once('error', onError);
    stream.once('close', onClose);
    // A 'readable' that fired before we subscribed is not repeated.
    onReadable();
  });
}

export function encodeId(id: number): Buffer {
  const buf = Buffer.allocUnsafe(4);
  buf.writeUInt32LE(id, 0);
  return buf;
}
