// A throw-away PostgreSQL cluster in a temp folder, listening on 127.0.0.1 only.
// PostgreSQL refuses to run as root, and CI runs as root: in that case the
// cluster belongs to the `postgres` OS user (created by the Debian package)
// and every server-side command goes through runuser.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitFor } from './net';
import { runCommand, startService, type Service } from './proc';

export interface Postgres {
  readonly port: number;
  readonly dataSource: string;
  readonly dir: string;
  stop(): Promise<void>;
}

const DB_USER = 'mmuser';
const DB_NAME = 'mattermost';
const isRoot = (): boolean => process.getuid?.() === 0;

/** Finds the newest installed server binaries; installs Debian's package when none (root only). */
export async function postgresBinDir(): Promise<string> {
  const find = (): string | undefined => {
    const base = '/usr/lib/postgresql';
    if (!existsSync(base)) return undefined;
    const versions = readdirSync(base)
      .filter((v) => existsSync(join(base, v, 'bin', 'postgres')))
      .sort((a, b) => Number(b) - Number(a));
    return versions[0] ? join(base, versions[0], 'bin') : undefined;
  };
  const found = process.env.PG_BIN ?? find();
  if (found) return found;
  if (!isRoot()) throw new Error('PostgreSQL server not found: run `sudo apt-get install -y postgresql` or set PG_BIN');
  process.stderr.write('[testbed] installing PostgreSQL (apt-get install postgresql)\n');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await runCommand('apt-get', ['update'], { env });
  await runCommand('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql'], { env });
  const installed = find();
  if (!installed) throw new Error('apt-get installed postgresql but no /usr/lib/postgresql/*/bin/postgres was found');
  return installed;
}

function asDbOwner(cmd: string, args: string[]): [string, string[]] {
  return isRoot() ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
}

export async function startPostgres(): Promise<Postgres> {
  const bin = await postgresBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'ocpg-'));
  if (isRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  // trust auth: the cluster is reachable only from loopback and lives for one run.
  const [initCmd, initArgs] = asDbOwner(join(bin, 'initdb'), ['-D', data, '-U', DB_USER, '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  await runCommand(initCmd, initArgs);

  const port = await freePort();
  const [cmd, args] = asDbOwner(join(bin, 'postgres'), [
    '-D', data, '-p', String(port),
    '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${dir}`,
    // Durability is worthless for a throw-away cluster; speed is not.
    '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off',
    '-c', 'max_connections=200',
  ]);
  const service: Service = startService('postgres', cmd, args, { logFile: join(dir, 'postgres.log') });
  const psql = join(bin, 'psql');
  await waitFor('PostgreSQL to accept connections', async () => {
    if (service.child.exitCode !== null) throw new Error(`postgres exited; see ${join(dir, 'postgres.log')}`);
    await runCommand(psql, ['-h', '127.0.0.1', '-p', String(port), '-U', DB_USER, '-d', 'postgres', '-c', 'select 1']);
    return true;
  }, 30_000);
  await runCommand(psql, ['-h', '127.0.0.1', '-p', String(port), '-U', DB_USER, '-d', 'postgres', '-c', `create database ${DB_NAME}`]);

  return {
    port,
    dir,
    dataSource: `postgres://${DB_USER}@127.0.0.1:${port}/${DB_NAME}?sslmode=disable&connect_timeout=10`,
    async stop() {
      // SIGINT = PostgreSQL's "fast" shutdown: no waiting for sessions to end.
      await service.stop(15_000, 'SIGINT');
      if (!process.env.OPENCLAW_KEEP_TMP) rmSync(dir, { recursive: true, force: true });
    },
  };
}
