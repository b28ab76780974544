// Same-origin reverse proxy to the Mattermost server, as nginx would be in front of a real
// deployment: the page, the REST API, plugin routes and the WebSocket share one origin, so the
// session cookie, Mattermost's CSRF token cookie and the WebSocket's cookie authentication work
// exactly as in the real web client. The Host header is passed on unchanged (as Mattermost's
// nginx guide does): the server's WebSocket upgrader checks that Origin matches Host.
import { request, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect } from 'node:net';
import type { Duplex } from 'node:stream';

/** Forwards one HTTP request and streams the answer back. */
export function proxyHttp(target: URL, req: IncomingMessage, res: ServerResponse): void {
  const upstream = request(
    { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', (err) => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
    res.end(`browser bed proxy: ${err.message}`);
  });
  req.pipe(upstream);
}

/** Forwards a WebSocket upgrade as raw bytes: the request head, then both directions piped. */
export function proxyUpgrade(target: URL, req: IncomingMessage, socket: Duplex, head: Buffer): void {
  const upstream = connect(Number(target.port), target.hostname, () => {
    const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
    for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
    upstream.write(lines.join('\r\n') + '\r\n\r\n');
    if (head.length > 0) upstream.write(head);
    upstream.pipe(socket).pipe(upstream);
  });
  const close = (): void => {
    upstream.destroy();
    socket.destroy();
  };
  upstream.on('error', close);
  socket.on('error', close);
  upstream.on('close', close);
  socket.on('close', close);
}
