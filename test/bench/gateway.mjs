#!/usr/bin/env node
// `npm run bench:gateway`: in one run, the round trip of a gateway slash command through
// Mattermost + the plugin + the gateway (POST /api/v4/commands/execute → the answer on the
// invoker's WebSocket) beside the same command sent by a bare gateway client. Prints the
// figures and the plugin's overhead; never fails on timing.
//   node test/bench/gateway.mjs [--runs 30] [--warmup 3] [--command status]
// The TypeScript part (it uses the Mattermost test bed) is bundled with esbuild, like
// `npm start`; the gateway bed and the bare client are plain modules loaded as they are.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { benchBare, percentile } from '../gateway-bed/bench-bare.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const { startBed } = require('../gateway-bed/bed.cjs');
const outfile = join(resolve(here, '..'), '.work', 'bench', 'gateway-bench.cjs');
await build({
  entryPoints: [join(here, 'gateway-bench.ts')],
  bundle: true, platform: 'node', format: 'cjs', target: 'node24', outfile, logLevel: 'warning', packages: 'external',
});
const { values } = parseArgs({ options: { runs: { type: 'string' }, warmup: { type: 'string' }, command: { type: 'string' } } });
const { runGatewayBench } = await import(pathToFileURL(outfile).href);
await runGatewayBench({
  startBed, benchBare, percentile,
  runs: Number(values.runs ?? 30), warmup: Number(values.warmup ?? 3), command: values.command ?? 'status',
});
