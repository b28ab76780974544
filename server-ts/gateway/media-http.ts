// Downloads one file from the gateway's HTTP port: `artifacts.download` answers with a
// short-lived ticket URL on the same host and port as the WebSocket (gateway-probe-2 §Q3),
// readable without any other credential. Same trust as the WebSocket: the custom CA is in
// the default store (tls-ca.ts) and a certificate pin is checked before the request (and
// its ticket) is sent. Only the gateway's own origin is fetched.
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { TLSSocket } from 'node:tls';

export interface FetchedFile {
  bytes: Buffer;
  contentType?: string;
  /** From Content-Disposition, when the gateway names the file. */
  fileName?: string;
}

export interface GatewayHttpOptions {
  /** The gateway WebSocket URL (ws:// or wss://); files come from the same origin over http(s). */
  gatewayUrl: string;
  tlsFingerprint?: string;
  maxBytes: number;
  timeoutMs: number;
}

export function gatewayHttpOrigin(gatewayUrl: string): URL {
  const u = new URL(gatewayUrl);
  u.protocol = u.protocol === 'wss:' ? 'https:' : 'http:';
  u.pathname = '/';
  u.search = '';
  return u;
}

const fingerprintOf = (socket: TLSSocket) => (socket.getPeerCertificate()?.fingerprint256 ?? '').replaceAll(':', '').toLowerCase();

function fileNameFrom(disposition: string | undefined): string | undefined {
  if (!disposition) return undefined;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (star) {
    try {
      return decodeURIComponent(star.trim());
    } catch {
      // fall back to the plain form
    }
  }
  return /filename="([^"]*)"/i.exec(disposition)?.[1];
}

export function fetchGatewayFile(path: string, opts: GatewayHttpOptions): Promise<FetchedFile> {
  const origin = gatewayHttpOrigin(opts.gatewayUrl);
  const url = new URL(path, origin);
  if (url.origin !== origin.origin) return Promise.reject(new Error('the gateway named a download URL on another host; refused'));
  const pinned = url.protocol === 'https:' && !!opts.tlsFingerprint;
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      req.destroy();
      reject(err);
    };
    const onResponse = (res: IncomingMessage) => {
      if (res.statusCode !== 200) return fail(new Error(`the gateway answered the download with HTTP ${res.statusCode}`));
      const tooBig = () => fail(new Error(`the file is larger than ${opts.maxBytes} bytes`));
      if (Number(res.headers['content-length'] ?? 0) > opts.maxBytes) return tooBig();
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > opts.maxBytes) return tooBig();
        chunks.push(c);
      });
      res.on('end', () => {
        if (settled) return;
        settled = true;
        resolve({ bytes: Buffer.concat(chunks), contentType: res.headers['content-type']?.split(';')[0]?.trim(),
          fileName: fileNameFrom(res.headers['content-disposition']) });
      });
      res.on('error', fail);
    };
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    // With a pin the certificate is judged by its fingerprint alone, as the WebSocket does.
    // No agent: a pooled socket must never carry a request it was not checked for.
    const req: ClientRequest = send(url, { method: 'GET', agent: false, timeout: opts.timeoutMs, ...(pinned ? { rejectUnauthorized: false } : {}) }, onResponse);
    req.on('timeout', () => fail(new Error(`the download took longer than ${Math.round(opts.timeoutMs / 1000)} s`)));
    req.on('error', fail);
    if (!pinned) return void req.end();
    req.once('socket', (socket) => {
      if (!(socket instanceof TLSSocket)) return fail(new Error('no TLS socket for a pinned gateway'));
      const check = () => (fingerprintOf(socket) === opts.tlsFingerprint ? req.end() : fail(new Error('gateway TLS certificate does not match the configured pin')));
      // Before the handshake the peer certificate is an empty object.
      if (Object.keys(socket.getPeerCertificate() ?? {}).length === 0) socket.once('secureConnect', check);
      else check();
    });
  });
}
