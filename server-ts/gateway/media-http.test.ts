// The ticket download over HTTPS with a certificate pin: the request (which carries the
// ticket) is only sent to a server whose certificate matches the pin.
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fetchGatewayFile, gatewayHttpOrigin } from './media-http';

let server: Server;
let port = 0;
let fingerprint = '';
const requested: string[] = [];

beforeAll(async () => {
  // A throwaway self-signed certificate (openssl ships with every CI image we use).
  const dir = mkdtempSync(join(tmpdir(), 'gw-pin-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
    '-subj', '/CN=127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  const cert = readFileSync(join(dir, 'cert.pem'));
  const key = readFileSync(join(dir, 'key.pem'));
  rmSync(dir, { recursive: true, force: true });
  fingerprint = new X509Certificate(cert).fingerprint256.replaceAll(':', '').toLowerCase();
  server = createServer({ cert, key }, (req, res) => {
    requested.push(req.url ?? '');
    if (req.url?.includes('chunked')) {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write(Buffer.alloc(32 * 1024, 'x')); // two writes: chunked, no Content-Length
      return void res.end(Buffer.alloc(32 * 1024, 'x'));
    }
    res.writeHead(200, { 'content-type': 'image/png', 'content-disposition': "inline; filename=\"a b.png\"; filename*=UTF-8''a%20b.png" }).end('PNG');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const opts = (pin: string) => ({ gatewayUrl: `wss://127.0.0.1:${port}`, tlsFingerprint: pin, maxBytes: 1024, timeoutMs: 5_000 });

describe('fetchGatewayFile', () => {
  it('maps the WebSocket URL to its HTTP origin', () => {
    expect(gatewayHttpOrigin('wss://gw.example.com:8443/ws?x=1').href).toBe('https://gw.example.com:8443/');
    expect(gatewayHttpOrigin('ws://10.0.0.5:18789').href).toBe('http://10.0.0.5:18789/');
  });

  it('with the right pin: fetches the bytes, type and name from a self-signed gateway', async () => {
    const got = await fetchGatewayFile('/media/1?mediaTicket=t1', opts(fingerprint));
    expect(got).toEqual({ bytes: Buffer.from('PNG'), contentType: 'image/png', fileName: 'a b.png' });
    expect(requested).toEqual(['/media/1?mediaTicket=t1']);
  });

  it('with another pin: refuses before the request (and its ticket) is sent', async () => {
    requested.length = 0;
    await expect(fetchGatewayFile('/media/2?mediaTicket=t2', opts('0'.repeat(64)))).rejects.toThrow(/does not match the configured pin/);
    expect(requested).toEqual([]);
  });

  it('refuses files over the size limit, announced or streamed', async () => {
    await expect(fetchGatewayFile('/media/3', { ...opts(fingerprint), maxBytes: 2 })).rejects.toThrow(/larger than 2 bytes/);
    await expect(fetchGatewayFile('/media/chunked', { ...opts(fingerprint), maxBytes: 1000 })).rejects.toThrow(/larger than 1000 bytes/);
  });
});
