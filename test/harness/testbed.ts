// The test bed: PostgreSQL + Mattermost + an admin session, or an existing
// server named by MM_URL + MM_ADMIN_TOKEN. Everything a test needs to reach
// the server goes through the TestBed object.
import { client, bootstrapAdmin, type LoggedIn } from './clients';
import { startMattermost, type MattermostServer } from './mm-server';
import { startPostgres, type Postgres } from './postgres';

export interface TestBed {
  readonly url: string;
  readonly admin: LoggedIn;
  /** True when we started (and own) the server; false for MM_URL. */
  readonly local: boolean;
  /** Server version as reported by the X-Version-Id header's first part, e.g. "11.4.0". */
  readonly serverVersion: string;
  /** Local servers only: the JSON log, the plugins folder and the per-run folder. */
  readonly logFile?: string;
  readonly pluginsDir?: string;
  readonly dir?: string;
  /**
   * Local beds only: starts one more Mattermost server on the same database, as a cluster node
   * would run (its own config, files and plugin processes; shared users, posts and plugin KV).
   * Stopped with the bed.
   */
  startNode?(): Promise<ExtraNode>;
  stop(): Promise<void>;
}

export interface ExtraNode {
  readonly url: string;
  readonly admin: LoggedIn;
  readonly logFile: string;
  readonly pluginsDir: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Key in test/mattermost-server/pins.json; default: $MM_PIN or the file's default. */
  pin?: string;
}

async function versionOf(url: string): Promise<string> {
  const res = await fetch(`${url}/api/v4/system/ping`);
  return (res.headers.get('X-Version-Id') ?? '').split('.').slice(0, 3).join('.');
}

async function attachExisting(url: string, token: string): Promise<TestBed> {
  const c = client(url, token);
  const user = await c.getMe();
  if (!user.roles.includes('system_admin')) throw new Error(`MM_ADMIN_TOKEN belongs to ${user.username}, who is not a system admin`);
  return {
    url,
    admin: { user, token, client: c },
    local: false,
    serverVersion: await versionOf(url),
    logFile: process.env.MM_LOG_FILE,
    pluginsDir: process.env.MM_PLUGINS_DIR,
    stop: async () => undefined,
  };
}

export async function startTestBed(opts: StartOptions = {}): Promise<TestBed> {
  const existingUrl = process.env.MM_URL;
  if (existingUrl) {
    const token = process.env.MM_ADMIN_TOKEN;
    if (!token) throw new Error('MM_URL is set but MM_ADMIN_TOKEN is not: both are needed to use an existing server');
    return attachExisting(existingUrl.replace(/\/$/, ''), token);
  }

  let pg: Postgres | undefined;
  let mm: MattermostServer | undefined;
  const extra: MattermostServer[] = [];
  const stop = async (): Promise<void> => {
    // Mattermost first: it holds connections that would delay PostgreSQL's shutdown.
    await Promise.all([mm, ...extra].filter((server) => server !== undefined).map((server) => server.stop().catch(() => undefined)));
    await pg?.stop().catch(() => undefined);
  };
  try {
    pg = await startPostgres();
    mm = await startMattermost({ dataSource: pg.dataSource, pin: opts.pin });
    const admin = await bootstrapAdmin(mm.url);
    const dataSource = pg.dataSource;
    const startNode = async (): Promise<ExtraNode> => {
      const node = await startMattermost({ dataSource, pin: opts.pin });
      extra.push(node);
      // Sessions live in the shared database: the admin's token works on every node.
      return { url: node.url, admin: { ...admin, client: client(node.url, admin.token) }, logFile: node.logFile, pluginsDir: node.pluginsDir, stop: () => node.stop() };
    };
    return {
      startNode,
      url: mm.url,
      admin,
      local: true,
      serverVersion: await versionOf(mm.url),
      logFile: mm.logFile,
      pluginsDir: mm.pluginsDir,
      dir: mm.dir,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
