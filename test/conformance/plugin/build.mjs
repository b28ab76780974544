// Builds the TS conformance plugin into <outDir> and prints the executable's path as the
// last stdout line. Default: a Node 24 SEA for this host's arch, made by the project's
// build (build/sea.mjs), i.e. exactly how the real plugin ships. With --wrapper (or
// CONFORMANCE_TS_WRAPPER=1): an esbuild bundle run by a `exec node bundle.cjs` script.
//   node test/conformance/plugin/build.mjs [--wrapper] [outDir]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const entry = path.join(here, 'main.ts');
const args = process.argv.slice(2);
const wrapper = args.includes('--wrapper') || process.env.CONFORMANCE_TS_WRAPPER === '1';
const outDir = path.resolve(args.find((a) => !a.startsWith('--')) ?? fs.mkdtempSync(path.join(os.tmpdir(), 'conf-ts-')));
fs.mkdirSync(outDir, { recursive: true });

async function buildSeaExecutable() {
  const { buildSea } = await import(path.join(root, 'build/sea.mjs'));
  const { hostArch } = await import(path.join(root, 'build/runtime.mjs'));
  const arch = hostArch();
  const { executables } = await buildSea({ entry, outDir, arches: [arch], name: 'conformance-plugin' });
  return executables[arch];
}

async function buildWrapper() {
  const { bundleServer } = await import(path.join(root, 'build/server.mjs'));
  const bundle = path.join(outDir, 'conformance-plugin.cjs');
  await bundleServer({ entry, outfile: bundle });
  const node = fs.realpathSync(path.join(root, 'node_modules/.bin/node'));
  const script = path.join(outDir, 'conformance-plugin.sh');
  fs.writeFileSync(script, `#!/bin/sh\nexec '${node}' '${bundle}'\n`, { mode: 0o755 });
  return script;
}

const exe = wrapper ? await buildWrapper() : await buildSeaExecutable();
console.log(exe);
