// The webapp half of the plugin: Mattermost loads our bundle, which calls
// window.registerPlugin(id, new Plugin()); the host then calls initialize(registry, store).
import type { ComponentType } from 'react';
import { registerAdminConsole } from './admin/register';
import type { AdminRegistry } from './admin/types';
import { registerStreaming } from './streaming/register';
import type { PostTypeProps } from './streaming/reply-post';

/**
 * The parts of Mattermost's PluginRegistry (webapp/channels/src/plugins/registry.ts) we use;
 * grows as features land. Only documented methods, so the bundle runs in any Mattermost web client.
 */
export interface PluginRegistry extends AdminRegistry {
  registerPostTypeComponent(type: string, component: ComponentType<PostTypeProps>): string;
}

/** Mattermost's redux store: only the site URL is read (for Mattermost under a path). */
export interface Store {
  getState(): { entities?: { general?: { config?: { SiteURL?: string } } } };
}

export class Plugin {
  async initialize(registry: PluginRegistry, store: Store): Promise<void> {
    registerStreaming(registry);
    registerAdminConsole(registry, store.getState().entities?.general?.config?.SiteURL);
  }

  uninitialize(): void {}
}
