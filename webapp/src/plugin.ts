// The webapp half of the plugin: Mattermost loads our bundle, which calls
// window.registerPlugin(id, new Plugin()); the host then calls initialize(registry, store).
import { registerAdminConsole } from './admin/register';
import type { AdminRegistry } from './admin/types';
import { setSiteUrl } from './http/plugin-request';
import { registerStreaming, type StreamingRegistry } from './streaming/register';

/**
 * The parts of Mattermost's PluginRegistry (webapp/channels/src/plugins/registry.ts) we use;
 * grows as features land. Only documented methods, so the bundle runs in any Mattermost web client.
 */
export interface PluginRegistry extends AdminRegistry, StreamingRegistry {}

/** Mattermost's redux store: only the site URL (for Mattermost under a path) and who is signed in. */
export interface Store {
  getState(): { entities?: { general?: { config?: { SiteURL?: string } }; users?: { currentUserId?: string } } };
}

export class Plugin {
  async initialize(registry: PluginRegistry, store: Store): Promise<void> {
    setSiteUrl(store.getState().entities?.general?.config?.SiteURL);
    registerStreaming(registry, () => store.getState().entities?.users?.currentUserId);
    registerAdminConsole(registry);
  }

  uninitialize(): void {}
}
