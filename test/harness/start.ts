// `npm start`: a local stack for trying the plugin by hand. PostgreSQL +
// Mattermost (built from the pinned module on first use) + the dist/ bundle
// installed and enabled + demo users. Ctrl-C stops everything.
import { createWorld, DEFAULT_PASSWORD } from './clients';
import { keepLogs } from './keep-logs';
import { distBundlePath, readDistBundle } from './bundles';
import { installPlugin } from './plugin';
import { startTestBed } from './testbed';
import { gatewayLines, startGateway } from './start-gateway';
import type { Bed } from '../gateway-bed/bed.cjs';
import { startBrowserBed, type BrowserBed } from '../browser-bed/server/serve';
import type { Client4 } from '@mattermost/client';

/** The page's port: fixed so a bookmark keeps working, unless taken. */
const WEB_PORT = Number(process.env.OPENCLAW_WEB_PORT ?? 8066);

/** admin: points the server's SiteURL at the page (see serve.ts); omitted for a server we do not own. */
async function startWebPage(url: string, admin: Client4 | undefined): Promise<BrowserBed> {
  try {
    return await startBrowserBed({ mattermostUrl: url, admin, port: WEB_PORT });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    return startBrowserBed({ mattermostUrl: url, admin });
  }
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const bed = await startTestBed({ pin: process.env.MM_PIN });
  let gateway: Bed | undefined;
  let web: BrowserBed | undefined;
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('\nstopping the gateway, Mattermost and PostgreSQL...\n');
    await web?.stop().catch(() => undefined);
    await gateway?.stop().catch(() => undefined);
    const kept = keepLogs(bed.dir, `npm-start-${new Date().toISOString()}`);
    await bed.stop();
    if (kept) process.stdout.write(`logs kept in ${kept}\n`);
    process.exit(0);
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => void stop());

  try {
    const world = await createWorld(bed.url, bed.admin, { suffix: bed.local ? '' : undefined });
    let pluginLine: string;
    try {
      const bundle = distBundlePath();
      const status = await installPlugin(bed.admin.client, readDistBundle(), { logFile: bed.logFile });
      pluginLine = `plugin:     ${status.plugin_id} ${status.version ?? ''} running (from ${bundle})`;
    } catch (err) {
      pluginLine = `plugin:     NOT installed - ${err instanceof Error ? err.message : String(err)}`;
    }
    let gatewayInfo: string[];
    try {
      gateway = await startGateway(bed.admin.client);
      gatewayInfo = gatewayLines(gateway);
    } catch (err) {
      gatewayInfo = [`gateway:    NOT started - ${err instanceof Error ? err.message : String(err)}`];
    }
    let webLines: string[];
    try {
      web = await startWebPage(bed.url, bed.local ? bed.admin.client : undefined);
      webLines = [
        `web page:   ${web.url}  <- open this, sign in as a user below, then DM @openclaw or type /oc_status`,
        '            (a small host page that loads the plugin\'s webapp like the Mattermost web client; test/browser-bed/README.md)',
      ];
    } catch (err) {
      webLines = [`web page:   NOT started - ${err instanceof Error ? err.message : String(err)}`];
    }
    const lines = [
      '',
      `Mattermost ${bed.serverVersion} is up at ${bed.url}  (started in ${Math.round((Date.now() - t0) / 1000)} s)`,
      pluginLine,
      ...webLines,
      ...gatewayInfo,
      `admin:      ${bed.admin.user.username} / ${bed.local ? DEFAULT_PASSWORD : '(your token)'}`,
      ...world.users.map((u) => `user:       ${u.user.username} / ${DEFAULT_PASSWORD}`),
      `team:       ${world.team.name}   channels: ${world.channel.name}, ${world.privateChannel.name} (private), DM alice<->bob`,
      bed.logFile ? `server log: ${bed.logFile}  (JSON lines; plugin lines have "plugin_id":"openclaw")` : '',
      bed.dir ? `local mode: mmctl --local (MMCTL_LOCAL_SOCKET_PATH=${bed.dir}/mm.sock)` : '',
      'The server has no web client of its own (its root answers "open root.html"); use the web page above, or the API:',
      `  curl -s -H "Authorization: Bearer ${world.users[0]?.token}" ${bed.url}/plugins/openclaw/api/v1/health`,
      '',
      'Ctrl-C stops everything.',
    ];
    process.stdout.write(lines.filter((l) => l !== '').join('\n') + '\n');
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    await stop();
  }
  // Keep the event loop alive until a signal arrives.
  setInterval(() => undefined, 1 << 30);
}

void main().catch((err: unknown) => {
  process.stderr.write(`npm start failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
