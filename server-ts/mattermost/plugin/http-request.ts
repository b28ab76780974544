// Builds a PluginRequest from Z_ServeHTTPArgs. Both the pre-10.7 *http.Request and the newer
// HTTPRequestSubset carry the same field names, so reading by name covers both.
import { GobOpaque, type Infer } from '../gob';
import type { WireRequestType } from './hook-args';
import type { PluginRequest } from './http-types';

export type WireRequest = Infer<typeof WireRequestType>;

function urlText(url: unknown, fallback: string | undefined): string {
  // url.URL is a BinaryMarshaler: its bytes are u.String().
  if (url instanceof GobOpaque) return Buffer.from(url.bytes).toString('utf8');
  if (url instanceof Uint8Array) return Buffer.from(url).toString('utf8');
  if (typeof url === 'string' && url) return url;
  return fallback || '/';
}

export function canonicalHeaderName(name: string): string {
  return name.toLowerCase().replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
}

export function buildRequest(wire: WireRequest, rawUrl: unknown, body: () => Promise<Buffer>): PluginRequest {
  const parsed = new URL(urlText(rawUrl, wire.RequestURI), 'http://plugin.local');
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
