// The webapp half of the plugin: Mattermost loads our bundle, which calls
// window.registerPlugin(id, new Plugin()); the host then calls initialize(registry, store).
import { registerAdminConsole } from './admin/register';
import type { AdminRegistry } from './admin/types';
import { BotIdentity } from './bot/bot-identity';
import { fetchBotUserId } from './bot/fetch-bot';
import { setSiteUrl } from './http/plugin-request';
import { registerInteractions, type InteractionsRegistry } from './interactions/register';
import { registerStreaming, type StreamingRegistry } from './streaming/register';

// Errors here are the plugin's, not the user's: they go to the console (where support looks).
const logError = (message: string): void => console.error(message);

/**
 * The parts of Mattermost's PluginRegistry (webapp/channels/src/plugins/registry.ts) we use;
 * grows as features land. Only documented methods, so the bundle runs in any Mattermost web client.
 */
export interface PluginRegistry extends AdminRegistry, StreamingRegistry, InteractionsRegistry {}

/** Mattermost's redux store: only the site URL (for Mattermost under a path) and who is signed in. */
export interface Store {
  getState(): { entities?: { general?: { config?: { SiteURL?: string } }; users?: { currentUserId?: string } } };
  dispatch(action: unknown): unknown;
}

export class Plugin {
  async initialize(registry: PluginRegistry, store: Store): Promise<void> {
    setSiteUrl(store.getState().entities?.general?.config?.SiteURL);
    const bot = new BotIdentity();
    void bot.load(fetchBotUserId, logError);
    registerStreaming(registry, {
      bot, currentUserId: () => store.getState().entities?.users?.currentUserId, dispatch: (action) => store.dispatch(action), logError,
    });
    registerInteractions(registry, bot);
    registerAdminConsole(registry);
  }

  uninitialize(): void {}
}
