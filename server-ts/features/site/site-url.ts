// The server's public URL, shown to the OpenClaw operator when the plugin asks to be paired.
import { z } from 'zod';
import type { PluginAPI } from '../../mattermost/plugin';

const SiteConfig = z.object({ ServiceSettings: z.object({ SiteURL: z.string().nullish() }).partial().nullish() }).partial();

export async function readSiteUrl(api: Pick<PluginAPI, 'getConfig'>): Promise<string> {
  const parsed = SiteConfig.safeParse(await api.getConfig());
  return parsed.success ? (parsed.data.ServiceSettings?.SiteURL ?? '') : '';
}
