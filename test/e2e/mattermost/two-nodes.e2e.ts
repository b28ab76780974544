// Two Mattermost servers on one database, each running the plugin, as the nodes of a cluster
// do: the plugin's KV store and the posts are shared, the plugin processes are not. The
// conversations suite builds its "nothing is posted twice" checks on this.
import { PluginState, createWorld, installPlugin, rawRequest, readDistBundle, useTestBed, waitFor, type ExtraNode } from '../../harness';
import { HEALTH_PATH } from './contract';

jest.setTimeout(300_000);

describe('two nodes on one database', () => {
  const bed = useTestBed();
  let second: ExtraNode;

  beforeAll(async () => {
    const local = bed();
    if (!local.startNode) throw new Error('this test needs a local test bed (MM_URL is set)');
    second = await local.startNode();
  });

  test('the plugin runs on both nodes and shares its KV store through the database', async () => {
    const bundle = readDistBundle();
    expect((await installPlugin(bed().admin.client, bundle, { logFile: bed().logFile })).state).toBe(PluginState.Running);
    expect((await installPlugin(second.admin.client, bundle, { logFile: second.logFile })).state).toBe(PluginState.Running);
    // Each activation counts itself in one KV record: the node activated last sees both.
    const health = await waitFor('the second node to see both activations', async () => {
      const res = await rawRequest(second.url, HEALTH_PATH, second.admin.token);
      const body = (await res.json()) as { activations?: number };
      return (body.activations ?? 0) >= 2 ? body : undefined;
    }, 30_000, 250);
    expect(health.activations).toBeGreaterThanOrEqual(2);
  });

  test('a post made through one node is read through the other', async () => {
    const world = await createWorld(bed().url, bed().admin, { suffix: 'nodes' });
    const alice = world.users[0];
    const post = await alice.client.createPost({ channel_id: world.channel.id, message: 'seen everywhere' });
    const onSecond = await fetch(`${second.url}/api/v4/posts/${post.id}`, { headers: { Authorization: `Bearer ${alice.token}` } });
    expect(onSecond.status).toBe(200);
    expect(((await onSecond.json()) as { message: string }).message).toBe('seen everywhere');
  });
});
