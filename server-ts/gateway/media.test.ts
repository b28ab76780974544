// Media of a final message: found in the transcript once it appears there, fetched with
// artifacts.download (inline or through the ticket URL on the gateway's HTTP port).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connectedLink, FakeGateway, text } from './testing/fake-gateway';

const KEY = 'agent:main:mattermost:channel:c1';
const image = { type: 'image', artifactId: 'art-img', alt: 'chart.png', mimeType: 'image/png' };
const doc = { type: 'attachment', attachment: { artifactId: 'art-doc', label: 'notes.txt', mimeType: 'text/plain', kind: 'document' } };
const broken = { type: 'attachment_error', attachment: { code: 'unsupported-format', label: 'hostname' } };

let server: Server;
let port = 0;
const served: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    served.push(req.url ?? '');
    if (!req.url?.includes('mediaTicket=ok')) return void res.writeHead(401).end();
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-disposition': 'attachment; filename="notes.txt"' }).end('file body');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function setup(historyPages: unknown[][]) {
  const gw = new FakeGateway();
  let page = 0;
  gw.on('chat.history', () => ({ messages: historyPages[Math.min(page++, historyPages.length - 1)] }));
  gw.on('artifacts.download', (p) => {
    const artifact = { id: p.artifactId, type: 'file', title: 'from-artifact', sessionKey: KEY, download: { mode: 'url' } };
    return p.artifactId === 'art-img'
      ? { artifact: { ...artifact, mimeType: 'image/png' }, encoding: 'base64', data: Buffer.from('PNGDATA').toString('base64') }
      : { artifact, url: '/api/chat/media/outgoing/x/full?mediaTicket=ok', expiresAt: '2026-12-01T00:00:00Z' };
  });
  const link = await connectedLink(gw, { settings: { url: `ws://127.0.0.1:${port}`, auth: { kind: 'token', token: 'shared-secret-token' }, agentId: 'main' } });
  return { gw, link };
}

const assistant = (runId: string, content: unknown[]) => ({ role: 'assistant', content, __openclaw: { runId } });

describe('ChatRun.media', () => {
  it('waits for the files to reach the transcript, then fetches them inline and over HTTP', async () => {
    const { gw, link } = await setup([
      [assistant('k1', [{ type: 'text', text: '' }])],
      [{ role: 'user', content: 'x' }, assistant('k1', [{ type: 'text', text: 'Here.' }, image, doc, broken]), assistant('other', [image])],
    ]);
    const run = await link.sendChat({ sessionKey: KEY, message: 'make files', idempotencyKey: 'k1' });
    gw.agent('k1', KEY, 'lifecycle', { phase: 'end', terminalReply: { text: 'Here.\nMEDIA:./chart.png\nMEDIA:./notes.txt\nMEDIA:/etc/hostname' } });
    gw.chat('k1', KEY, 'final', { message: text('Here.') });
    const media = await run.media();
    expect(gw.methodCalls('chat.history').length).toBe(2);
    expect(media.files).toEqual([
      { fileName: 'chart.png', mimeType: 'image/png', bytes: Buffer.from('PNGDATA') },
      { fileName: 'notes.txt', mimeType: 'text/plain', bytes: Buffer.from('file body') },
    ]);
    expect(media.failed).toEqual([{ fileName: 'hostname', reason: 'the gateway could not attach it (unsupported-format)' }]);
    expect(served).toEqual(['/api/chat/media/outgoing/x/full?mediaTicket=ok']);
    await link.stop();
  });

  it('a reply without MEDIA lines costs no request at all', async () => {
    const { gw, link } = await setup([[]]);
    const run = await link.sendChat({ sessionKey: KEY, message: 'hi', idempotencyKey: 'k2' });
    gw.agent('k2', KEY, 'lifecycle', { phase: 'end', terminalReply: { text: 'just text' } });
    gw.chat('k2', KEY, 'final', { message: text('just text') });
    expect(await run.media()).toEqual({ files: [], failed: [] });
    expect(gw.methodCalls('chat.history')).toEqual([]);
    await link.stop();
  });

  it('reports files that never show up, without hanging', async () => {
    const { link } = await setup([[assistant('k3', [{ type: 'text', text: '' }])]]);
    const media = await link.fetchMedia(KEY, { runId: 'k3' }, { expected: 1, waitMs: 200 });
    expect(media).toEqual({ files: [], failed: [{ reason: '1 file(s) did not appear in the transcript in time' }] });
    await link.stop();
  });

  it('a text-less agent message is waited on until its file shows up; a message with text is read once', async () => {
    const { gw, link } = await setup([[]]);
    let reads = 0;
    gw.on('chat.message.get', (p) => {
      reads += 1;
      const content = p.messageId === 'm-text' ? [{ type: 'text', text: 'hi' }] : reads < 2 ? [{ type: 'text', text: '' }] : [{ type: 'text', text: '' }, doc];
      return { ok: true, message: { role: 'assistant', content } };
    });
    const media = await link.fetchMedia(KEY, { messageId: 'm-empty' });
    expect(reads).toBe(2);
    expect(media.files.map((f) => f.fileName)).toEqual(['notes.txt']);
    reads = 0;
    expect(await link.fetchMedia(KEY, { messageId: 'm-text' })).toEqual({ files: [], failed: [] });
    expect(reads).toBe(1);
    await link.stop();
  });

  it('never follows a download URL to another host', async () => {
    const { gw, link } = await setup([[assistant('k4', [doc])]]);
    gw.on('artifacts.download', (p) => ({ artifact: { id: p.artifactId, type: 'file', title: 't', download: { mode: 'url' } }, url: 'http://203.0.113.9/steal' }));
    const media = await link.fetchMedia(KEY, { runId: 'k4' });
    expect(media.files).toEqual([]);
    expect(media.failed[0].reason).toMatch(/another host/);
    await link.stop();
  });
});
