// Issue 3: broken uploads fail with a clear message and leave the running
// plugin untouched (same version, still running, still answering).
import {
  PluginState,
  badManifestBundle,
  corruptBundle,
  createWorld,
  installPlugin,
  pluginStatus,
  readDistBundle,
  uploadBundle,
  useTestBed,
  wrongArchitectureBundle,
  type World,
} from '../../harness';
import { expectHealthy, expectHelpWorks } from './contract';

jest.setTimeout(180_000);

interface UploadFailure {
  status: number;
  /** The server's message plus its detailed error (shown since EnableDeveloper is on). */
  message: string;
  id: string;
}

/** Uploads and returns the server's error; fails the test if the upload succeeds. */
async function uploadShouldFail(bundle: Buffer, admin: Parameters<typeof uploadBundle>[0]): Promise<UploadFailure> {
  try {
    const manifest = await uploadBundle(admin, bundle, 'broken.tar.gz');
    throw new Error(`upload unexpectedly succeeded (installed ${manifest.id} ${manifest.version ?? ''})`);
  } catch (err) {
    const e = err as { status_code?: number; message?: string; server_error_id?: string; detailed_error?: string };
    if (e.status_code === undefined) throw err;
    const message = `${e.message ?? ''} (${e.detailed_error ?? ''})`;
    process.stderr.write(`[e2e] upload rejected: ${e.status_code} ${e.server_error_id}: ${message}\n`);
    return { status: e.status_code, message, id: e.server_error_id ?? '' };
  }
}

describe('broken plugin uploads', () => {
  const bed = useTestBed();
  let world: World;
  let runningVersion: string;

  beforeAll(async () => {
    world = await createWorld(bed().url, bed().admin);
    await installPlugin(bed().admin.client, readDistBundle(), { logFile: bed().logFile });
    runningVersion = (await expectHealthy(bed(), world)).plugin.version;
  });

  // Each case starts from a running plugin, whatever the previous case did to it.
  beforeEach(async () => {
    const status = await pluginStatus(bed().admin.client);
    if (status?.state !== PluginState.Running) await installPlugin(bed().admin.client, readDistBundle(), { logFile: bed().logFile });
  });

  async function expectUntouched(): Promise<void> {
    const status = await pluginStatus(bed().admin.client);
    expect(status?.state).toBe(PluginState.Running);
    expect((await expectHealthy(bed(), world)).plugin.version).toBe(runningVersion);
    await expectHelpWorks(world.users[0].client, world.channel);
  }

  test('a corrupt bundle is rejected with a clear message', async () => {
    const failure = await uploadShouldFail(corruptBundle(), bed().admin.client);
    expect(failure.status).toBe(400);
    expect(failure.message).toMatch(/extract|unpack|gzip|tar|corrupt|invalid/i);
    await expectUntouched();
  });

  test('a bundle without an executable for this architecture is rejected with a clear message', async () => {
    const failure = await uploadShouldFail(await wrongArchitectureBundle(), bed().admin.client);
    expect(failure.status).toBeGreaterThanOrEqual(400);
    expect(failure.message).toMatch(/executable not found for environment: linux\/(amd64|arm64)/);
  });

  // Mattermost limitation (11.x source: installExtractedPlugin): with force=true the server
  // removes the installed plugin *before* it activates the new one, so an unstartable bundle
  // cannot leave the running plugin untouched. What we can promise is checked instead: the
  // plugin is reported as failed (not silently gone) and one upload of the right bundle
  // restores it. If Mattermost ever keeps the old plugin, the first expectation fails.
  test('a wrong-architecture upload stops the plugin visibly; re-uploading the right bundle restores it', async () => {
    await uploadShouldFail(await wrongArchitectureBundle(), bed().admin.client);
    const status = await pluginStatus(bed().admin.client);
    expect(status?.state).toBe(PluginState.FailedToStart);
    await installPlugin(bed().admin.client, readDistBundle(), { logFile: bed().logFile });
    await expectUntouched();
  });

  test('a bundle with a bad plugin.json is rejected with a clear message', async () => {
    const failure = await uploadShouldFail(await badManifestBundle(), bed().admin.client);
    expect(failure.status).toBe(400);
    expect(failure.message).toMatch(/manifest/i);
    await expectUntouched();
  });
});
