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
import { consoleRoutes } from './features/admin/console-routes';
import { consoleRoute } from './features/admin/console-route';
import { botRoute } from './features/streaming/bot-route';
import { StateHistory } from './features/gateway-link/state-history';
import { describeState } from './gateway';
import { readSiteUrl } from './features/site/site-url';
import { createConversationFeature } from './features/conversations/wiring';
import { pairingCommand, pairingCommandSpec } from './features/commands/pairing-command';
import { registeredCommands } from './features/commands/help-commands';
import { stopCommand, stopCommandSpec } from './features/commands/stop-command';
import { SkillCommands } from './features/commands/skill-commands';
import { skillCommandsEnabled } from './features/commands/skill-setting';
import { createStreamingFeature } from './features/streaming/wiring';
import { createInteractionsFeature } from './features/interactions/wiring';
import { CLICK_PATH } from './features/interactions/signed-buttons';
import { DIALOG_PATH } from './features/interactions/dialog-route';
import { DEFAULT_CAPS, EXEC_APPROVAL_CAP } from './gateway';
import { AutocompleteLists } from './features/commands/autocomplete-lists';
import { autocompleteRoute } from './features/commands/autocomplete-route';
import { AUTOCOMPLETE_PATH } from './features/commands/autocomplete';
import { AUTOCOMPLETE_LISTS } from './features/commands/catalog';
import { sessionResetRefusal } from './features/commands/session-reset';
import { createModelPicker } from './features/model-picker/wiring';
import { MODEL_DIALOG_PATH } from './features/model-picker/dialog-route';

const BOT = { Username: 'openclaw', DisplayName: 'OpenClaw', Description: 'Relays your conversations to the OpenClaw gateway.' };

