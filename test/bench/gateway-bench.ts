// The combined gateway bench (see gateway.mjs). One Mattermost, one gateway, one run:
//  - plugin path: alice runs /oc_<command> through POST /api/v4/commands/execute; timed until
//    the gateway's answer (the update of the "Asking OpenClaw" post) arrives on her WebSocket;
//  - bare path: the reference gateway client sends /<command> with chat.send, timed until
//    the run's final `chat` event.
// Both dial the gateway's loopback URL (the plugin is auto-approved there), so the network
// path is the same and the difference is Mattermost + the plugin.
import type { Bed } from '../gateway-bed/bed.cjs';
import {
  connectWebSocket, createWorld, installPlugin, readDistBundle, startTestBed, type TestBed,
} from '../harness';
import { getStatus, runCommand, setPluginSettings, waitForStatus } from '../e2e/openclaw/helpers';

interface BareResult { command: string; runs: number; p50Ms: number; p95Ms: number; minMs: number; maxMs: number }
export interface BenchDeps {
  startBed(): Promise<Bed>;
  benchBare(opts: { url: string; token: string; runs: number; warmup: number; command: string; sessionKey?: string }): Promise<BareResult>;
  percentile(sorted: number[], p: number): number;
  runs: number;
  warmup: number;
  command: string;
}

const signed = (n: number) => (n >= 0 ? `+${n}` : `${n}`);
const r1 = (n: number) => Math.round(n * 10) / 10;

export async function runGatewayBench(deps: BenchDeps): Promise<void> {
  const t0 = Date.now();
  let mm: TestBed | undefined;
  let bed: Bed | undefined;
  const bedP = deps.startBed().then((b) => (bed = b));
  bedP.catch(() => undefined);
  try {
    mm = await startTestBed();
    await installPlugin(mm.admin.client, readDistBundle(), { logFile: mm.logFile });
    const world = await createWorld(mm.url, mm.admin);
    const alice = world.users[0];
    const gw = await bedP;
    await setPluginSettings(mm.admin.client, { gatewayurl: gw.localUrl, gatewaytoken: gw.token });
    const s = await waitForStatus(mm.url, mm.admin.token, (x) => x.status === 'connected' || x.status === 'pairing-required', 60_000);
    if (s.status === 'pairing-required') {
      await gw.approveDevice(s.requestId!);
      await waitForStatus(mm.url, mm.admin.token, (x) => x.status === 'connected', 30_000);
    }
    process.stderr.write(`[bench] stack up in ${Date.now() - t0} ms; plugin ${JSON.stringify((await getStatus(mm.url, mm.admin.token)).summary)}\n`);

    const ws = await connectWebSocket(mm.url, alice.token);
    const pluginOnce = async () => {
      const r = await runCommand(alice.client, ws, world.channel, `/oc_${deps.command}`, 60_000);
      if (/not reachable|could not run|has not answered/.test(r.answer.message)) throw new Error(`plugin answered: ${r.answer.message}`);
      ws.clear();
      return r;
    };
    const gatewayCommand = `/${deps.command}`;
    // Warm both paths first (the gateway's first command after a start is slow).
    for (let i = 0; i < deps.warmup; i += 1) await pluginOnce();
    const bareOnce = async () => (await deps.benchBare({ url: gw.localUrl, token: gw.token, runs: 1, warmup: 0, command: gatewayCommand })).p50Ms;
    for (let i = 0; i < deps.warmup; i += 1) await bareOnce();
    // Interleaved, one sample of each per round, so gateway drift hits both paths alike.
    // A bare sample is one chat.send → final on a fresh client (its connect is not timed).
    const answerMs: number[] = [];
    const ackMs: number[] = [];
    const bareMs: number[] = [];
    for (let i = 0; i < deps.runs; i += 1) {
      const r = await pluginOnce();
      answerMs.push(r.answerMs);
      ackMs.push(r.firstMs);
      bareMs.push(await bareOnce());
    }
    const bareSorted = [...bareMs].sort((a, b) => a - b);
    const bare = {
      command: gatewayCommand, runs: deps.runs,
      p50Ms: r1(deps.percentile(bareSorted, 50)), p95Ms: r1(deps.percentile(bareSorted, 95)),
      minMs: r1(bareSorted[0]), maxMs: r1(bareSorted[bareSorted.length - 1]),
    };
    ws.close();
    const sorted = [...answerMs].sort((a, b) => a - b);
    const ackSorted = [...ackMs].sort((a, b) => a - b);
    const plugin = {
      command: `/oc_${deps.command}`, runs: deps.runs,
      p50Ms: r1(deps.percentile(sorted, 50)), p95Ms: r1(deps.percentile(sorted, 95)),
      minMs: r1(sorted[0]), maxMs: r1(sorted[sorted.length - 1]),
      ackP50Ms: r1(deps.percentile(ackSorted, 50)), ackP95Ms: r1(deps.percentile(ackSorted, 95)),
    };
    const overhead = {
      p50Ratio: +(plugin.p50Ms / bare.p50Ms).toFixed(2), p50Ms: r1(plugin.p50Ms - bare.p50Ms),
      p95Ratio: +(plugin.p95Ms / bare.p95Ms).toFixed(2), p95Ms: r1(plugin.p95Ms - bare.p95Ms),
    };
    console.log(`gateway command round trip, ${deps.runs} runs each (after ${deps.warmup} warm-up), Mattermost ${mm.serverVersion}, OpenClaw ${(await getStatus(mm.url, mm.admin.token)).gatewayVersion}`);
    console.log(`  via Mattermost + plugin  /oc_${deps.command}: p50 ${plugin.p50Ms} ms  p95 ${plugin.p95Ms} ms  (min ${plugin.minMs}, max ${plugin.maxMs}; "Asking OpenClaw" ack p50 ${plugin.ackP50Ms} ms)`);
    console.log(`  bare gateway client      ${gatewayCommand}: p50 ${bare.p50Ms} ms  p95 ${bare.p95Ms} ms  (min ${bare.minMs}, max ${bare.maxMs})`);
    console.log(`  plugin overhead: p50 ×${overhead.p50Ratio} (${signed(overhead.p50Ms)} ms)  p95 ×${overhead.p95Ratio} (${signed(overhead.p95Ms)} ms)`);
    console.log(JSON.stringify({ bench: 'gateway', plugin, bare, overhead }));
  } finally {
    await mm?.stop().catch(() => undefined);
    await (bed ?? (await bedP.catch(() => undefined)))?.stop().catch(() => undefined);
  }
}
