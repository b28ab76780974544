// The plugin's System Console settings, written through the admin API the way an admin's
// "Save" does; the plugin applies them live through OnConfigurationChange.
import type { Client4 } from '@mattermost/client';

/** The plugin's settings as Mattermost stores them (keys lower-cased). */
export interface OpenclawSettings {
  gatewayurl?: string;
  gatewaytoken?: string;
  gatewaypassword?: string;
  agentid?: string;
  gatewaycacertificate?: string;
  gatewaycertificatepin?: string;
  /** The feature settings (dmpolicy, streamingmode, …), by their lower-case keys. */
  [key: string]: string | number | boolean | undefined;
}

/** Replaces PluginSettings.Plugins.openclaw (PUT /api/v4/config). */
export async function setPluginSettings(admin: Client4, settings: OpenclawSettings): Promise<void> {
  const config = await admin.getConfig();
  const plugins = (config.PluginSettings.Plugins ?? {}) as Record<string, Record<string, unknown>>;
  plugins.openclaw = { ...settings };
  config.PluginSettings.Plugins = plugins as never;
  await admin.updateConfig(config);
}
