// The OpenClaw plugin: composes features on top of the Mattermost runtime.
// Data flows one way: hook → feature → gateway → feature → Mattermost API.
import type { Hooks, PluginAPI } from './mattermost/plugin';
import { PLUGIN_ID, PLUGIN_VERSION } from './manifest';
import { commandCatalog, helpText } from './features/commands/catalog';
import { registerCommands, triggerOf } from './features/commands/register';
import { relayCommand, notConnectedText } from './features/commands/relay';
import { Router } from './features/http/router';
import { healthRoute } from './features/health/health-route';
import { recordActivation } from './features/health/activation-record';
import { systemAdminOnly } from './features/admin/system-admin';
import { GatewayConnection } from './features/gateway-link/connection';
import { KvDeviceStore } from './features/gateway-link/kv-device-store';
import { readPluginConfig } from './features/gateway-link/plugin-config';
import { serverLogger } from './features/logging/server-logger';
import { resetDeviceRoute, statusRoute } from './features/gateway-link/status-routes';
import { describeState } from './gateway';
import { readSiteUrl } from './features/site/site-url';

const BOT = { Username: 'openclaw', DisplayName: 'OpenClaw', Description: 'Relays your conversations to the OpenClaw gateway.' };

export function createPlugin(api: PluginAPI): Hooks {
  let serverVersion = '';
  let siteUrl = '';
  let botUserId = '';
  let activations = 0;
  const gatewayLog = serverLogger(api, 'gateway');
  const commandLog = serverLogger(api, 'commands');
  const connection = new GatewayConnection({
    store: new KvDeviceStore(api),
    logger: gatewayLog,
    displayName: () => `Mattermost ${siteUrl || '(site URL not set)'}`,
    clientVersion: PLUGIN_VERSION,
  });
  const relayDeps = { api, connection, botUserId: () => botUserId, logError: (m: string) => commandLog.error(m) };

  const router = new Router()
    .authenticated('GET', '/api/v1/health', healthRoute({
      pluginId: PLUGIN_ID,
      pluginVersion: PLUGIN_VERSION,
      serverVersion: () => serverVersion,
      activations: () => activations,
    }))
    .authenticated('GET', '/api/v1/status', systemAdminOnly(api, statusRoute(connection)))
    .authenticated('POST', '/api/v1/gateway/reset-device', systemAdminOnly(api, resetDeviceRoute(connection)));

  return {
    async onConfigurationChange() {
      // Before activation the bot is not there yet; onActivate applies the settings itself.
      if (botUserId) await connection.apply(readPluginConfig(await api.loadPluginConfiguration()));
    },

    async onActivate() {
      serverVersion = await api.getServerVersion();
      siteUrl = await readSiteUrl(api);
      botUserId = await api.ensureBotUser(BOT);
      await registerCommands(api, commandCatalog);
      activations = (await recordActivation(api)).count;
      await api.logInfo('plugin: OpenClaw plugin activated', { version: PLUGIN_VERSION, server: serverVersion, activations });
      await connection.apply(readPluginConfig(await api.loadPluginConfiguration()));
    },

    async onDeactivate() {
      await connection.stop();
    },

    async executeCommand(ctx, args) {
      const spec = commandCatalog.find((c) => c.trigger === triggerOf(args.Command));
      if (!spec) return { ResponseType: 'ephemeral', Text: `Unknown OpenClaw command /${triggerOf(args.Command)}. Try /oc_help.` };
      if (spec.trigger === 'oc_help' && connection.state.status !== 'connected') {
        return { ResponseType: 'ephemeral', Text: `${helpText(commandCatalog)}\n\n${notConnectedText(describeState(connection.state))}` };
      }
      // Answered asynchronously through an ephemeral post that is updated in place.
      relayCommand(relayDeps, ctx, args, spec).catch((err) => commandLog.error(`relaying /${spec.trigger} failed: ${(err as Error).message}`));
      return {};
    },

    serveHTTP: (ctx, req, res) => router.handle(ctx, req, res),
  };
}
