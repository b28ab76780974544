// The stream bench (see stream.mjs). One Mattermost, one gateway, one chromium viewer, one run.
import type { Client4 } from '@mattermost/client';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Bed } from '../gateway-bed/bed.cjs';
import { startBrowserBed } from '../browser-bed/server/serve';
import { client, createWorld, DEFAULT_PASSWORD, installPlugin, readDistBundle, startTestBed, waitFor, type TestBed } from '../harness';
import { setPluginSettings, waitForStatus } from '../e2e/openclaw/helpers';
import { launchChromium, openPage } from '../e2e/browser/chromium';
import { rendersOf, watchReplies } from '../e2e/browser/reply-watch';
import { framePost, framesAbout, lagsMs, percentiles, rawSocket, type Frame, type GatewayDelta, type Meter } from './stream-meter';
import { watchGateway, type Watcher } from './stream-gateway';
import { SeedStreamer } from './stream-seed';
import { concurrentStreams } from './stream-concurrent';
import { chunksFor } from '../gateway-bed/fake-model.cjs';

export interface StreamBenchDeps {
  startBed(opts?: { modelDelayMs?: number; maxConcurrent?: number }): Promise<Bed>;
  out: string;
  sizes: Record<string, number>;
  /** Replies of each size whose render lags are pooled (the other figures are the first reply's). */
  lagReplies: number;
  concurrent: number;
}

interface Lag {
  p50: number | null;
  p95: number | null;
  deltas_timed: number;
  never_shown: number;
  /** Every lag when there are few (bursts); otherwise absent. */
  samples_ms?: number[];
  /** The lag's two parts: gateway → the viewer's socket (plugin, Mattermost), and socket → screen (the page). */
  to_socket?: { p50: number | null; p95: number | null };
  socket_to_screen?: { p50: number | null; p95: number | null };
  to_socket_samples_ms?: number[];
  socket_to_screen_samples_ms?: number[];
  replies: number;
}

interface Figures {
  reply_chars: number;
  posts: number;
  ws_bytes_per_viewer: number;
  ws_bytes_ratio: number;
  /** The split of ws_bytes_per_viewer: live plugin events, and Mattermost's own posted/post_edited frames. */
  ws_bytes_live: number;
  ws_bytes_posts: number;
  ws_bytes_ratio_live: number;
  /** The last post_edited frame of the answer's first post: Mattermost resends the whole post on the final update. */
  ws_bytes_final_edit: number;
  /** The answer text the live deltas carried ÷ reply length (ws_bytes_live without the frames' envelopes), and how many frames. */
  ws_text_ratio_live?: number;
  ws_frames_live?: number;
  db_post_writes: number;
  /** The writes of the reply's first post alone (create, checkpoints, final): the rest are follow-up posts, one create each. */
  db_writes_first_post?: number;
  edit_history_rows: number;
  /** From each gateway delta of the reply to its text in the browser. */
  render_lag_ms: Lag | null;
  /** The same over `replies` bursts (the whole reply in 40 chunks): few deltas, the last one most of the reply. */
  render_lag_ms_burst?: Lag | null;
  duration_ms: number;
  note?: string;
}

const r2 = (n: number) => Math.round(n * 100) / 100;
const CHUNK_CHARS = 200;

async function repeat<T>(times: number, once: () => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < times; i++) out.push(await once());
  return out;
}

/** Edit-history rows of each post, in the order given. */
function historyRows(bot: Client4, ids: string[]): Promise<number[]> {
  return Promise.all(ids.map((id) => bot.getPostEditHistory(id).then((h) => h.length, () => 0)));
}

