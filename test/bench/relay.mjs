#!/usr/bin/env node
// `npm run bench:relay`: what the conversation relay costs, in one run.
//  - dm_first_reply_ms: a DM to the bot through Mattermost + the plugin until the bot's reply
//    reaches the sender's WebSocket, beside a bare gateway client sending the same prompt
//    (chat.send → the run's final event), interleaved;
//  - ignored_post_us / ignored_post_api_calls: the plugin's time per post that is not for the
//    agent (measured inside the MessageHasBeenPosted hook) over ≥ 10,000 real posts, and the
//    API calls those posts caused.
// Writes test/.work/bench/relay.json and prints it; never fails on timing. It also prints the
// same decision measured in-process on fakes, to tell the plugin's cost from the machine's.
//   node test/bench/relay.mjs [--runs 20] [--warmup 3] [--posts 10000] [--rounds 3]
//   RELAY_BENCH_CONCURRENCY=1 posts one at a time (default 8 posters).
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { percentile } from '../gateway-bed/bench-bare.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const { startBed } = require('../gateway-bed/bed.cjs');
const workDir = join(resolve(here, '..'), '.work', 'bench');
const outfile = join(workDir, 'relay-bench.cjs');
await build({
  entryPoints: [join(here, 'relay-bench.ts')],
  bundle: true, platform: 'node', format: 'cjs', target: 'node24', outfile, logLevel: 'warning', packages: 'external',
});
const { values } = parseArgs({ options: { runs: { type: 'string' }, warmup: { type: 'string' }, posts: { type: 'string' }, rounds: { type: 'string' } } });
const { runRelayBench } = await import(pathToFileURL(outfile).href);
await runRelayBench({
  startBed, percentile, out: join(workDir, 'relay.json'),
  runs: Number(values.runs ?? 20), warmup: Number(values.warmup ?? 3), posts: Math.max(10_000, Number(values.posts ?? 10_000)),
  rounds: Math.max(1, Number(values.rounds ?? 3)),
});
