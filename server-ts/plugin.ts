// The OpenClaw plugin: composes features on top of the Mattermost runtime.
import type { Hooks, PluginAPI } from './mattermost/plugin';
import { PLUGIN_ID, PLUGIN_VERSION } from './manifest';
import { commandCatalog, helpText } from './features/commands/catalog';
import { registerCommands, triggerOf } from './features/commands/register';
import { Router } from './features/http/router';
import { healthRoute } from './features/health/health-route';
import { recordActivation } from './features/health/activation-record';

const BOT = { Username: 'openclaw', DisplayName: 'OpenClaw', Description: 'Relays your conversations to the OpenClaw gateway.' };

export function createPlugin(api: PluginAPI): Hooks {
  let serverVersion = '';
  let activations = 0;
  // Until the gateway link lands only /oc_help is registered; it answers locally.
  const localCommands = commandCatalog.filter((c) => c.trigger === 'oc_help');
  const router = new Router().authenticated('GET', '/api/v1/health', healthRoute({
    pluginId: PLUGIN_ID,
    pluginVersion: PLUGIN_VERSION,
    serverVersion: () => serverVersion,
    activations: () => activations,
  }));

  return {
    async onActivate() {
      serverVersion = await api.getServerVersion();
      await api.ensureBotUser(BOT);
      await registerCommands(api, localCommands);
      activations = (await recordActivation(api)).count;
      await api.logInfo('OpenClaw plugin activated', { version: PLUGIN_VERSION, server: serverVersion, activations });
    },

    async executeCommand(_ctx, args) {
      const trigger = triggerOf(args.Command);
      if (trigger === 'oc_help') return { ResponseType: 'ephemeral', Text: helpText(localCommands) };
      return { ResponseType: 'ephemeral', Text: `Unknown OpenClaw command /${trigger}. Try /oc_help.` };
    },

    serveHTTP: (ctx, req, res) => router.handle(ctx, req, res),
  };
}