export async function runStreamBench(deps: StreamBenchDeps): Promise<void> {
  let mm: TestBed | undefined;
  let gw: Bed | undefined;
  // The gateway runs a few replies per CPU core at once by default; concurrent_100 needs them all.
  const bedP = deps.startBed({ modelDelayMs: 60, maxConcurrent: deps.concurrent + 10 }).then((b) => (gw = b));
  bedP.catch(() => undefined);
  const closers: Array<() => Promise<unknown> | void> = [];
  try {
    mm = await startTestBed();
    await installPlugin(mm.admin.client, readDistBundle(), { logFile: mm.logFile });
    const world = await createWorld(mm.url, mm.admin);
    const alice = world.users[0];
    const bed = await bedP;
    const settings: Record<string, string> = { gatewayurl: bed.localUrl, gatewaytoken: bed.token, dmpolicy: 'open', channelpolicy: 'open', streamingmode: 'partial' };
    await setPluginSettings(mm.admin.client, settings);
    const s = await waitForStatus(mm.url, mm.admin.token, (x) => x.status === 'connected' || x.status === 'pairing-required', 60_000);
    if (s.status === 'pairing-required') {
      await bed.approveDevice(s.requestId!);
      await waitForStatus(mm.url, mm.admin.token, (x) => x.status === 'connected', 30_000);
    }
    const botUser = await mm.admin.client.getUserByUsername('openclaw');
    const bot = client(mm.url, (await mm.admin.client.createUserAccessToken(botUser.id, 'stream bench')).token);
    const dm = (await alice.client.createDirectChannel([alice.user.id, botUser.id])).id;
    const dmKey = `agent:main:mattermost:direct:${alice.user.id}`;
    const gwatch: Watcher = await watchGateway(bed.localUrl, bed.token);
    closers.push(() => gwatch.stop());
    const meter: Meter = await rawSocket(mm.url, alice.token);
    closers.push(() => meter.close());

    const web = await startBrowserBed({ mattermostUrl: mm.url, admin: mm.admin.client });
    closers.push(() => web.stop());
    const browser = await launchChromium();
    closers.push(() => browser.close());
    const tab = await openPage(browser, 'stream-bench');
    await watchReplies(tab.page);
    await tab.page.goto(web.url);
    await tab.page.fill('#bed-username', alice.user.username);
    await tab.page.fill('#bed-password', DEFAULT_PASSWORD);
    await tab.page.click('#bed-sign-in');
    await tab.page.waitForSelector('.bed-status__plugin[data-plugin-id="openclaw"][data-initialized="done"]');
    await tab.page.evaluate((id) => (window.location.hash = `#/channels/${id}`), dm);
    await tab.page.waitForSelector(`.bed-channel-header[data-channel-id="${dm}"]`);

    /** Waits for the viewer to hold the whole answer in the given posts, then measures them. */
    const measure = async (ids: string[], f0: number, final: string, deltas: GatewayDelta[], t0: number, note?: string): Promise<Figures> => {
      const set = new Set(ids);
      const frames: Frame[] = framesAbout(meter.frames.slice(f0), set);
      const bytes = frames.reduce((n, f) => n + f.bytes, 0);
      const live = frames.filter((f) => f.event.startsWith('custom_')).reduce((n, f) => n + f.bytes, 0);
      const liveText = frames.filter((f) => f.event.endsWith('_stream_delta')).reduce((n, f) => n + (typeof f.data.text === 'string' ? Buffer.byteLength(f.data.text) : 0), 0);
      const finalEdit = frames.filter((f) => f.event === 'post_edited' && framePost(f)?.id === ids[0]).at(-1)?.bytes ?? 0;
      const renders = (await Promise.all(ids.map((id) => rendersOf(tab.page, id)))).flat().sort((a, b) => a.at - b.at);
      // The live text as the viewer's socket received it, frame by frame.
      let sofar = '';
      const arrivals = frames.filter((f) => f.event.endsWith('_stream_delta') && f.data.post_id === ids[0])
        .map((f) => ({ at: f.at, text: (sofar += typeof f.data.text === 'string' ? f.data.text : '') }));
      const { lags, toSocket, toScreen, never } = lagsMs(deltas, renders, arrivals);
      const rows = await historyRows(bot, ids);
      const history = rows.reduce((a, b) => a + b, 0);
      return {
        reply_chars: final.length, posts: ids.length,
        ws_bytes_per_viewer: bytes, ws_bytes_ratio: r2(bytes / final.length),
        ws_bytes_live: live, ws_bytes_posts: bytes - live, ws_bytes_ratio_live: r2(live / final.length), ws_bytes_final_edit: finalEdit,
        ws_text_ratio_live: r2(liveText / final.length), ws_frames_live: frames.filter((f) => f.event.startsWith('custom_')).length,
        db_post_writes: ids.length + history, db_writes_first_post: 1 + (rows[0] ?? 0), edit_history_rows: history,
        render_lag_ms: {
          ...percentiles(lags), deltas_timed: lags.length, never_shown: never, replies: 1,
          ...(lags.length <= 20 && { samples_ms: lags, to_socket_samples_ms: toSocket, socket_to_screen_samples_ms: toScreen }),
          ...(toSocket.length && { to_socket: percentiles(toSocket), socket_to_screen: percentiles(toScreen) }),
        },
        duration_ms: (deltas.at(-1)?.at ?? t0) - t0, note,
      };
    };

    /** Bot posts in the DM the viewer saw since frame f0, with their last message. */
    const botPostsSince = (f0: number): Map<string, string> => {
      const out = new Map<string, string>();
      for (const f of meter.frames.slice(f0)) {
        const p = framePost(f);
        if (p && p.user_id === botUser.id && p.channel_id === dm) out.set(p.id, p.message);
      }
      return out;
    };
    const covered = (posts: Map<string, string>, final: string) => [...posts.values()].join('').replace(/\s/g, '').length >= final.replace(/\s/g, '').length;

    /**
     * The fake model streams CHUNK_CHARS per chunk every 60 ms (about 3,300 characters a second, a
     * fast model), so every size streams at one pace; a burst sends any reply in 40 chunks, and the
     * gateway then holds most of a long one back to a single delta at the end.
     */
    const chunkCount = (n: number) => Math.ceil(n / CHUNK_CHARS);
    const prompt = (n: number, paced: boolean) => (paced ? `long reply ${n} in ${chunkCount(n)}` : `long reply ${n}`);
    const ours = async (n: number, paced = true): Promise<{ figures: Figures; deltas: GatewayDelta[]; ids: string[]; f0: number; final: string }> => {
      const from = gwatch.events.length;
      const f0 = meter.frames.length;
      const t0 = Date.now();
      await alice.client.createPost({ channel_id: dm, message: prompt(n, paced) });
      const final = await gwatch.final(dmKey, from);
      const ids = await waitFor('the reply on the viewer socket', () => {
        const posts = botPostsSince(f0);
        const ended = meter.frames.slice(f0).some((f) => f.event === 'custom_openclaw_stream_end' && posts.has(String(f.data.post_id)));
        return Promise.resolve(ended && covered(posts, final) ? [...posts.keys()] : undefined);
      }, 120_000, 20);
      await tab.page.locator(`.openclaw-reply[data-post-id="${ids[0]}"][data-state="done"]`).waitFor({ timeout: 60_000 });
      const deltas = gwatch.deltas(dmKey, from);
      return { figures: await measure(ids, f0, final, deltas, t0), deltas, ids, f0, final };
    };

    const seed = async (n: number, label: string): Promise<Figures> => {
      const key = `agent:main:bench:seed-${label}`;
      const from = gwatch.events.length;
      const f0 = meter.frames.length;
      const t0 = Date.now();
      const streamer = new SeedStreamer(bot, dm);
      const off = gwatch.onChat((e) => e.sessionKey === key && e.state === 'delta' && streamer.update(e.text));
      await gwatch.send(key, prompt(n, true));
      const final = await gwatch.final(key, from);
      off();
      await streamer.finish(final);
      await waitFor('the seed posts on the viewer socket', () => Promise.resolve(covered(botPostsSince(f0), final) || undefined), 120_000, 20);
      return measure(streamer.postIds, f0, final, gwatch.deltas(key, from), t0, 'REST full-text edits every 1.2 s, preview capped at 4,000 chars; answer in 4,000-char posts');
    };

    // Agents (mattermost-plugin-agents): one custom event per model chunk carrying the whole text so
    // far, a create and one final UpdatePost per post. A plugin event can only come from a plugin, so
    // its frames are computed, byte for byte in Mattermost's frame format, from the chunks the fake
    // model streamed for our run (the Agents plugin reads the model's stream itself) and our posts'
    // own frames; no browser lag is measured for it.
    const agents = (run: { figures: Figures; ids: string[]; f0: number; final: string }): Figures => {
      const postFrames = framesAbout(meter.frames.slice(run.f0), new Set(run.ids)).filter((f) => !f.event.startsWith('custom_'));
      const firstPosted = postFrames.find((f) => f.event === 'posted')?.bytes ?? 0;
      const finals = new Map<string, number>();
      for (const f of postFrames) finals.set(framePost(f)!.id, f.bytes);
      const frame = (data: Record<string, unknown>, seq: number) => Buffer.byteLength(JSON.stringify({
        event: 'custom_mattermost-ai_postupdate', data,
        broadcast: { omit_users: null, user_id: '', channel_id: dm, team_id: '', connection_id: '', omit_connection_id: '' }, seq,
      }));
      const postBytes = firstPosted + [...finals.values()].reduce((a, b) => a + b, 0);
      let live = 0;
      let seq = 100;
      live += frame({ post_id: run.ids[0], control: 'start' }, seq++);
      let sofar = '';
      let text = 0;
      const chunks = chunksFor(run.final, true, chunkCount(run.final.length));
      for (const chunk of chunks) {
        sofar += chunk;
        text += Buffer.byteLength(sofar);
        live += frame({ post_id: run.ids[0], next: sofar }, seq++);
      }
      live += frame({ post_id: run.ids[0], control: 'end' }, seq);
      const bytes = postBytes + live;
      const posts = run.ids.length;
      return {
        ...run.figures, ws_bytes_per_viewer: bytes, ws_bytes_ratio: r2(bytes / run.figures.reply_chars),
        ws_bytes_live: live, ws_bytes_posts: postBytes, ws_bytes_ratio_live: r2(live / run.figures.reply_chars),
        ws_bytes_final_edit: finals.get(run.ids[0]) ?? 0,
        ws_text_ratio_live: r2(text / run.figures.reply_chars), ws_frames_live: chunks.length + 2,
        db_post_writes: 2 * posts, edit_history_rows: posts, render_lag_ms: null,
        note: 'computed from the fake model\'s chunks of the "ours" run (full text per chunk, start/end controls, create + one final update per post)',
      };
    };

    /** Render lags over several replies of one size: each reply of a fast long answer gives only a few. */
    const pooledLag = (runs: Array<{ figures: Figures }>): Figures['render_lag_ms'] => {
      const all = (key: 'samples_ms' | 'to_socket_samples_ms' | 'socket_to_screen_samples_ms') => runs.flatMap((r) => r.figures.render_lag_ms?.[key] ?? []);
      const lags = all('samples_ms');
      const never = runs.reduce((n, r) => n + (r.figures.render_lag_ms?.never_shown ?? 0), 0);
      return {
        ...percentiles(lags), deltas_timed: lags.length, never_shown: never, samples_ms: lags, replies: runs.length,
        to_socket: percentiles(all('to_socket_samples_ms')), socket_to_screen: percentiles(all('socket_to_screen_samples_ms')),
        socket_to_screen_samples_ms: all('socket_to_screen_samples_ms'),
      };
    };
    const result: Record<string, unknown> = { ours: {}, seed: {}, agents: {} };
    // One warm-up reply: the gateway's and the page's first run are slow.
    await ours(2_000);
    for (const [label, n] of Object.entries(deps.sizes)) {
      const run = await ours(n);
      const burst = await repeat(deps.lagReplies, () => ours(n, false));
      (result.ours as Record<string, Figures>)[label] = { ...run.figures, render_lag_ms_burst: pooledLag(burst) };
      (result.agents as Record<string, Figures>)[label] = agents(run);
      (result.seed as Record<string, Figures>)[label] = await seed(n, label);
      process.stderr.write(`[bench] ${label} done\n`);
    }
    const write = () => {
      mkdirSync(dirname(deps.out), { recursive: true });
      writeFileSync(deps.out, `${JSON.stringify(result, null, 2)}\n`);
    };
    result.concurrent_100 = { pending: true };
    write(); // the per-size figures survive a failure of the load test
    result.concurrent_100 = deps.concurrent > 0
      ? await concurrentStreams({ mm, world, botId: botUser.id, meter, count: deps.concurrent }).catch((e: Error) => ({ error: e.message }))
      : { skipped: true };
    write();
    console.log(`stream bench: written to ${deps.out}`);
    console.log(JSON.stringify(result, null, 2));
  } finally {
    for (const c of closers.reverse()) await Promise.resolve(c()).catch(() => undefined);
    await mm?.stop().catch(() => undefined);
    await (gw ?? (await bedP.catch(() => undefined)))?.stop().catch(() => undefined);
  }
}
