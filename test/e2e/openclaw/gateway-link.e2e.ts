// Issue 4 end to end through both real peers: the dist/ bundle on a real Mattermost, linked
// to a real OpenClaw gateway behind a loopback proxy (so the plugin is paired for real).
// One Mattermost and one gateway for the whole file; the tests run in order and build on
// each other: pairing → approval → plugin restart → commands → concurrency → outage →
// recovery → secret scan.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { startBed, type Bed } from '../../gateway-bed/bed.cjs';
import {
  PluginState, connectWebSocket, createWorld, installPlugin, pluginProcesses, readDistBundle, useTestBed,
  waitForPluginState, type EventRecorder, type World,
} from '../../harness';
import {
  ephemeralOf, getStatus, leakedSecrets, pluginKv, runCommand, seenStatusBodies, setPluginSettings, statusResponse,
  waitForLink, waitForStatus, type CommandResult,
} from './helpers';

jest.setTimeout(240_000);

const figures: Record<string, number | string> = {};
let gatewayBed: Bed | undefined;
let bedStarting: Promise<Bed> | undefined;

// Start the gateway while Mattermost starts (the beforeAll of useTestBed runs after this one).
beforeAll(() => {
  const t0 = Date.now();
  bedStarting = startBed().then((b) => { figures.gatewayStartMs = Date.now() - t0; gatewayBed = b; return b; });
  bedStarting.catch(() => undefined); // awaited (and reported) below
});

