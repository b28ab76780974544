// The request body arrives over a host "io reader" stream: we ask for n bytes with a varint,
// the host copies up to n and closes the stream at EOF.
import type { Duplex } from 'node:stream';
import { HttpError } from './http-types';

export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

/** Zig-zag varint, as Go's binary.PutVarint writes it. */
function putVarint(n: number): Buffer {
  let u = BigInt(n) * 2n;
  const out: number[] = [];
  while (u >= 0x80n) {
    out.push(Number(u & 0x7fn) | 0x80);
    u >>= 7n;
  }
  out.push(Number(u));
  return Buffer.from(out);
}

/**
 * Reads the request body from the host's io reader stream: we ask for limit+1 bytes and the
 * host closes the stream at EOF, so more than `limit` bytes means the body is too large.
 */
export function readBody(stream: Duplex | undefined, limit = DEFAULT_MAX_BODY_BYTES): () => Promise<Buffer> {
  let result: Promise<Buffer> | undefined;
  return () => {
    if (!stream) return Promise.resolve(Buffer.alloc(0));
    result ??= new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) {
          stream.destroy();
          reject(new HttpError(413, `request body exceeds ${limit} bytes`));
          return;
        }
        chunks.push(chunk);
      });
      stream.on('end', () => resolve(Buffer.concat(chunks, size)));
      stream.on('error', reject);
      stream.write(putVarint(limit + 1));
    });
    return result;
  };
}
