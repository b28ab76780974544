#!/usr/bin/env node
// `npm run bench:stream`: what a streamed reply costs a viewer and the database, and how fast its
// text reaches the screen, for ours, the seed's method and the Agents plugin's method, on one
// Mattermost with one gateway and a real chromium viewer; then many streams at once.
// Writes test/.work/bench/stream.json and prints it; never fails on figures.
//   node test/bench/stream.mjs [--concurrent 100] [--replies 5]   (replies of each size whose render lags are pooled)
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const { startBed } = require('../gateway-bed/bed.cjs');
const workDir = join(resolve(here, '..'), '.work', 'bench');
const outfile = join(workDir, 'stream-bench.cjs');
await build({
  entryPoints: [join(here, 'stream-bench.ts')],
  bundle: true, platform: 'node', format: 'cjs', target: 'node24', outfile, logLevel: 'warning', packages: 'external',
});
const { values } = parseArgs({ options: { concurrent: { type: 'string' }, replies: { type: 'string' } } });
const { runStreamBench } = await import(pathToFileURL(outfile).href);
await runStreamBench({
  startBed, out: join(workDir, 'stream.json'),
  sizes: { '4k': 4_000, '32k': 32_000, '128k': 128_000 },
  lagReplies: Number(values.replies ?? 5),
  concurrent: Number(values.concurrent ?? 100),
});
