// Bad plugin settings entered through Mattermost's admin API: the status route says exactly
// what is wrong, the server log says it once, commands answer with it at once, the plugin
// keeps running, and the secret typed in never shows up. No gateway is needed.
import { readFileSync } from 'node:fs';
import {
  PluginState, connectWebSocket, createWorld, freePort, installPlugin, pluginStatus, readDistBundle, useTestBed,
  type EventRecorder, type World,
} from '../../harness';
import { leakedSecrets, runCommand, seenStatusBodies, setPluginSettings, statusResponse, waitForStatus } from './helpers';

jest.setTimeout(120_000);

const SECRET = 'bad-settings-secret-token-4f9a1c';
const URL_RULE = 'Gateway URL must start with wss:// (or ws:// for loopback, private or tailnet hosts)';

describe('bad gateway settings in a real Mattermost', () => {
  const mm = useTestBed();
  let world: World;
  let ws: EventRecorder;
  const alice = () => world.users[0];

  beforeAll(async () => {
    await installPlugin(mm().admin.client, readDistBundle(), { logFile: mm().logFile });
    world = await createWorld(mm().url, mm().admin);
    ws = await connectWebSocket(mm().url, alice().token);
  }, 600_000);

  afterAll(() => ws?.close());

  const expectReason = async (reason: string, retrying: boolean) => {
    const s = await waitForStatus(mm().url, mm().admin.token, (x) => x.status === 'error' && x.reason === reason, 15_000, `reason "${reason}"`);
    expect(s).toMatchObject({ status: 'error', reason, retrying, summary: reason });
    expect((await pluginStatus(mm().admin.client))?.state).toBe(PluginState.Running);
    // Commands say the same thing to the user, at once.
    const r = await runCommand(alice().client, ws, world.channel, '/oc_status', 10_000);
    expect(r.answer.message).toContain(`OpenClaw is not reachable right now: ${reason}`);
    expect(r.answerMs).toBeLessThan(2_000);
    // …and the server log has the reason.
    expect(readFileSync(mm().logFile!, 'utf8')).toContain(reason.replace(/"/g, '\\"'));
  };

  test('empty token', async () => {
    await setPluginSettings(mm().admin.client, { gatewayurl: 'ws://127.0.0.1:18789', gatewaytoken: '' });
    await expectReason('Invalid plugin settings: Gateway token is required: the token and password settings are both empty', false);
  });

  test('http:// URL', async () => {
    await setPluginSettings(mm().admin.client, { gatewayurl: 'http://gateway.example.com:18789', gatewaytoken: SECRET });
    await expectReason(`Invalid plugin settings: ${URL_RULE}: got http://gateway.example.com:18789`, false);
  });

  test('ws:// to a public host', async () => {
    await setPluginSettings(mm().admin.client, { gatewayurl: 'ws://gateway.example.com', gatewaytoken: SECRET });
    await expectReason(`Invalid plugin settings: ${URL_RULE}: gateway.example.com is a public host, use wss:// (got ws://gateway.example.com)`, false);
  });

  test('unreachable host (closed port)', async () => {
    const port = await freePort();
    await setPluginSettings(mm().admin.client, { gatewayurl: `ws://127.0.0.1:${port}`, gatewaytoken: SECRET });
    await expectReason(`Gateway unreachable at ws://127.0.0.1:${port}: connection refused (is the gateway running and listening there?)`, true);
  });

  test('the token typed in never appears in the server log, a status response or a reply', async () => {
    const statusNow = await statusResponse(mm().url, mm().admin.token);
    const logs = [readFileSync(mm().logFile!, 'utf8')];
    const everything = [...logs, statusNow.body, ...seenStatusBodies, JSON.stringify(ws.events)].join('\n');
    expect(leakedSecrets(everything, { gatewayToken: SECRET })).toEqual([]);
  });
});
