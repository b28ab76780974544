// Starts a real Mattermost server (built from the pinned Go module) on a free
// loopback port, with a fresh config and every writable path in a temp folder.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mattermostConfig } from './mm-config';
import { freePort, waitFor } from './net';
import { REPO_ROOT } from './paths';
import { startService } from './proc';

const REPO = REPO_ROOT;
const BUILD_SCRIPT = join(REPO, 'test', 'mattermost-server', 'build.mjs');

export interface ServerHome {
  home: string;
  binary: string;
}

/** Builds the server for `pin` unless cached; the build log streams to our stderr. */
export function ensureServerBuilt(pin?: string): Promise<ServerHome> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BUILD_SCRIPT, ...(pin ? [pin] : [])], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      const home = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !home) reject(new Error(`building the Mattermost server failed (exit ${code}); see the output above`));
      else resolvePromise({ home, binary: join(home, 'bin', 'mattermost') });
    });
  });
}

export interface MattermostServer {
  readonly url: string;
  readonly port: number;
  /** Per-run temp folder (config, data, plugins, logs, socket). */
  readonly dir: string;
  readonly logFile: string;
  readonly pluginsDir: string;
  readonly socket: string;
  readonly pid: number;
  stop(): Promise<void>;
}

export async function startMattermost(opts: { dataSource: string; pin?: string }): Promise<MattermostServer> {
  const { home, binary } = await ensureServerBuilt(opts.pin);
  // Short path on purpose: the local-mode unix socket path must stay < 108 bytes.
  const dir = mkdtempSync('/tmp/ocmm-');
  for (const sub of ['data', 'plugins', 'client/plugins', 'logs']) mkdirSync(join(dir, sub), { recursive: true });
  const port = await freePort();
  const configPath = join(dir, 'config.json');
  writeFileSync(configPath, JSON.stringify(mattermostConfig({ port, dataSource: opts.dataSource, dir }), null, 2));

  const service = startService('mattermost', binary, ['server', '--config', configPath], {
    // i18n/, templates/ and fonts/ are found relative to the working directory.
    cwd: home,
    env: { ...process.env, MM_SERVICEENVIRONMENT: 'test' },
    logFile: join(dir, 'console.log'),
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor('Mattermost to answer /api/v4/system/ping', async () => {
    if (service.child.exitCode !== null) throw new Error(`mattermost exited with ${service.child.exitCode}; see ${join(dir, 'console.log')}`);
    const res = await fetch(`${url}/api/v4/system/ping`);
    return res.ok ? true : undefined;
  }, 180_000, 500);

  return {
    url,
    port,
    dir,
    logFile: join(dir, 'logs', 'mattermost.log'),
    pluginsDir: join(dir, 'plugins'),
    socket: join(dir, 'mm.sock'),
    pid: service.pid,
    async stop() {
      // A graceful stop spends ~7 s waiting for the job watcher; the data is
      // thrown away anyway, so give it 3 s and then SIGKILL the group.
      await service.stop(3_000);
      if (!process.env.OPENCLAW_KEEP_TMP) rmSync(dir, { recursive: true, force: true });
    },
  };
}
