// The gateway module against a real OpenClaw gateway (no Mattermost): remote pairing,
// device-token reconnect, slash commands, isolation between sessions, outage and
// recovery, and a scan of everything we logged or exposed for secrets.
import { startBed, type Bed } from '../../gateway-bed/bed.cjs';
import {
  buildSessionKey, GatewayLink, GatewayLinkError, MemoryDeviceStore, parseGatewaySettings,
  type GatewaySettings, type LinkState, type RunEvent,
} from '../../../server-ts/gateway';
import { waitFor } from '../../harness/net';
import { captureLogger, waitForState } from './helpers';

jest.setTimeout(300_000);

const logLines: string[] = [];
const states: LinkState[] = [];
const errors: string[] = [];
const store = new MemoryDeviceStore();
const figures: Record<string, number> = {};
let bed: Bed;
let settings: GatewaySettings;
const links: GatewayLink[] = [];

function newLink(scopes?: string[]): GatewayLink {
  const link = new GatewayLink({
    settings, store, scopes, displayName: 'Mattermost https://chat.example.test', logger: captureLogger(logLines).logger,
    clientVersion: '0.1.0-e2e', defaultTimeoutMs: 20_000,
  });
  link.onStateChange((s) => states.push(s));
  links.push(link);
  return link;
}

