// The webapp half of the plugin: Mattermost loads our bundle, which calls
// window.registerPlugin(id, new Plugin()); the host then calls initialize(registry, store).
import type { ComponentType } from 'react';
import { registerStreaming } from './streaming/register';
import type { PostTypeProps } from './streaming/reply-post';

/**
 * The parts of Mattermost's PluginRegistry (webapp/channels/src/plugins/registry.ts) we use;
 * grows as features land. Only documented methods, so the bundle runs in any Mattermost web client.
 */
export interface PluginRegistry {
  registerPostTypeComponent(type: string, component: ComponentType<PostTypeProps>): string;
}

/** Mattermost's redux store; typed loosely until a feature needs state. */
export type Store = unknown;

export class Plugin {
  async initialize(registry: PluginRegistry, _store: Store): Promise<void> {
    registerStreaming(registry);
  }

  uninitialize(): void {}
}
