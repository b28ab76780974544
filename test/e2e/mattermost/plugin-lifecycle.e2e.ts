// Issue 3: the dist/ bundle installs on a real Mattermost, answers /oc_help,
// offers autocomplete, serves its health route, and survives disable/enable
// and a kill -9 of its process.
import {
  PluginState,
  autocomplete,
  connectWebSocket,
  createWorld,
  installPlugin,
  pluginProcesses,
  postOf,
  rawRequest,
  readDistBundle,
  useTestBed,
  waitFor,
  waitForPluginState,
  type World,
} from '../../harness';
import { HEALTH_PATH, expectHealthy, expectHelpWorks } from './contract';

jest.setTimeout(180_000);

describe('openclaw on a real Mattermost server', () => {
  const bed = useTestBed();
  let world: World;

  beforeAll(async () => {
    world = await createWorld(bed().url, bed().admin);
  });

  const alice = () => world.users[0];

  test('upload + enable of the dist/ bundle over REST; status is running', async () => {
    const status = await installPlugin(bed().admin.client, readDistBundle(), { logFile: bed().logFile });
    expect(status.state).toBe(PluginState.Running);
  });

  test('/oc_help through commands/execute returns the command list, also as an ephemeral post', async () => {
    const ws = await connectWebSocket(bed().url, alice().token);
    try {
      const text = await expectHelpWorks(alice().client, world.channel);
      // Every /oc_ command the plugin registered is named in the help.
      const suggestions = await autocomplete(alice().client, world.team.id, world.channel.id, '/oc_');
      for (const s of suggestions) expect(text).toContain(`/${s.Complete.split(' ')[0]}`);
      const eph = await ws.waitForEvent('ephemeral_message', (e) => postOf(e)?.channel_id === world.channel.id);
      expect(postOf(eph)?.message).toMatch(/\/oc_help\b/);
    } finally {
      ws.close();
    }
  });

  test('autocomplete for /oc_ lists our commands with hints', async () => {
    const suggestions = await autocomplete(alice().client, world.team.id, world.channel.id, '/oc_');
    const names = suggestions.map((s) => s.Complete.split(' ')[0]);
    expect(names).toContain('oc_help');
    for (const s of suggestions) {
      expect(s.Complete.startsWith('oc_')).toBe(true);
      expect(typeof s.Hint).toBe('string');
      expect(s.Description.length).toBeGreaterThan(0);
    }
  });

  test('GET /plugins/openclaw/api/v1/health: 200 with a user token, 401 without', async () => {
    const health = await expectHealthy(bed(), world);
    expect(health.server.version).toBe(bed().serverVersion);
    const anonymous = await rawRequest(bed().url, HEALTH_PATH);
    expect(anonymous.status).toBe(401);
  });

  test('disable -> enable, then /oc_help works', async () => {
    const admin = bed().admin.client;
    await admin.disablePlugin('openclaw');
    await waitForPluginState(admin, PluginState.NotRunning);
    await admin.enablePlugin('openclaw');
    await waitForPluginState(admin, PluginState.Running);
    await expectHelpWorks(alice().client, world.channel);
  });

  test('kill -9 of the plugin process: the server health check restarts it, then /oc_help works', async () => {
    const pluginsDir = bed().pluginsDir;
    if (!pluginsDir) {
      console.warn('skipped: needs the plugins folder of the server on this machine (local bed, or MM_PLUGINS_DIR)');
      return;
    }
    const before = pluginProcesses(pluginsDir);
    expect(before.length).toBeGreaterThan(0);
    for (const pid of before) process.kill(pid, 'SIGKILL');
    // PluginSettings health check runs every 30 s; allow a few rounds.
    const after = await waitFor('a new plugin process', async () => {
      const now = pluginProcesses(pluginsDir).filter((p) => !before.includes(p));
      return now.length > 0 ? now : undefined;
    }, 150_000, 1_000);
    expect(after.length).toBeGreaterThan(0);
    await waitForPluginState(bed().admin.client, PluginState.Running, 'openclaw', 60_000);
    await waitFor('/oc_help to answer again', async () => {
      await expectHelpWorks(alice().client, world.channel);
      return true;
    }, 30_000, 1_000);
  });
});
