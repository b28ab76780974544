// The browser test bed's web server: the host page on 127.0.0.1, and everything else proxied to
// the Mattermost server (REST API, plugin routes, plugin bundles, WebSocket).
import type { Client4 } from '@mattermost/client';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { APP_DIR, bundleApp } from './app-bundle';
import { proxyHttp, proxyUpgrade } from './proxy';

export interface BrowserBed {
  /** The page, e.g. http://127.0.0.1:8066/ */
  readonly url: string;
  stop(): Promise<void>;
}

export interface BrowserBedOptions {
  /** The Mattermost server to front, e.g. the test bed's url. */
  mattermostUrl: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /**
   * A system admin's client: the server's SiteURL is pointed at the page while the bed runs (and
   * restored on stop). Mattermost accepts a WebSocket only from its SiteURL's origin, and in a real
   * deployment the SiteURL is the address people open, so this keeps that check real.
   */
  admin?: Client4;
}

/** Paths Mattermost itself serves; the rest of the origin is the host page's. */
const PROXIED = /^\/(api\/v4\/|plugins\/|static\/plugins\/)/;

export async function startBrowserBed(opts: BrowserBedOptions): Promise<BrowserBed> {
  const target = new URL(opts.mattermostUrl);
  const script = await bundleApp();
  const page = (): string => readFileSync(join(APP_DIR, 'index.html'), 'utf8');

  const serveOwn = (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/' || path === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(page());
    } else if (path === '/bed/app.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      res.end(script);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found (the browser bed serves /, /bed/app.js and proxies /api/v4, /plugins, /static/plugins)');
    }
  };

  const server = createServer((req, res) => (PROXIED.test(req.url ?? '') ? proxyHttp(target, req, res) : serveOwn(req, res)));
  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    if (PROXIED.test(req.url ?? '')) proxyUpgrade(target, req, socket, head);
    else socket.destroy();
  });
  // Long-lived WebSocket tunnels would keep close() waiting: track sockets to end them on stop.
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const addr = server.address();
  const origin = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  const { admin } = opts;
  const previousSiteUrl = admin ? (await admin.getConfig()).ServiceSettings.SiteURL : undefined;
  if (admin) await admin.patchConfig({ ServiceSettings: { SiteURL: origin } });
  return {
    url: `${origin}/`,
    stop: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // The server may be gone already (its own teardown ran first): nothing left to restore then.
      if (admin && previousSiteUrl !== undefined) await admin.patchConfig({ ServiceSettings: { SiteURL: previousSiteUrl } }).catch(() => undefined);
    },
  };
}
