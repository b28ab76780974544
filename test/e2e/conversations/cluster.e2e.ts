// Issue 8, one node acts: two Mattermost servers on one database, each running the plugin
// with its own gateway link (as cluster nodes do). A post is handled by the node whose
// hook saw it; a message the agent starts reaches both nodes and must still appear once.
// Without a cluster licence the nodes share no WebSocket events, so posts are read over REST.
import { startBed, type Bed } from '../../gateway-bed/bed.cjs';
import {
  channelPosts, client, createWorld, installPlugin, pluginLog, readDistBundle, setPluginSettings, useTestBed, waitFor,
  type ExtraNode, type LoggedIn, type World,
} from '../../harness';
import { waitForLink, waitForStatus } from '../openclaw/helpers';
import { connectOperator, type Operator } from './operator';

jest.setTimeout(420_000);

describe('two nodes, one conversation', () => {
  let gwStarting: Promise<Bed> | undefined;
  beforeAll(() => {
    gwStarting = startBed();
    gwStarting.catch(() => undefined);
  });
  const bed = useTestBed();
  let second: ExtraNode;
  let gw: Bed;
  let world: World;
  let botId = '';
  let operator: Operator;
  let alice: LoggedIn;
  let bob: LoggedIn;
  const dms = { alice: '', bob: '' };

  beforeAll(async () => {
    const first = bed();
    if (!first.startNode) throw new Error('this test needs a local test bed (MM_URL is set)');
    second = await first.startNode();
    gw = await gwStarting!;
    operator = await connectOperator(gw.localUrl, gw.token);
    await operator.sendAndWait('agent:main:warmup', 'echo: warm-up', 240_000);
    const bundle = readDistBundle();
    await installPlugin(first.admin.client, bundle, { logFile: first.logFile });
    await installPlugin(second.admin.client, bundle, { logFile: second.logFile });
    world = await createWorld(first.url, first.admin);
    const settings = { gatewayurl: gw.remoteUrl, gatewaytoken: gw.token, dmpolicy: 'open', channelpolicy: 'open' };
    // The first node pairs the device; the second finds it (and its token) in the shared KV store.
    await setPluginSettings(first.admin.client, settings);
    const pairing = await waitForLink(first.url, first.admin.token, 'pairing-required', 90_000);
    await gw.approveDevice(pairing.requestId!);
    await waitForLink(first.url, first.admin.token, 'connected', 30_000);
    await setPluginSettings(second.admin.client, settings);
    await waitForLink(second.url, second.admin.token, 'connected', 60_000);
    for (const node of [first, second]) {
      await waitForStatus(node.url, node.admin.token, (s) =>
        (s as { conversations?: { settings?: { dmPolicy?: string } } }).conversations?.settings?.dmPolicy === 'open', 30_000, 'open DMs');
    }
    const bot = await first.admin.client.getUserByUsername('openclaw');
    botId = bot.id;
    [alice, bob] = world.users as [LoggedIn, LoggedIn];
    dms.alice = (await alice.client.createDirectChannel([alice.user.id, botId])).id;
    dms.bob = (await bob.client.createDirectChannel([bob.user.id, botId])).id;
  }, 900_000);

  afterAll(async () => {
    await operator?.stop();
    await (await gwStarting?.catch(() => undefined))?.stop();
  });

  /** `user` posts through `url` (so that node's hook handles it). */
  const sayVia = (url: string, user: LoggedIn, channelId: string, message: string) =>
    client(url, user.token).createPost({ channel_id: channelId, message });
  const botMessages = async (user: LoggedIn, channelId: string) =>
    (await channelPosts(user.client, channelId, 200)).filter((p) => p.user_id === botId).map((p) => p.message);
  async function waitForBot(user: LoggedIn, channelId: string, message: string, timeoutMs = 120_000): Promise<void> {
    await waitFor(`the bot to post "${message}"`, async () => ((await botMessages(user, channelId)).includes(message) || undefined), timeoutMs, 200);
  }
  const count = async (user: LoggedIn, channelId: string, message: string) => (await botMessages(user, channelId)).filter((m) => m === message).length;

  test('posts through either node are each answered exactly once', async () => {
    await sayVia(bed().url, alice, dms.alice, 'echo: via the first node');
    await sayVia(second.url, bob, dms.bob, 'echo: via the second node');
    await waitForBot(alice, dms.alice, 'via the first node');
    await waitForBot(bob, dms.bob, 'via the second node');
    // Sentinels through the other node: their answers come after anything posted twice would.
    await sayVia(second.url, alice, dms.alice, 'echo: sentinel one');
    await sayVia(bed().url, bob, dms.bob, 'echo: sentinel two');
    await waitForBot(alice, dms.alice, 'sentinel one');
    await waitForBot(bob, dms.bob, 'sentinel two');
    expect(await count(alice, dms.alice, 'via the first node')).toBe(1);
    expect(await count(bob, dms.bob, 'via the second node')).toBe(1);
  });

  test('a message the agent starts (a second operator client) appears once, though both nodes hear it', async () => {
    await operator.send(`agent:main:mattermost:direct:${alice.user.id}`, 'echo: started by the agent side');
    await waitForBot(alice, dms.alice, 'started by the agent side');
    await sayVia(bed().url, alice, dms.alice, 'echo: sentinel three');
    await waitForBot(alice, dms.alice, 'sentinel three');
    expect(await count(alice, dms.alice, 'started by the agent side')).toBe(1);
    // Both nodes heard it: one posted, the other found the KV claim taken.
    const lines = [bed().logFile!, second.logFile].flatMap((f) => pluginLog(f)).map((l) => l.msg ?? '')
      .filter((m) => m.startsWith('conversations: agent message ') && m.includes(`direct:${alice.user.id}`));
    const outcome = (l: string) => (l.endsWith(': posted') ? 'posted' : l.endsWith('another node posts it') ? 'skipped' : 'other');
    expect(lines.map(outcome).sort()).toEqual(['posted', 'skipped']);
  });
});
