#!/usr/bin/env node
// Builds (once) the Mattermost server binary for a pin from pins.json and lays
// out a "server home" next to it: bin/mattermost plus i18n/, templates/, fonts/
// taken from the very same Go module, because the server looks for those
// folders relative to its working directory.
//
// The home lives outside the repo (it is ~1 GB with the build cache and must
// survive `git clean`): $OPENCLAW_MM_CACHE or ~/.cache/openclaw-mm, keyed by the
// pinned module version so changing a pin never reuses a stale binary.
//
// CLI:   node test/mattermost-server/build.mjs [pin]   -> prints the home path
// API:   import { ensureServer } from './build.mjs'     -> { home, binary, pin }
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const SERVER_MODULE = 'github.com/mattermost/mattermost/server/v8';

export function loadPins() {
  return JSON.parse(readFileSync(join(here, 'pins.json'), 'utf8'));
}

export function cacheRoot() {
  return process.env.OPENCLAW_MM_CACHE ?? join(homedir(), '.cache', 'openclaw-mm');
}

function goBinary() {
  if (process.env.GO) return process.env.GO;
  const found = spawnSync('sh', ['-c', 'command -v go'], { encoding: 'utf8' }).stdout.trim();
  if (found) return found;
  if (existsSync('/usr/local/go/bin/go')) return '/usr/local/go/bin/go';
  throw new Error('Go toolchain not found: install Go >= 1.24 or set GO=/path/to/go');
}

function goEnv() {
  return {
    ...process.env,
    // The checksum database has no entries for Mattermost's pseudo-versions;
    // go.sum (committed) pins their hashes instead.
    GONOSUMDB: 'github.com/mattermost/mattermost',
    GOFLAGS: '-mod=readonly -buildvcs=false',
    GOTOOLCHAIN: 'local',
  };
}

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, env: goEnv(), stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status})`);
}

export function resolvePin(name) {
  const pins = loadPins();
  const key = name ?? process.env.MM_PIN ?? pins.default;
  const pin = pins.pins[key];
  if (!pin) throw new Error(`unknown Mattermost pin "${key}" (known: ${Object.keys(pins.pins).join(', ')})`);
  if (!pin.moduleDir) throw new Error(`Mattermost pin "${key}" is not buildable: ${pin.release}`);
  return { key, ...pin };
}

export function homeFor(pin) {
  return join(cacheRoot(), `mattermost-${pin.serverVersion}`);
}

/** Returns the server home for the pin, building it first when it is not cached. */
export function ensureServer(name, log = (m) => process.stderr.write(`${m}\n`)) {
  const pin = resolvePin(name);
  const home = homeFor(pin);
  const binary = join(home, 'bin', 'mattermost');
  const stamp = join(home, 'build.json');
  if (existsSync(stamp) && existsSync(binary)) return { home, binary, pin };

  const go = goBinary();
  const moduleDir = join(here, pin.moduleDir);
  mkdirSync(join(home, 'bin'), { recursive: true });
  log(`[mattermost-server] building ${pin.key} (${pin.serverVersion}) into ${home}; this takes a while on few cores`);
  const started = Date.now();
  run(go, ['mod', 'download', SERVER_MODULE], moduleDir);
  const tmp = `${binary}.tmp-${process.pid}`;
  const ldflags = [
    `-X github.com/mattermost/mattermost/server/public/model.BuildNumber=${pin.serverVersion}`,
    `-X github.com/mattermost/mattermost/server/public/model.BuildHash=${pin.commit ?? 'unknown'}`,
    `-X github.com/mattermost/mattermost/server/public/model.BuildDate=${new Date().toISOString()}`,
  ].join(' ');
  // nice: the machines this runs on are small and shared.
  run('nice', ['-n', '10', go, 'build', '-trimpath', '-ldflags', ldflags, '-o', tmp, `${SERVER_MODULE}/cmd/mattermost`], moduleDir);
  renameSync(tmp, binary);

  const src = spawnSync(go, ['list', '-m', '-f', '{{.Dir}}', SERVER_MODULE], { cwd: moduleDir, env: goEnv(), encoding: 'utf8' }).stdout.trim();
  for (const dir of ['i18n', 'templates', 'fonts']) {
    rmSync(join(home, dir), { recursive: true, force: true });
    cpSync(join(src, dir), join(home, dir), { recursive: true });
  }
  // The module cache is read-only; copies keep that mode, which would stop a later rebuild from replacing them.
  run('chmod', ['-R', 'u+w', join(home, 'i18n'), join(home, 'templates'), join(home, 'fonts')], home);
  const seconds = Math.round((Date.now() - started) / 1000);
  writeFileSync(stamp, JSON.stringify({ pin: pin.key, serverVersion: pin.serverVersion, builtAt: new Date().toISOString(), buildSeconds: seconds }, null, 2));
  log(`[mattermost-server] built ${pin.key} in ${seconds}s`);
  return { home, binary, pin };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const { home } = ensureServer(process.argv[2]);
    process.stdout.write(`${home}\n`);
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
