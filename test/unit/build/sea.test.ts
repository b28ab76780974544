// The real server entry, built into a SEA exactly as `npm run build` does, must honour the
// go-plugin start-up contract: refuse to run without the magic cookie, and with it print
// `1|1|unix|<socket>|netrpc|` within the host's 3 s. The foreign arch runs under qemu-user
// when it is installed (Debian: qemu-user-static + libc6/libstdc++6 for that arch).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { callBuild, ROOT, workDir } from './helpers';

const COOKIE = { MATTERMOST_PLUGIN: 'Securely message teams, anywhere.' };
const HANDSHAKE = /^1\|1\|unix\|(\/[^|]+)\|netrpc\|$/;

const native = process.arch === 'arm64' ? 'arm64' : 'amd64';
const foreign = native === 'amd64' ? 'arm64' : 'amd64';
const qemu = foreign === 'arm64' ? 'qemu-aarch64-static' : 'qemu-x86_64-static';
const hasQemu = spawnSync(qemu, ['--version'], { stdio: 'ignore' }).status === 0;
if (!hasQemu) {
  console.warn(`sea.test: ${qemu} not found, skipping linux-${foreign} (apt-get install qemu-user-static)`);
}

const outDir = workDir('sea');
let executables: Record<string, string> = {};
beforeAll(() => {
  const arches = hasQemu ? ['amd64', 'arm64'] : [native];
  ({ executables } = callBuild<{ executables: Record<string, string> }>('sea.mjs', 'buildSea', {
    entry: path.join(ROOT, 'server-ts', 'main.ts'),
    outDir,
    arches,
  }));
}, 180_000);

type Run = { firstLine: string | null; ms: number; code: number | null; stderr: string };

/** Starts the executable with only `env` (like go-plugin does) and reports its first line. */
function start(arch: string, env: Record<string, string>, waitMs: number): Promise<Run> {
  const [cmd, args] = arch === native ? [executables[arch], []] : [qemu, [executables[arch]]];
  const child = spawn(cmd, args, { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env } });
  const started = Date.now();
  let out = '';
  let stderr = '';
  return new Promise((resolve) => {
    const finish = (firstLine: string | null, code: number | null) => {
      clearTimeout(timer);
      const ms = Date.now() - started;
      child.kill('SIGTERM');
      resolve({ firstLine, ms, code, stderr });
    };
    const timer = setTimeout(() => finish(null, null), waitMs);
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('\n')) finish(out.split('\n')[0], null);
    });
    child.on('exit', (code) => finish(out ? out.split('\n')[0] : null, code));
  });
}

describe(`linux-${native} (native)`, () => {
  test('refuses to run without the MATTERMOST_PLUGIN cookie', async () => {
    const r = await start(native, {}, 3000);
    expect(r.code).not.toBe(0);
    expect(r.code).not.toBeNull();
    expect(r.firstLine).toBeNull();
    expect(r.stderr).toMatch(/Mattermost plugin/);
  });

  test('prints the go-plugin handshake within 3 s and listens on that socket', async () => {
    const r = await start(native, COOKIE, 3000);
    expect(r.firstLine).toMatch(HANDSHAKE);
    expect(r.ms).toBeLessThan(3000);
  });

  test('the socket in the handshake exists while the plugin runs', async () => {
    const child = spawn(executables[native], [], { env: { PATH: process.env.PATH ?? '', ...COOKIE } });
    const line = await new Promise<string>((resolve) => child.stdout.once('data', (d) => resolve(String(d))));
    const socket = HANDSHAKE.exec(line.trim())?.[1] ?? '';
    try {
      expect(fs.statSync(socket).isSocket()).toBe(true);
    } finally {
      child.kill('SIGTERM');
    }
  });

  test('NODE_OPTIONS from the server environment cannot change the runtime', async () => {
    // execArgvExtension "none": otherwise this --require would abort start-up.
    const r = await start(native, { ...COOKIE, NODE_OPTIONS: '--require /nonexistent/hook.js' }, 3000);
    expect(r.firstLine).toMatch(HANDSHAKE);
  });
});

(hasQemu ? describe : describe.skip)(`linux-${foreign} (under ${qemu})`, () => {
  test('refuses without the cookie, prints the handshake with it', async () => {
    const refused = await start(foreign, {}, 15_000);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/Mattermost plugin/);
    // Emulation is slow, so this checks function, not the 3 s budget.
    const r = await start(foreign, COOKIE, 15_000);
    expect(r.firstLine).toMatch(HANDSHAKE);
  }, 40_000);
});
