// The gateway module's conversation API against the real OpenClaw gateway and the fake
// model, no Mattermost: a message and its events, an attachment the model receives, a file
// the agent attaches to its answer, abort, and a second operator client whose message
// shows up as an agent-initiated one.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GatewayClient } from '@openclaw/gateway-client';
import { startFakeModel } from '../../gateway-bed/fake-model.cjs';
import { startGateway } from '../../gateway-bed/gateway.cjs';
import type { FakeModel, GatewayProcess } from '../../gateway-bed/bed.cjs';
import {
  buildSessionKey, GatewayLink, MemoryDeviceStore, parseGatewaySettings, RunAbortedError, type AgentMessage, type RunEvent,
} from '../../../server-ts/gateway';
import { captureLogger, waitForState } from '../gateway/helpers';

jest.setTimeout(600_000);

const WORK = join(__dirname, '..', '..', '.work', 'gateway-bed');
const figures: Record<string, number> = {};
const logLines: string[] = [];
let dir = '';
let model: FakeModel;
let gateway: GatewayProcess;
let link: GatewayLink;
let operator: GatewayClient | undefined;

const key = (peer: string) => buildSessionKey({ agentId: 'main', channel: 'mattermost', kind: 'channel', peerId: peer });
const idem = (label: string) => `e2e-conv-${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
/** The user-visible text of what the model was asked (content parts or strings). */
const requestText = (r: FakeModel['requests'][number]) => JSON.stringify(r.body.messages ?? []);

beforeAll(async () => {
  mkdirSync(WORK, { recursive: true });
  dir = mkdtempSync(join(WORK, 'conv-'));
  // Slow enough chunks (150 ms) that an abort lands mid-stream on a busy machine.
  model = await startFakeModel({ delayMs: 150 });
  const t0 = Date.now();
  // A loaded two-core box has needed well over the bed's default minute for a cold start.
  gateway = await startGateway({ dir, modelBaseUrl: model.baseUrl, readyTimeoutMs: 300_000 });
  figures.gatewayStartMs = Date.now() - t0;
  // Direct loopback: the gateway approves this device silently (pairing is covered elsewhere).
  const parsed = parseGatewaySettings({ gatewayUrl: gateway.url, gatewayToken: gateway.token });
  if (!parsed.ok) throw new Error(parsed.message);
  link = new GatewayLink({ settings: parsed.settings, store: new MemoryDeviceStore(), displayName: 'Mattermost e2e',
    logger: captureLogger(logLines).logger, clientVersion: '0.1.0-e2e', defaultTimeoutMs: 240_000 });
  link.start();
  await waitForState(link, 'connected', 120_000);
});

afterAll(async () => {
  await operator?.stopAndWait({ timeoutMs: 2_000 }).catch(() => undefined);
  await link?.stop();
  await gateway?.stop();
  await model?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  console.log(`conversation API e2e figures: ${JSON.stringify(figures)}`);
});

describe('conversation API against the real gateway', () => {
  it('send → status and deltas in order, then the final text; finalReply gives the same', async () => {
    const events: RunEvent[] = [];
    const t0 = Date.now();
    const run = await link.sendChat({ sessionKey: key('conv-hello'), message: 'hi', idempotencyKey: idem('hello') });
    for await (const e of run.events()) events.push(e);
    figures.firstRunMs = Date.now() - t0;
    const reply = await run.finalReply();
    expect(reply).toMatchObject({ text: 'Hello from the fake model', reasoning: '', mediaCount: 0, queued: false });
    const deltas = events.filter((e): e is Extract<RunEvent, { type: 'delta' }> => e.type === 'delta');
    expect(deltas.map((d) => d.text).join('')).toBe('Hello from the fake model');
    expect(events.findIndex((e) => e.type === 'status')).toBeLessThan(events.findIndex((e) => e.type === 'delta'));
    expect(events[events.length - 1]).toMatchObject({ type: 'final', text: 'Hello from the fake model' });
    expect(events.filter((e) => e.type === 'final')).toHaveLength(1);
  });

  it('attachments reach the model: a text file inlined, an image announced in the text', async () => {
    const before = model.requests.length;
    const note = `attached-note-${Date.now()}`;
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const run = await link.sendChat({ sessionKey: key('conv-files'), message: 'echo: got the files', idempotencyKey: idem('files'),
      attachments: [{ type: 'file', mimeType: 'text/plain', fileName: 'notes.txt', content: Buffer.from(note) },
        { type: 'image', mimeType: 'image/png', fileName: 'dot.png', content: png }] });
    expect((await run.finalReply()).text).toBe('got the files');
    const asked = model.requests.slice(before).map(requestText).join('\n');
    expect(asked).toContain(note);
    expect(asked).toMatch(/\[media attached[^\]]*\.png \(image\/png\)\]/);
  });

  it('a file the agent attaches (MEDIA: line) comes back as bytes, name and type', async () => {
    writeFileSync(join(dir, 'workspace', 'e2e-report.txt'), 'report body 42\n');
    const run = await link.sendChat({ sessionKey: key('conv-media'), message: 'echo: MEDIA:./e2e-report.txt', idempotencyKey: idem('media') });
    const reply = await run.finalReply();
    expect(reply).toMatchObject({ text: '', mediaCount: 1 });
    const t0 = Date.now();
    const media = await run.media();
    figures.mediaFetchMs = Date.now() - t0;
    expect(media.failed).toEqual([]);
    expect(media.files).toEqual([{ fileName: 'e2e-report.txt', mimeType: 'text/plain', bytes: Buffer.from('report body 42\n') }]);
  });

  it('abort mid-stream → the run ends aborted with the partial text, never as an answer', async () => {
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
    const run = await link.sendChat({ sessionKey: key('conv-abort'), message: `echo: ${words}`, idempotencyKey: idem('abort') });
    const firstDelta = new Promise<void>((resolve) => run.listen((e) => { if (e.type === 'delta') resolve(); }));
    await firstDelta;
    const t0 = Date.now();
    expect(await run.abort()).toEqual({ aborted: true, runIds: [run.runId] });
    const outcome = await run.done;
    figures.abortToAbortedMs = Date.now() - t0;
    expect(outcome.status).toBe('aborted');
    expect(outcome.text).toMatch(/^w0\b/);
    expect(outcome.text).not.toBe(words);
    const err = await run.finalReply().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RunAbortedError);
  });

  it('a second operator client sending into the session is seen as an agent-initiated message', async () => {
    const session = key('conv-other');
    const seen: AgentMessage[] = [];
    const arrived = new Promise<AgentMessage>((resolve) => {
      link.onAgentMessage('agent:main:mattermost:', (m) => { seen.push(m); if (m.sessionKey === session) resolve(m); });
    });
    // Watching subscribes this connection; one more explicit subscribe answering proves it is in place.
    await link.request('sessions.subscribe', {});
    operator = await new Promise<GatewayClient>((resolve, reject) => {
      const c = new GatewayClient({ url: gateway.url, token: gateway.token, clientName: 'gateway-client', mode: 'backend',
        clientDisplayName: 'e2e other operator', deviceIdentity: null, scopes: ['operator.read', 'operator.write'],
        minProtocol: 4, maxProtocol: 4, onHelloOk: () => resolve(c), onConnectError: reject });
      c.start();
    });
    // A gateway command of ours in that session: its answer names only our idempotency key.
    const statusKey = idem('status');
    expect(await link.runSlashCommand(session, '/status', statusKey)).toContain('OpenClaw');
    const otherKey = idem('other');
    const t0 = Date.now();
    await operator.request('chat.send', { sessionKey: session, message: 'echo: from the other operator', idempotencyKey: otherKey });
    const m = await arrived;
    figures.otherOperatorToMessageMs = Date.now() - t0;
    expect(m).toMatchObject({ sessionKey: session, runId: otherKey, text: 'from the other operator', reasoning: '', origin: 'agent' });
    expect(m.messageId).toMatch(/\S/);
    // Our own runs, the command included, never show up here (they were written before the other's message).
    expect(seen.filter((s) => s.runId !== otherKey)).toEqual([]);
  });

  it('nothing we logged carries the gateway token', () => {
    expect(logLines.join('\n')).not.toContain(gateway.token);
  });
});
