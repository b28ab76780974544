// Issue 7: any user can create, through the REST API, a post whose props nest thousands of
// levels (the server's JSON decoder allows 10,000). The server hands it to the plugin's
// MessageHasBeenPosted over gob; the plugin must take it like any other post, and the hooks
// stream must keep serving the hooks that follow (ExecuteCommand, ServeHTTP, more posts).
import {
  PluginState,
  createPost,
  createWorld,
  installPlugin,
  logMark,
  rawRequest,
  readDistBundle,
  useTestBed,
  waitFor,
  type World,
} from '../../harness';
import { expectHealthy, expectHelpWorks } from './contract';

// Go's gob encoder needs seconds per thousand nested interfaces on a loaded 2-core box.
jest.setTimeout(300_000);

const DEPTH = 5_000;
const STATS_PATH = '/plugins/openclaw/api/v1/conversations/stats';

// {"a": {"a": … {"a": "leaf", "n": 4999} …, "n": 0}, written out as text: JSON.stringify
// itself gives out at a few thousand levels.
function deepPropsJson(depth: number): string {
  let open = '';
  let close = '';
  for (let i = 0; i < depth; i++) {
    open += '{"a":';
    close = `,"n":${depth - 1 - i}}${close}`;
  }
  return `${open}"leaf"${close}`;
}

describe('a post whose props nest 5,000 levels', () => {
  const bed = useTestBed();
  let world: World;

  // Posts the plugin's MessageHasBeenPosted has processed (each one is counted, relayed or not).
  async function postsSeen(): Promise<number> {
    const res = await rawRequest(bed().url, STATS_PATH, bed().admin.token);
    expect(res.status).toBe(200);
    const stats = (await res.json()) as { ignored: number; relayed: number };
    return stats.ignored + stats.relayed;
  }

  beforeAll(async () => {
    world = await createWorld(bed().url, bed().admin);
    const status = await installPlugin(bed().admin.client, readDistBundle(), { logFile: bed().logFile });
    expect(status.state).toBe(PluginState.Running);
  });

  test('reaches MessageHasBeenPosted, and the hooks after it are still answered', async () => {
    const alice = world.users[0];
    expect(alice.user.roles).not.toContain('system_admin');
    const logFile = bed().logFile; // absent when testing an existing server (MM_URL)
    const newLog = logFile ? logMark(logFile) : () => [];

    // An ordinary post first: the count moves, so it measures hook deliveries.
    const before = await postsSeen();
    await createPost(alice.client, world.channel.id, 'warm-up');
    await waitFor('the warm-up post to reach the plugin', async () => ((await postsSeen()) > before ? true : undefined), 60_000);

    const seen = await postsSeen();
    const body = `{"channel_id":${JSON.stringify(world.channel.id)},"message":"deep props","props":{"deep":${deepPropsJson(DEPTH)}}}`;
    const res = await rawRequest(bed().url, '/api/v4/posts', alice.token, {
      method: 'POST', body, headers: { 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string };
    expect(created.id).toMatch(/^[a-z0-9]{26}$/);

    await waitFor('the deep post to reach the plugin', async () => ((await postsSeen()) > seen ? true : undefined), 240_000, 1_000);

    // The same hooks stream serves ExecuteCommand and ServeHTTP, and further posts.
    await expectHelpWorks(alice.client, world.channel);
    await expectHealthy(bed(), world);
    const after = await postsSeen();
    await createPost(alice.client, world.channel.id, 'after the deep one');
    await waitFor('a later post to reach the plugin', async () => ((await postsSeen()) > after ? true : undefined), 60_000);

    const failures = newLog().filter((l) => /RPC call|connection is shut down|gob:/.test(`${l.msg ?? ''} ${typeof l.error === 'string' ? l.error : JSON.stringify(l.error ?? '')}`));
    expect(failures).toEqual([]);
  });
});
