// Child processes of the test bed. Every service runs in its own process group
// so one signal stops it with all its children (Mattermost starts plugin
// processes; PostgreSQL forks backends). Each group also gets a tiny watchdog
// shell that kills it when this Node process disappears, so even a SIGKILLed
// jest run leaves nothing behind.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { openSync } from 'node:fs';

export interface Service {
  readonly name: string;
  readonly pid: number;
  readonly child: ChildProcess;
  /** Resolves once the process has exited. */
  readonly exited: Promise<number | null>;
  /** Signals the whole group (default SIGTERM), escalating to SIGKILL after timeoutMs. */
  stop(timeoutMs?: number, signal?: NodeJS.Signals): Promise<void>;
}

const live = new Set<Service>();

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

let hooksInstalled = false;
function installExitHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  // 'exit' handlers must be synchronous: SIGKILL the groups, no waiting.
  process.on('exit', () => {
    for (const s of live) killGroup(s.pid, 'SIGKILL');
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(sig, () => {
      // Someone else (npm start) handles this signal and stops services gracefully.
      if (process.listenerCount(sig) > 1) return;
      for (const s of live) killGroup(s.pid, 'SIGKILL');
      process.exit(130);
    });
  }
}

function startWatchdog(groupPid: number): void {
  const script = `while kill -0 ${process.pid} 2>/dev/null && kill -0 -${groupPid} 2>/dev/null; do sleep 1; done; kill -KILL -${groupPid} 2>/dev/null; exit 0`;
  const dog = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
  dog.unref();
}

export interface StartOptions extends Pick<SpawnOptions, 'cwd' | 'env'> {
  /** Both stdout and stderr are appended to this file. */
  logFile: string;
}

export function startService(name: string, cmd: string, args: string[], opts: StartOptions): Service {
  installExitHooks();
  const out = openSync(opts.logFile, 'a');
  const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, detached: true, stdio: ['ignore', out, out] });
  if (child.pid === undefined) throw new Error(`could not start ${name} (${cmd})`);
  const pid = child.pid;
  startWatchdog(pid);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const service: Service = {
    name,
    pid,
    child,
    exited,
    async stop(timeoutMs = 15_000, signal: NodeJS.Signals = 'SIGTERM') {
      killGroup(pid, signal);
      const timer = setTimeout(() => killGroup(pid, 'SIGKILL'), timeoutMs);
      await exited;
      clearTimeout(timer);
      // Stragglers (e.g. plugin processes that ignored SIGTERM).
      killGroup(pid, 'SIGKILL');
      live.delete(service);
    },
  };
  live.add(service);
  void exited.then(() => live.delete(service));
  return service;
}

/** Runs a command to completion; rejects with its output when it fails. */
export function runCommand(cmd: string, args: string[], opts: Pick<SpawnOptions, 'cwd' | 'env'> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}:\n${output}`)),
    );
  });
}