describe('gateway link through Mattermost and the OpenClaw gateway', () => {
  const mm = useTestBed();
  let world: World;
  let gw: Bed;
  let aliceWs: EventRecorder;
  let bobWs: EventRecorder;
  const answers: CommandResult[] = [];
  let pairedDeviceId = '';

  const alice = () => world.users[0];
  const bob = () => world.users[1];
  const adminToken = () => mm().admin.token;
  const status = () => getStatus(mm().url, adminToken());

  beforeAll(async () => {
    const t0 = Date.now();
    await installPlugin(mm().admin.client, readDistBundle(), { logFile: mm().logFile });
    figures.pluginInstallMs = Date.now() - t0;
    world = await createWorld(mm().url, mm().admin);
    gw = await bedStarting!;
    aliceWs = await connectWebSocket(mm().url, alice().token);
    bobWs = await connectWebSocket(mm().url, bob().token);
  }, 600_000);

  afterAll(async () => {
    aliceWs?.close();
    bobWs?.close();
    await setPluginSettings(mm().admin.client, {}).catch(() => undefined); // the plugin drops the link
    await (gatewayBed ?? (await bedStarting?.catch(() => undefined)))?.stop();
    console.log(`openclaw e2e figures: ${JSON.stringify(figures)}`);
  }, 60_000);

  test('without settings: status is disabled for admins, 403 for everyone else; /oc_help answers locally', async () => {
    const initial = await status();
    expect(initial.status).toBe('disabled');
    expect(initial.summary).toContain('not set');
    const denied = await statusResponse(mm().url, alice().token);
    expect(denied.code).toBe(403);
    expect(denied.body).not.toMatch(/disabled|connecting|pairing|connected/);

    const help = await runCommand(alice().client, aliceWs, world.channel, '/oc_help', 15_000);
    expect(help.answer.message).toMatch(/#### OpenClaw commands/);
    for (const c of ['oc_status', 'oc_model', 'oc_models', 'oc_new', 'oc_help', 'oc_think', 'oc_reasoning', 'oc_verbose', 'oc_queue']) {
      expect(help.answer.message).toContain(`/${c}`);
    }
    expect(help.answer.message).toMatch(/OpenClaw is not reachable right now: disabled: the gateway URL and token are not set yet/);
  });

  test('first activation with settings → pairing-required with a request id the operator sees', async () => {
    const t0 = Date.now();
    await setPluginSettings(mm().admin.client, { gatewayurl: gw.remoteUrl, gatewaytoken: gw.token });
    const s = await waitForLink(mm().url, adminToken(), 'pairing-required', 90_000);
    figures.settingsToPairingRequiredMs = Date.now() - t0;
    expect(s.requestId).toMatch(/^[0-9a-f-]{8,}$/);
    expect(s.deviceId).toMatch(/^[0-9a-f]{64}$/);
    expect(s.approveCommand).toBe(`openclaw devices approve ${s.requestId}`);
    expect(s.summary).toContain(s.approveCommand);
    const pending = (await gw.gateway.listDevices()).pending ?? [];
    expect(pending.map((p) => p.requestId)).toContain(s.requestId);
    expect(pending.find((p) => p.requestId === s.requestId)?.deviceId).toBe(s.deviceId);
    // Non-admins still get nothing.
    expect((await statusResponse(mm().url, bob().token)).code).toBe(403);

    // A command meanwhile says what is going on instead of hanging.
    const r = await runCommand(alice().client, aliceWs, world.channel, '/oc_status', 15_000);
    expect(r.answer.message).toContain(`OpenClaw is not reachable right now: waiting for the OpenClaw operator to approve this device (request ${s.requestId})`);
  });

  test('operator approval → connected without a plugin restart', async () => {
    const s = await status();
    const pidsBefore = mm().pluginsDir ? pluginProcesses(mm().pluginsDir!) : [];
    const t0 = Date.now();
    await gw.approveDevice(s.requestId!);
    const c = await waitForLink(mm().url, adminToken(), 'connected', 30_000);
    figures.approveToConnectedMs = Date.now() - t0;
    expect(c.gatewayVersion).toBe('2026.9.6');
    expect(c.scopes).toEqual(expect.arrayContaining(['operator.read', 'operator.write', 'operator.approvals', 'operator.questions']));
    expect(c.deviceId).toBe(s.deviceId);
    expect(c.summary).toBe('connected to OpenClaw 2026.9.6');
    if (mm().pluginsDir) expect(pluginProcesses(mm().pluginsDir!)).toEqual(pidsBefore); // same process: no restart
    expect((await gw.gateway.listDevices()).pending ?? []).toEqual([]);
    pairedDeviceId = c.deviceId!;
  });

  test('plugin disable/enable → reconnects with the stored device token, no new pairing request', async () => {
    const admin = mm().admin.client;
    await admin.disablePlugin('openclaw');
    await waitForPluginState(admin, PluginState.NotRunning);
    const t0 = Date.now();
    await admin.enablePlugin('openclaw');
    await waitForPluginState(admin, PluginState.Running);
    const seen: string[] = [];
    const c = await waitForStatus(mm().url, adminToken(), (s) => {
      seen.push(s.status);
      return s.status === 'connected' || s.status === 'pairing-required';
    }, 30_000, 'the restarted plugin to reconnect');
    figures.enableToConnectedMs = Date.now() - t0;
    expect(c.status).toBe('connected');
    expect(c.authMethod).toBe('device-token');
    expect(c.deviceId).toBe(pairedDeviceId);
    expect(seen).not.toContain('pairing-required');
    expect((await gw.gateway.listDevices()).pending ?? []).toEqual([]);
  });

  test.each([
    // The first command after a gateway start warms the gateway up (16 s seen on a busy box).
    ['/oc_status', /^(?=[\s\S]*OpenClaw 2026\.9\.6)(?=[\s\S]*fake-1)(?=[\s\S]*agent:main:mattermost:channel:CHANNEL)/],
    ['/oc_help', /Help/],
    ['/oc_model', /fake\/fake-1/],
    ['/oc_think off', /\S/],
  ])('%s → the invoker\'s private reply carries the gateway\'s answer', async (command, expected) => {
    const r = await runCommand(alice().client, aliceWs, world.channel, command, 90_000);
    answers.push(r);
    figures[`${command} ms`] = Math.round(r.answerMs);
    figures[`${command} answer`] = r.answer.message.slice(0, 160);
    figures.answerEvent = r.answerEvent;
    expect(r.first.message).toBe(`:hourglass_flowing_sand: Asking OpenClaw: \`${command.replace('/oc_', '/')}\``);
    expect(r.answer.id).toBe(r.first.id); // the acknowledgement is replaced in place
    expect(r.answer.channel_id).toBe(world.channel.id);
    expect(r.answer.message).not.toMatch(/not reachable|could not run|has not answered/);
    expect(r.answer.message).toMatch(new RegExp(expected.source.replace('CHANNEL', world.channel.id)));
  });

  test('the answers were private: nothing reached the other user', () => {
    const ids = new Set(answers.map((a) => a.first.id));
    expect(bobWs.events.filter((e) => ids.has(ephemeralOf(e)?.id ?? ''))).toEqual([]);
    // and nothing was posted to the channel for everyone
    expect(aliceWs.events.filter((e) => e.event === 'posted')).toEqual([]);
  });

  test('two users in two channels at the same time → each answer lands with its own invoker and channel only', async () => {
    aliceWs.clear();
    bobWs.clear();
    const dm = { ...world.dm, team_id: world.team.id }; // a DM has no team; commands run in the current team
    const [a1, b1, a2, b2] = await Promise.all([
      runCommand(alice().client, aliceWs, world.channel, '/oc_status', 90_000),
      runCommand(bob().client, bobWs, world.privateChannel, '/oc_status', 90_000),
      // One reply per channel on each WebSocket; the DM is shared by both users.
      runCommand(alice().client, aliceWs, dm, '/oc_model', 90_000),
      runCommand(bob().client, bobWs, dm, '/oc_status', 90_000),
    ]);
    const keyA = `agent:main:mattermost:channel:${world.channel.id}`;
    const keyB = `agent:main:mattermost:channel:${world.privateChannel.id}`;
    expect(a1.answer.message).toContain(keyA);
    expect(a1.answer.message).not.toContain(keyB);
    expect(b1.answer.message).toContain(keyB);
    expect(b1.answer.message).not.toContain(keyA);
    expect(a2.answer.message).toMatch(/fake\/fake-1/);
    // Same DM channel, two people: a DM session follows the person.
    expect(b2.answer.message).toContain(`agent:main:mattermost:direct:${bob().user.id}`);
    expect(b2.answer.message).not.toContain(alice().user.id);
    for (const [r, ch] of [[a1, world.channel], [b1, world.privateChannel], [a2, world.dm], [b2, world.dm]] as const) {
      expect(r.answer.channel_id).toBe(ch.id);
      expect(r.answer.id).toBe(r.first.id);
    }
    // Each WebSocket saw only its own user's replies.
    const aliceIds = new Set([a1.first.id, a2.first.id]);
    const bobIds = new Set([b1.first.id, b2.first.id]);
    const idsOn = (ws: EventRecorder) => ws.events.map((e) => ephemeralOf(e)?.id).filter((x): x is string => !!x);
    expect(idsOn(aliceWs).filter((id) => bobIds.has(id))).toEqual([]);
    expect(idsOn(bobWs).filter((id) => aliceIds.has(id))).toEqual([]);
    expect(JSON.stringify(bobWs.events)).not.toContain(keyA);
    expect(JSON.stringify(aliceWs.events)).not.toContain(keyB);
    figures.concurrentMs = Math.round(Math.max(a1.answerMs, b1.answerMs, a2.answerMs, b2.answerMs));
  });

  test('gateway stopped → a command gives the clear error within 2 s', async () => {
    await gw.gateway.stop();
    const r = await runCommand(alice().client, aliceWs, world.channel, '/oc_status', 10_000);
    figures.errorWhenDownMs = Math.round(r.answerMs);
    figures.errorWhenDown = r.answer.message;
    expect(r.answer.message).toMatch(/^:warning: OpenClaw is not reachable right now: .*Gateway/);
    expect(r.answer.message).toMatch(/Check System Console › Plugins › OpenClaw \(gateway URL and token\) and that the gateway is running/);
    expect(r.answerMs).toBeLessThan(2_000);
    const s = await waitForStatus(mm().url, adminToken(), (x) => x.status === 'error' && x.retrying === true, 10_000, 'an error state that retries');
    figures.reasonWhenDown = s.reason!;
    expect(s.reason).toMatch(/^Gateway unreachable at ws:\/\/127\.0\.0\.1:\d+/);
  });

  test('gateway started again → the plugin reconnects by itself within 30 s and commands work', async () => {
    await gw.gateway.start();
    const t0 = Date.now();
    const c = await waitForLink(mm().url, adminToken(), 'connected', 30_000);
    figures.gatewayReadyToReconnectedMs = Date.now() - t0;
    figures.gatewayRestartMs = gw.gateway.startedInMs;
    expect(c.authMethod).toBe('device-token');
    const r = await runCommand(alice().client, aliceWs, world.channel, '/oc_status', 90_000);
    expect(r.answer.message).toMatch(/OpenClaw 2026\.9\.6/);
    expect((await gw.gateway.listDevices()).pending ?? []).toEqual([]);
  });

  test('no secret (gateway token, device private key, device token) in the server log or any status response', async () => {
    const raw = pluginKv(mm().dir!, 'gateway-device');
    expect(raw).toBeTruthy();
    const device = JSON.parse(raw!) as { privateKeyPem: string; tokens: Record<string, { token: string }> };
    const deviceToken = device.tokens.operator?.token ?? '';
    expect(deviceToken.length).toBeGreaterThan(10);
    const secrets: Record<string, string> = { gatewayToken: gw.token, privateKeyPem: device.privateKeyPem, deviceToken };
    device.privateKeyPem.split('\n').filter((l) => l.length > 20 && !l.startsWith('-----'))
      .forEach((l, i) => { secrets[`privateKeyLine${i}`] = l; });

    seenStatusBodies.push(JSON.stringify(await status()));
    const logs = [mm().logFile!, join(mm().dir!, 'console.log')].filter((f) => existsSync(f)).map((f) => readFileSync(f, 'utf8'));
    expect(logs[0]).toMatch(/"plugin_id":"openclaw"/);
    expect(logs[0]).toMatch(/gateway: /); // the gateway module did log through the server
    const ws = JSON.stringify([...aliceWs.events, ...bobWs.events]);
    expect(seenStatusBodies.length).toBeGreaterThan(5);
    expect(leakedSecrets(logs.join('\n'), secrets)).toEqual([]);
    expect(leakedSecrets(seenStatusBodies.join('\n'), secrets)).toEqual([]);
    expect(leakedSecrets(ws, secrets)).toEqual([]);
  });
});
