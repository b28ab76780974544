// Shared set-up of the conversation suites: a real Mattermost with the dist/ bundle, a real
// OpenClaw gateway in front of the fake model, the plugin paired for real, the bot in the
// world's team and channels, and helpers to post as a person and wait for the bot.
import type { Client4 } from '@mattermost/client';
import type { Post } from '@mattermost/types/posts';
import { startBed, type Bed, type ExtraModel } from '../../gateway-bed/bed.cjs';
import {
  connectWebSocket, createWorld, installPlugin, postOf, readDistBundle, setPluginSettings, useTestBed, waitFor,
  type EventRecorder, type LoggedIn, type TestBed, type World, type WsEvent,
} from '../../harness';
import { getStatus, waitForLink, waitForStatus, type LinkStatus } from '../openclaw/helpers';
import { connectOperator } from './operator';

export type Settings = Record<string, string | number | boolean>;

export interface ConversationStatus extends LinkStatus {
  conversations?: { settings: Record<string, unknown>; queued: number; problems: string[]; stats: Record<string, unknown> };
}

export interface ConvBed {
  mm: TestBed;
  gw: Bed;
  world: World;
  botId: string;
  alice: LoggedIn;
  bob: LoggedIn;
  /** DM channels between each person and the bot. */
  aliceDm: string;
  bobDm: string;
  /** WebSocket recorders of alice and bob. */
  ws: { alice: EventRecorder; bob: EventRecorder };
  /** Replaces the conversation settings (the gateway settings stay) and waits until the plugin applied them. */
  configure(settings: Settings): Promise<ConversationStatus>;
  status(): Promise<ConversationStatus>;
}

/** Settings the plugin reads, as it exposes them in the status (values as it parsed them). */
function expectedSubset(settings: Settings): Record<string, unknown> {
  const map: Record<string, string> = {
    dmpolicy: 'dmPolicy', channelpolicy: 'channelPolicy', chatmode: 'chatMode', replytomode: 'replyToMode',
    dmallowlist: 'dmAllowlist', channelallowlist: 'channelAllowlist', channeloverrides: 'channelOverrides',
    allowbots: 'allowBots', queueexpiryminutes: 'queueExpiryMinutes',
  };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(settings)) {
    const key = map[k.toLowerCase()];
    if (key) out[key] = typeof v === 'string' && /policy|mode$/i.test(key) ? v.toLowerCase() : v;
  }
  return out;
}

export function useConversationBed(initial: Settings = {}, gatewayOpts: { extraModels?: ExtraModel[] } = {}): () => ConvBed {
  let gwStarting: Promise<Bed> | undefined;
  beforeAll(() => {
    gwStarting = startBed(gatewayOpts);
    gwStarting.catch(() => undefined); // awaited below
  });
  const mm = useTestBed();
  let bed: ConvBed | undefined;
  let gateway: Record<string, string> = {};

  beforeAll(async () => {
    const t = mm();
    await installPlugin(t.admin.client, readDistBundle(), { logFile: t.logFile });
    const world = await createWorld(t.url, t.admin);
    const gw = await gwStarting!;
    // The gateway's first run is slow (tens of seconds on a busy machine): take it here, so the
    // tests' waits measure the plugin, not the gateway warming up.
    const warm = await connectOperator(gw.localUrl, gw.token);
    await warm.sendAndWait('agent:main:warmup', 'echo: warm-up', 240_000).finally(() => warm.stop());
    const admin = t.admin.client;
    // These suites read finished replies from `posted` events: streaming (whose post is created
    // with a placeholder and finished by an edit) is off unless a suite turns it on.
    gateway = { gatewayurl: gw.remoteUrl, gatewaytoken: gw.token, StreamingMode: 'off' };
    await setPluginSettings(admin, { ...gateway, ...initial });
    const pairing = await waitForLink(t.url, t.admin.token, 'pairing-required', 90_000);
    await gw.approveDevice(pairing.requestId!);
    await waitForLink(t.url, t.admin.token, 'connected', 30_000);
    const bot = await admin.getUserByUsername('openclaw');
    await admin.addToTeam(world.team.id, bot.id);
    await admin.addToChannel(bot.id, world.channel.id);
    await admin.addToChannel(bot.id, world.privateChannel.id);
    const [alice, bob] = world.users as [LoggedIn, LoggedIn];
    const aliceDm = (await alice.client.createDirectChannel([alice.user.id, bot.id])).id;
    const bobDm = (await bob.client.createDirectChannel([bob.user.id, bot.id])).id;
    const ws = { alice: await connectWebSocket(t.url, alice.token), bob: await connectWebSocket(t.url, bob.token) };
    const status = () => getStatus(t.url, t.admin.token) as Promise<ConversationStatus>;
    bed = {
      mm: t, gw, world, botId: bot.id, alice, bob, aliceDm, bobDm, ws, status,
      configure: async (settings) => {
        await setPluginSettings(admin, { ...gateway, ...settings });
        const want = expectedSubset(settings);
        return (await waitForStatus(t.url, t.admin.token, (s) => {
          const got = (s as ConversationStatus).conversations?.settings ?? {};
          return Object.entries(want).every(([k, v]) => got[k] === v);
        }, 30_000, `the conversation settings ${JSON.stringify(want)}`));
      },
    };
    await bed.configure(initial);
  }, 600_000);

  afterAll(async () => {
    bed?.ws.alice.close();
    bed?.ws.bob.close();
    await (await gwStarting?.catch(() => undefined))?.stop();
  }, 60_000);

  return () => {
    if (!bed) throw new Error('the conversation bed did not start (see the beforeAll error)');
    return bed;
  };
}

/** Posts as `user` (REST, like the web app) and returns the created post. */
export function say(user: LoggedIn, channelId: string, message: string, extra: Partial<Post> = {}): Promise<Post> {
  return user.client.createPost({ channel_id: channelId, message, ...extra });
}

export interface SeenPost { id: string; message: string; channel_id: string; root_id?: string; user_id?: string; file_ids?: string[] }

export function postsOf(ws: EventRecorder, from = 0): SeenPost[] {
  return ws.events.slice(from).filter((e) => e.event === 'posted').map((e) => postOf(e)).filter((p): p is SeenPost => !!p);
}

/** Waits until `count` bot posts matching `match` were seen on the recorder (after index `from`). */
export async function botPosts(ws: EventRecorder, botId: string, match: (p: SeenPost) => boolean, count = 1, timeoutMs = 90_000,
  from = 0): Promise<SeenPost[]> {
  return waitFor(`${count} bot post(s)`, () => {
    const found = postsOf(ws, from).filter((p) => p.user_id === botId && match(p));
    return Promise.resolve(found.length >= count ? found : undefined);
  }, timeoutMs, 50);
}

/** Ephemeral posts (only the recipient sees them) in a channel. */
export function ephemeralIn(ws: EventRecorder, channelId: string): SeenPost[] {
  return ws.events.filter((e: WsEvent) => e.event === 'ephemeral_message').map((e) => postOf(e))
    .filter((p): p is SeenPost => !!p && p.channel_id === channelId);
}

/** The text of every user-role message of each model request since `from`. */
export function modelInputs(gw: Bed, from = 0): string[] {
  return gw.model.requests.slice(from).map((r) => JSON.stringify(r.body.messages ?? []));
}

export type { Client4 };
