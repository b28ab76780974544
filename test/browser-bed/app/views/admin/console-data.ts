// The plugin settings page's data, as Mattermost's System Console reads and writes it: the
// manifest's settings_schema from GET /api/v4/plugins, the values from the server config under
// PluginSettings.Plugins[<plugin id>][<lower-cased key>] (secrets come back masked and are kept by
// the server when saved unchanged), saved with PUT /api/v4/config.
import type { AdminConfig } from '@mattermost/types/config';
import type { PluginManifest, PluginSetting } from '@mattermost/types/plugins';
import { client } from '../../client';

export type Values = Record<string, unknown>;

export interface ConsoleData {
  manifest: PluginManifest;
  active: boolean;
  values: Values;
  /** The saved server config: what Mattermost passes custom settings as `config` (not the edits). */
  config: AdminConfig;
}

export const settingsOf = (m: PluginManifest): PluginSetting[] =>
  m.settings_schema?.sections?.flatMap((s) => s.settings) ?? m.settings_schema?.settings ?? [];

/** Mattermost's id for a plugin setting, which custom components pass back to onChange. */
export const settingId = (pluginId: string, key: string): string => `PluginSettings.Plugins.${pluginId}.${key.toLowerCase()}`;
export const keyOfId = (id: string): string => id.split('.').pop() ?? id;

export async function loadConsole(pluginId: string): Promise<ConsoleData> {
  const [plugins, config] = await Promise.all([client.getPlugins(), client.getConfig()]);
  const active = plugins.active.find((m) => m.id === pluginId);
  const manifest = active ?? plugins.inactive.find((m) => m.id === pluginId);
  if (!manifest) throw new Error(`plugin ${pluginId} is not installed`);
  const stored = (config.PluginSettings.Plugins?.[pluginId] ?? {}) as Values;
  const values: Values = {};
  for (const s of settingsOf(manifest)) {
    const key = s.key.toLowerCase();
    values[key] = key in stored ? stored[key] : (s.default as unknown);
  }
  return { manifest, active: Boolean(active), values, config };
}

export async function saveConsole(pluginId: string, values: Values): Promise<void> {
  const config = await client.getConfig();
  const plugins = (config.PluginSettings.Plugins ?? {}) as Record<string, Values>;
  plugins[pluginId] = { ...plugins[pluginId], ...values };
  config.PluginSettings.Plugins = plugins as typeof config.PluginSettings.Plugins;
  await client.updateConfig(config);
}
