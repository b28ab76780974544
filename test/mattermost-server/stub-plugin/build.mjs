#!/usr/bin/env node
// Builds the Go stand-in plugin (see go.mod) into an installable bundle:
//   test/.work/stub-plugin/openclaw-stub.tar.gz   (git-ignored)
// Use it to check the test bed without the real runtime:
//   OPENCLAW_BUNDLE=$(node test/mattermost-server/stub-plugin/build.mjs) npm run test:e2e
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..', '..');
const out = join(repo, 'test', '.work', 'stub-plugin');
const tree = join(out, 'tree', 'openclaw');
const version = '0.0.0-stub';

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, {
    cwd,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, GONOSUMDB: 'github.com/mattermost/mattermost', GOFLAGS: '-mod=readonly -buildvcs=false', GOTOOLCHAIN: 'local', CGO_ENABLED: '0' },
  });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
}

const go = process.env.GO ?? '/usr/local/go/bin/go';
rmSync(join(out, 'tree'), { recursive: true, force: true });
mkdirSync(join(tree, 'server', 'dist'), { recursive: true });
run('nice', ['-n', '10', go, 'build', '-trimpath', '-ldflags', `-X main.version=${version}`, '-o', join(tree, 'server', 'dist', 'plugin-linux-amd64'), '.'], here);

// The real manifest, minus the webapp (the stub has none) and with the stub's version.
const manifest = JSON.parse(readFileSync(join(repo, 'plugin.json'), 'utf8'));
manifest.version = version;
delete manifest.webapp;
manifest.server = { executables: { 'linux-amd64': 'server/dist/plugin-linux-amd64' } };
writeFileSync(join(tree, 'plugin.json'), JSON.stringify(manifest, null, 2));

const bundle = join(out, 'openclaw-stub.tar.gz');
run('tar', ['-czf', bundle, '-C', join(out, 'tree'), 'openclaw'], repo);
process.stdout.write(`${bundle}\n`);
