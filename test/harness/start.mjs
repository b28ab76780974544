#!/usr/bin/env node
// Runs start.ts: bundles it with esbuild (already a dev dependency) into
// test/.work/ and executes the bundle. Kept tiny on purpose.
import { build } from 'esbuild';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outfile = join(resolve(here, '..'), '.work', 'start', 'start.cjs');
await build({
  entryPoints: [join(here, 'start.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node24',
  outfile,
  logLevel: 'warning',
  // Keep npm packages as runtime requires: resolved from the repo's node_modules.
  packages: 'external',
});
await import(pathToFileURL(outfile).href);