export function createPlugin(api: PluginAPI): Hooks {
  let serverVersion = '';
  let siteUrl = '';
  let botUserId = '';
  let activations = 0;
  const gatewayLog = serverLogger(api, 'gateway');
  const commandLog = serverLogger(api, 'commands');
  const deviceStore = new KvDeviceStore(api);
  const connection = new GatewayConnection({
    store: deviceStore,
    logger: gatewayLog,
    displayName: () => `Mattermost ${siteUrl || '(site URL not set)'}`,
    clientVersion: PLUGIN_VERSION,
    // Approvals of our runs come to us (instead of the gateway denying them for lack of a route).
    caps: [...DEFAULT_CAPS, EXEC_APPROVAL_CAP],
  });
  const router = new Router();
  const streaming = createStreamingFeature(api, connection, { botUserId: () => botUserId, log: serverLogger(api, 'streaming'), router });
  const conversations = createConversationFeature(api, connection, {
    botUserId: () => botUserId, botUsername: BOT.Username, log: serverLogger(api, 'conversations'), presenter: streaming.presenter,
  });
  const lists = new AutocompleteLists({ link: () => connection.current, agentId: () => connection.agentId });
  const picker = createModelPicker(api, connection, { lists, pluginId: PLUGIN_ID, botUserId: () => botUserId, log: serverLogger(api, 'model-picker') });
  const interactions = createInteractionsFeature(api, connection, {
    pluginId: PLUGIN_ID, botUserId: () => botUserId, log: serverLogger(api, 'interactions'), clickHandlers: [picker.clickHandler],
    runStarter: (runId) => conversations.conversations.starters.lookup(runId),
  });

  const skills = new SkillCommands({
    api, link: () => connection.current, agentId: () => connection.agentId, log: commandLog,
    reserved: new Set(registeredCommands.map((c) => c.trigger)),
  });
  const relayDeps = { api, connection, botUserId: () => botUserId, logError: (m: string) => commandLog.error(m), skillCommands: () => skills.list() };
  const history = new StateHistory();
  connection.onStateChange((state) => {
    history.record(state);
    if (state.status === 'connected') void skills.refresh();
  });
  router
    .authenticated('GET', '/api/v1/health', healthRoute({
      pluginId: PLUGIN_ID,
      pluginVersion: PLUGIN_VERSION,
      serverVersion: () => serverVersion,
      activations: () => activations,
    }))
    .authenticated('GET', '/api/v1/bot', botRoute(() => botUserId))
    .authenticated('GET', '/api/v1/status', systemAdminOnly(api, statusRoute(connection, () => ({ ...history.snapshot(), conversations: conversations.conversations.status(), streaming: streaming.status(), interactions: interactions.status() }))))
    .authenticated('GET', '/api/v1/conversations/stats', systemAdminOnly(api, conversations.statsRoute))
    .authenticated('POST', '/api/v1/conversations/stats/reset', systemAdminOnly(api, conversations.statsResetRoute))
    .authenticated('POST', '/api/v1/gateway/reset-device', consoleRoute(api, resetDeviceRoute(connection)))
    .authenticated('POST', CLICK_PATH, interactions.clickRoute)
    .authenticated('POST', MODEL_DIALOG_PATH, picker.dialogRoute)
    .authenticated('POST', DIALOG_PATH, interactions.dialogRoute)
    .authenticated('GET', '/api/v1/interactions/script-secret', systemAdminOnly(api, interactions.scriptSecretRoute));
  for (const list of AUTOCOMPLETE_LISTS) {
    router.authenticated('GET', `${AUTOCOMPLETE_PATH}/${list}`, autocompleteRoute({ api, lists, agentId: () => connection.agentId, logDebug: (m) => commandLog.debug(m) }, list));
  }
  consoleRoutes(router, api, { pairing: conversations.pairingDeps, store: deviceStore, displayName: () => `Mattermost ${siteUrl || '(site URL not set)'}`, clientVersion: PLUGIN_VERSION });

  return {
    ...conversations.hooks,

    notificationWillBePushed: async (notification, userId) => streaming.willBePushed(notification, userId),

    async onConfigurationChange() {
      // Before activation the bot is not there yet; onActivate applies the settings itself.
      if (!botUserId) return;
      const raw = await api.loadPluginConfiguration();
      await connection.apply(readPluginConfig(raw));
      streaming.configure(raw);
      interactions.configure(raw);
      await conversations.configure(raw);
      await skills.setEnabled(skillCommandsEnabled(raw));
    },

    async onActivate() {
      serverVersion = await api.getServerVersion();
      siteUrl = await readSiteUrl(api);
      botUserId = await api.ensureBotUser(BOT);
      await registerCommands(api, registeredCommands);
      activations = (await recordActivation(api)).count;
      await api.logInfo('plugin: OpenClaw plugin activated', { version: PLUGIN_VERSION, server: serverVersion, activations });
      const raw = await api.loadPluginConfiguration();
      interactions.configure(raw);
      await connection.apply(readPluginConfig(raw));
      streaming.configure(raw);
      await conversations.activate(raw);
      streaming.activate();
      await skills.setEnabled(skillCommandsEnabled(raw));
      skills.start();
    },

    async onDeactivate() {
      interactions.deactivate();
      streaming.deactivate();
      skills.stop();
      await conversations.deactivate();
      await connection.stop();
    },

    async executeCommand(ctx, args) {
      if (triggerOf(args.Command) === pairingCommandSpec.trigger) return pairingCommand(conversations.pairingDeps, args);
      if (triggerOf(args.Command) === stopCommandSpec.trigger) return stopCommand(relayDeps, args);
      const spec = commandCatalog.find((c) => c.trigger === triggerOf(args.Command)) ?? skills.find(triggerOf(args.Command));
      if (!spec) return { ResponseType: 'ephemeral', Text: `Unknown OpenClaw command /${triggerOf(args.Command)}. Try /oc_help.` };
      const resetsOff = sessionResetRefusal(spec.trigger, connection.requestedScopes);
      if (resetsOff) return { ResponseType: 'ephemeral', Text: resetsOff };
      const picked = await picker.command(args);
      if (picked) return picked;
      if (spec.trigger === 'oc_help' && connection.state.status !== 'connected') {
        return { ResponseType: 'ephemeral', Text: `${helpText([...registeredCommands, ...skills.list()])}\n\n${notConnectedText(describeState(connection.state))}` };
      }
      // Answered asynchronously through an ephemeral post that is updated in place.
      relayCommand(relayDeps, ctx, args, spec).catch((err) => commandLog.error(`relaying /${spec.trigger} failed: ${(err as Error).message}`));
      return {};
    },

    serveHTTP: (ctx, req, res) => router.handle(ctx, req, res),
  };
}