const key = (peer: string) => buildSessionKey({ agentId: 'main', channel: 'mattermost', kind: 'channel', peerId: peer });
const idem = (label: string) => `e2e-${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

beforeAll(async () => {
  const t0 = Date.now();
  bed = await startBed();
  figures.gatewayColdStartMs = Date.now() - t0;
  const parsed = parseGatewaySettings({ gatewayUrl: bed.remoteUrl, gatewayToken: bed.token });
  if (!parsed.ok) throw new Error(parsed.message);
  settings = parsed.settings;
});

afterAll(async () => {
  for (const l of links) await l.stop();
  await bed?.stop();
  // Measured figures for the lead's report.
  console.log(`gateway e2e figures: ${JSON.stringify(figures)}`);
});

describe('gateway link against a real gateway', () => {
  let link: GatewayLink;
  let requestId = '';

  it('first connect through the proxy asks for pairing with a request id', async () => {
    link = newLink();
    const t0 = Date.now();
    link.start();
    const s = await waitForState(link, 'pairing-required', 60_000);
    figures.firstConnectToPairingMs = Date.now() - t0;
    requestId = s.requestId;
    expect(s.requestId).toMatch(/^[0-9a-f-]{8,}$/);
    expect(s.deviceId).toMatch(/^[0-9a-f]{64}$/);
    expect(s.approveCommand).toBe(`openclaw devices approve ${s.requestId}`);
    const pending = (await bed.gateway.listDevices()).pending ?? [];
    expect(pending.map((p) => p.requestId)).toContain(s.requestId);
  });

  it('approval → connected without restarting the client', async () => {
    const t0 = Date.now();
    await bed.approveDevice(requestId);
    const s = await waitForState(link, 'connected', 30_000);
    figures.approveToConnectedMs = Date.now() - t0;
    expect(s.gatewayVersion).toBe('2026.9.6');
    expect(s.scopes).toEqual(expect.arrayContaining(['operator.read', 'operator.write', 'operator.approvals', 'operator.questions']));
    expect((await store.load())?.tokens.operator?.token).toBeTruthy();
  });

  it('a new client instance reconnects with the stored device token, no new pairing', async () => {
    await link.stop();
    link = newLink();
    const t0 = Date.now();
    link.start();
    const s = await waitForState(link, 'connected', 30_000);
    figures.deviceTokenReconnectMs = Date.now() - t0;
    expect(s.authMethod).toBe('device-token');
    expect((await bed.gateway.listDevices()).pending ?? []).toEqual([]);
  });

  it.each([
    // The first command after a gateway start warms it up (16 s seen on a busy 2-core box).
    ['/status', /OpenClaw 2026\.9\.6[\s\S]*agent:main:mattermost:channel:status-room/],
    ['/help', /Help/],
    ['/model', /fake\/fake-1/],
    ['/think off', /\S/],
    // Without operator.admin the gateway answers /new with a refusal, not a reset.
    ['/new', /not authorized to reset this session[\s\S]*operator\.admin/],
  ])('%s returns the gateway answer', async (command, expected) => {
    const t0 = Date.now();
    const text = await link.runSlashCommand(key('status-room'), command, idem('cmd'), { timeoutMs: 60_000 });
    figures[`cmd ${command}`] = Date.now() - t0;
    expect(text).toMatch(expected);
  });

  it('asking for operator.admin is a scope upgrade the operator approves; then /new resets', async () => {
    await link.stop();
    link = newLink(['operator.read', 'operator.write', 'operator.approvals', 'operator.questions', 'operator.admin']);
    link.start();
    const p = await waitForState(link, 'pairing-required', 30_000);
    expect(p.pairingReason).toBe('scope-upgrade');
    const t0 = Date.now();
    await bed.approveDevice(p.requestId);
    const c = await waitForState(link, 'connected', 30_000);
    figures.scopeUpgradeApproveToConnectedMs = Date.now() - t0;
    expect(c.scopes).toContain('operator.admin');
    const text = await link.runSlashCommand(key('status-room'), '/new', idem('new'), { timeoutMs: 60_000 });
    expect(text).toMatch(/New session started/);
  });

  it('a retried command (same idempotency key) does not run twice and still yields the answer', async () => {
    const k = idem('retry');
    const first = await link.runSlashCommand(key('retry-room'), '/help', k, { timeoutMs: 60_000 });
    const before = bed.model.requests.length;
    const again = await link.sendChat({ sessionKey: key('retry-room'), message: '/help', idempotencyKey: k });
    expect(again.status).not.toBe('started');
    const outcome = await again.done;
    expect(outcome.text).toBe(first);
    expect(bed.model.requests.length).toBe(before);
  });

  it('chat.send streams deltas and a final answer for our run', async () => {
    const events: RunEvent[] = [];
    const run = await link.sendChat({ sessionKey: key('chat-room'), message: 'hi', idempotencyKey: idem('chat'), onEvent: (e) => events.push(e) });
    expect(run.status).toBe('started');
    const outcome = await run.done;
    expect(outcome).toMatchObject({ status: 'final', text: 'Hello from the fake model' });
    const deltas = events.filter((e): e is Extract<RunEvent, { type: 'delta' }> => e.type === 'delta');
    expect(deltas.length).toBeGreaterThan(0);
    expect(deltas.every((d) => !d.replace)).toBe(true);
    expect(deltas.map((d) => d.text).join('')).toBe('Hello from the fake model');
  });

  it('two concurrent sessions each get only their own answers', async () => {
    const other = newLink();
    other.start();
    await waitForState(other, 'connected', 30_000);
    const seenA: RunEvent[] = [];
    const seenB: RunEvent[] = [];
    const [a, b] = await Promise.all([
      link.sendChat({ sessionKey: key('room-a'), message: 'echo: alpha answer', idempotencyKey: idem('a'), onEvent: (e) => seenA.push(e) }),
      other.sendChat({ sessionKey: key('room-b'), message: 'echo: bravo answer', idempotencyKey: idem('b'), onEvent: (e) => seenB.push(e) }),
    ]);
    // Wait for the answers first: a command sent into a busy session interrupts its run.
    expect(await a.done).toMatchObject({ status: 'final', text: 'alpha answer' });
    expect(await b.done).toMatchObject({ status: 'final', text: 'bravo answer' });
    const [statusA, statusB] = await Promise.all([
      link.runSlashCommand(key('room-a'), '/status', idem('sa')),
      other.runSlashCommand(key('room-b'), '/status', idem('sb')),
    ]);
    expect(JSON.stringify(seenA)).not.toContain('bravo');
    expect(JSON.stringify(seenB)).not.toContain('alpha');
    expect(statusA).toContain('room-a');
    expect(statusA).not.toContain('room-b');
    expect(statusB).toContain('room-b');
    expect(statusB).not.toContain('room-a');
    await other.stop();
  });

  it('gateway stopped → a command fails with a clear reason within 2 s', async () => {
    await bed.gateway.stop();
    const t0 = Date.now();
    let err: unknown;
    try {
      await link.runSlashCommand(key('status-room'), '/status', idem('down'), { timeoutMs: 20_000 });
    } catch (e) {
      err = e;
    }
    figures.commandFailureWhenDownMs = Date.now() - t0;
    expect(err).toBeInstanceOf(GatewayLinkError);
    expect((err as GatewayLinkError).code).toBe('not-connected');
    expect((err as Error).message).toMatch(/^OpenClaw gateway is not connected: Gateway (connection to .* lost|unreachable at ws:\/\/127\.0\.0\.1:\d+)/);
    errors.push((err as Error).message);
    expect(figures.commandFailureWhenDownMs).toBeLessThan(2_000);
    // After the first retry (backoff 0.5 s, later on a loaded machine) the reason names the refused connection.
    const unreachable = /Gateway unreachable at .*(connection refused|closed before the handshake)/;
    const retried = await waitFor('the first retry to name the refused connection', async () => {
      const s = link.state;
      return s.status === 'error' && unreachable.test(s.reason) ? s : undefined;
    }, 15_000, 50);
    expect(retried.retrying).toBe(true);
  });

  it('gateway started again → reconnects by itself within 30 s and commands work', async () => {
    await bed.gateway.start();
    const t0 = Date.now();
    await waitForState(link, 'connected', 30_000);
    figures.restartReadyToReconnectedMs = Date.now() - t0;
    figures.gatewayRestartReadyMs = bed.gateway.startedInMs;
    const text = await link.runSlashCommand(key('status-room'), '/status', idem('after'), { timeoutMs: 30_000 });
    expect(text).toContain('OpenClaw');
  });

  it('no secret appears in any log line, error message or state', async () => {
    const stored = await store.load();
    const secrets = [bed.token, stored?.privateKeyPem ?? 'x', stored?.tokens.operator?.token ?? 'x'];
    const pemBody = (stored?.privateKeyPem ?? '').split('\n').filter((l) => l.length > 20 && !l.startsWith('-----'));
    const haystack = [...logLines, ...errors, ...states.map((s) => JSON.stringify(s))].join('\n');
    expect(logLines.length).toBeGreaterThan(5);
    for (const s of [...secrets, ...pemBody]) {
      expect(s.length).toBeGreaterThan(10);
      expect(haystack).not.toContain(s);
    }
    // And the states we went through, once each per change.
    expect(states.map((s) => s.status)).toEqual(expect.arrayContaining(['connecting', 'pairing-required', 'connected', 'error', 'disabled']));
  });
});
