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
  message: string;
  id: string;
}

/** Uploads and returns the server's error; fails the test if the upload succeeds. */
async function uploadShouldFail(bundle: Buffer, admin: Parameters<typeof uploadBundle>[0]): Promise<UploadFailure> {
  try {
    const manifest = await uploadBundle(admin, bundle, 'broken.tar.gz');
    throw new Error(`upload unexpectedly succeeded (installed ${manifest.id} ${manifest.version ?? ''})`);
  } catch (err) {
    const e = err as { status_code?: number; message?: string; server_error_id?: string };
    if (e.status_code === undefined) throw err;
    return { status: e.status_code, message: e.message ?? '', id: e.server_error_id ?? '' };
  }
}

describe('broken plugin uploads', () => {
  const bed = useTestBed();
  let world: World;
  let runningVersion: string;

  beforeAll(async () => {
    world = await createWorld(bed().url, bed().admin);
    await installPlugin(bed().admin.client, readDistBundle());
    runningVersion = (await expectHealthy(bed(), world)).plugin.version;
  });

  async function expectUntouched(): Promise<void> {
    const status = await pluginStatus(bed().admin.client);
    expect(status?.state).toBe(PluginState.Running);
    expect((await expectHealthy(bed(), world)).plugin.version).toBe(runningVersion);
    await expectHelpWorks(world.users[0]!.client, world.channel);
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
    expect(failure.message).toMatch(/architecture|platform|executable|arm64|unable to start|activate|restart/i);
    await expectUntouched();
  });

  test('a bundle with a bad plugin.json is rejected with a clear message', async () => {
    const failure = await uploadShouldFail(await badManifestBundle(), bed().admin.client);
    expect(failure.status).toBe(400);
    expect(failure.message).toMatch(/manifest|plugin\.json/i);
    await expectUntouched();
  });
});
