// `npm run test:conformance`: builds the TS conformance plugin (Node 24 SEA), the Go twin
// and the real OpenClaw bundle for this host's arch once, then runs the Go suite under the
// plugin supervisor of each pinned Mattermost public module. Extra arguments go to
// `go test` (e.g. -v, -run X). CONFORMANCE_BUNDLE=<.tar.gz> uses a prebuilt bundle;
// CONFORMANCE_SKIP_BUNDLE=1 skips the real-bundle test.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { goBin } from './go-bin.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const go = goBin();
// Keep this table in step with README.md.
const variants = [
  { name: 'Mattermost 11.x (server/public v0.4.2)', modfile: 'go.mod' },
  { name: 'Mattermost 10.11 ESR (server/public v0.1.16)', modfile: 'go.1011.mod' },
];

function run(cmd, args, opts) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

function capture(cmd, args, opts) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status})`);
  return r.stdout.trim().split('\n').pop();
}

/** The OpenClaw bundle for this host's arch: prebuilt, freshly built, or none (skipped). */
function realBundle(outDir) {
  if (process.env.CONFORMANCE_SKIP_BUNDLE === '1') return undefined;
  if (process.env.CONFORMANCE_BUNDLE) return path.resolve(process.env.CONFORMANCE_BUNDLE);
  console.log('building the OpenClaw bundle for this arch (npm run build -- --arch host)...');
  const root = path.resolve(here, '../..');
  if (run(process.execPath, [path.join(root, 'build/build.mjs'), '--arch', 'host', '--out', outDir], { cwd: root }) !== 0) {
    throw new Error('building the OpenClaw bundle failed');
  }
  const found = fs.readdirSync(outDir).filter((f) => /-linux-(amd64|arm64)\.tar\.gz$/.test(f));
  if (found.length !== 1) throw new Error(`expected one per-arch bundle in ${outDir}, found ${found}`);
  return path.join(outDir, found[0]);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'conformance-'));
try {
  console.log('building the TS conformance plugin (SEA)...');
  const tsPlugin = capture(process.execPath, [path.join(here, 'plugin/build.mjs'), path.join(work, 'ts')]);
  console.log('building the Go twin...');
  const goPlugin = path.join(work, 'goplugin');
  if (run(go, ['build', '-o', goPlugin, './goplugin'], { cwd: path.join(here, '../bench') }) !== 0) process.exit(1);

  const bundle = realBundle(path.join(work, 'bundle'));

  const env = { ...process.env, CONFORMANCE_TS_PLUGIN: tsPlugin, CONFORMANCE_GO_PLUGIN: goPlugin };
  if (bundle) env.CONFORMANCE_BUNDLE = bundle;
  const results = variants.map((v) => {
    console.log(`\n== ${v.name}`);
    const status = run(go, ['test', '-count=1', `-modfile=${v.modfile}`, ...process.argv.slice(2), './...'], { cwd: here, env });
    return { ...v, ok: status === 0 };
  });
  console.log('\nconformance summary:');
  for (const r of results) console.log(`  ${r.ok ? 'PASS' : 'FAIL'}  ${r.name}`);
  process.exitCode = results.every((r) => r.ok) ? 0 : 1;
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
