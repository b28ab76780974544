// The webapp half of the plugin. It registers nothing yet; preview-streaming components
// arrive in later changes. Keeping the class in place means the host loads and initializes
// our bundle today, so packaging problems surface now rather than with the first feature.

/** The parts of Mattermost's PluginRegistry we use; grows as features land. */
export type PluginRegistry = Record<string, unknown>;

/** Mattermost's redux store; typed loosely until a feature needs state. */
export type Store = unknown;

export class Plugin {
  async initialize(_registry: PluginRegistry, _store: Store): Promise<void> {}

  uninitialize(): void {}
}
