// Builds a PluginRequest from Z_ServeHTTPArgs. Both the pre-10.7 *http.Request and the newer
// HTTPRequestSubset carry the same field names, so reading by name covers both.
import type { Duplex } from 'node:stream';
import { GobOpaque } from '../gob';
import { HttpError, type PluginRequest } from './http-types';

export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

export interface WireRequest {
  Method?: string;
  URL?: unknown;
  Header?: Record<string, string[]>;
  Host?: string;
  RemoteAddr?: string;
  RequestURI?: string;
}

function urlText(url: unknown, fallback: string | undefined): string {
  // url.URL is a BinaryMarshaler: its bytes are u.String().
  if (url instanceof GobOpaque) return Buffer.from(url.bytes).toString('utf8');
  if (url instanceof Uint8Array) return Buffer.from(url).toString('utf8');
  return fallback || '/';
}

export function canonicalHeaderName(name: string): string {
  return name.toLowerCase().replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
}

export function buildRequest(wire: WireRequest, body: () => Promise<Buffer>): PluginRequest {
  const parsed = new URL(urlText(wire.URL, wire.RequestURI), 'http://plugin.local');
  const headers = wire.Header ?? {};
  const header = (name: string) => headers[canonicalHeaderName(name)]?.[0];
  return {
    method: wire.Method || 'GET',
    path: parsed.pathname,
    query: parsed.searchParams,
    headers,
    userId: header('Mattermost-User-Id') || undefined,
    header,
    body,
  };
}

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
