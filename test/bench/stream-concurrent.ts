// `concurrent_100`: that many replies streaming at once on one node. One person asks the bot in
// as many channels at the same moment; the plugin process's CPU time and memory are read from
// /proc while they stream, and the person's socket checks every stream for lost deltas (a seq
// gap, or deltas that do not add up to the post's final text).
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import type { TestBed, World } from '../harness';
import { waitFor } from '../harness';
import { framePost, type Meter } from './stream-meter';

const CLK_TCK = 100; // Linux USER_HZ

/** The plugin's server process: the executable Mattermost started from this bed's plugin folder. */
function pluginPid(pluginsDir: string): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readlinkSync(`/proc/${entry}/exe`).startsWith(`${pluginsDir}/openclaw/`)) return Number(entry);
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return undefined;
}

const cpuTicks = (pid: number): number => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime, stime
};
const statusKb = (pid: number, key: string): number => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);

export async function concurrentStreams(o: { mm: TestBed; world: World; botId: string; meter: Meter; count: number; words?: number }): Promise<Record<string, unknown>> {
  const admin = o.mm.admin.client;
  const alice = o.world.users[0];
  await admin.addToTeam(o.world.team.id, o.botId).catch(() => undefined); // already a member: fine
  const channels: string[] = [];
  for (let i = 0; i < o.count; i++) {
    const ch = await admin.createChannel({ team_id: o.world.team.id, name: `stream-${i}-${Date.now()}`, display_name: `stream ${i}`, type: 'O' });
    await admin.addToChannel(alice.user.id, ch.id);
    await admin.addToChannel(o.botId, ch.id);
    channels.push(ch.id);
  }
  const pid = pluginPid(o.mm.pluginsDir ?? '');
  if (!pid) return { error: 'plugin process not found' };
  const f0 = o.meter.frames.length;
  const ticks0 = cpuTicks(pid);
  const t0 = Date.now();
  let rssPeakKb = 0;
  const cpuSamples: Array<{ at: number; ticks: number }> = [];
  const sampler = setInterval(() => {
    try {
      rssPeakKb = Math.max(rssPeakKb, statusKb(pid, 'VmRSS'));
      cpuSamples.push({ at: Date.now(), ticks: cpuTicks(pid) });
    } catch {
      // the process is gone: the figures below will say so
    }
  }, 250);
  // Each reply streams for about 200 s (400 words, one every 500 ms): the gateway needs about a
  // second and a half of CPU to start each run on these 2 cores, so shorter replies would end
  // before the last ones start, and fewer than `count` would ever stream at once.
  await Promise.all(channels.map((ch) => alice.client.createPost({ channel_id: ch, message: `@openclaw slow reply ${o.words ?? 400} 500` })));
  const ends = await waitFor(`${o.count} streams to end`, () => {
    const ended = o.meter.frames.slice(f0).filter((f) => f.event === 'custom_openclaw_stream_end');
    return Promise.resolve(ended.length >= o.count ? ended : undefined);
  }, 600_000, 100);
  const wallMs = Date.now() - t0;
  const ticks = cpuTicks(pid) - ticks0;
  clearInterval(sampler);

  // Every stream, as the viewer saw it.
  const frames = o.meter.frames.slice(f0);
  const streams = new Map<string, { seqs: number[]; text: string; final: string }>();
  let live = 0;
  let maxLive = 0;
  let allLiveFrom = 0;
  let allLiveUntil = 0;
  for (const f of frames) {
    const id = typeof f.data.post_id === 'string' ? f.data.post_id : undefined;
    if (f.event === 'custom_openclaw_stream_end' && id && live === maxLive && allLiveUntil === 0) allLiveUntil = f.at;
    if (f.event === 'custom_openclaw_stream_delta' && id) {
      const s = streams.get(id) ?? { seqs: [], text: '', final: '' };
      if (!streams.has(id)) {
        live++;
        if (live > maxLive) { maxLive = live; allLiveFrom = f.at; allLiveUntil = 0; }
      }
      s.seqs.push(Number(f.data.seq));
      s.text += String(f.data.text);
      streams.set(id, s);
    } else if (f.event === 'custom_openclaw_stream_end' && id) {
      live--;
    }
    const p = framePost(f);
    if (p && p.user_id === o.botId && streams.has(p.id)) streams.get(p.id)!.final = p.message;
  }
  let lost = 0;
  let mismatched = 0;
  for (const s of streams.values()) {
    const max = Math.max(0, ...s.seqs);
    lost += max - new Set(s.seqs).size;
    if (s.final && s.final !== s.text) mismatched++;
  }
  // CPU while the most streams were live at once (from the last start to the first end).
  const inWindow = cpuSamples.filter((x) => x.at >= allLiveFrom && x.at <= (allLiveUntil || Infinity));
  const first = inWindow[0];
  const last = inWindow.at(-1);
  const windowCores = first && last && last.at > first.at ? (last.ticks - first.ticks) / CLK_TCK / ((last.at - first.at) / 1000) : null;
  return {
    streams: ends.length, max_streaming_at_once: maxLive, wall_ms: wallMs,
    all_live_ms: allLiveUntil && allLiveFrom ? allLiveUntil - allLiveFrom : null,
    cpu_cores: Math.round((ticks / CLK_TCK / (wallMs / 1000)) * 100) / 100,
    cpu_cores_all_live: windowCores === null ? null : Math.round(windowCores * 100) / 100,
    rss_mb: Math.round(rssPeakKb / 1024),
    lost_deltas: lost, final_text_mismatches: mismatched,
  };
}
