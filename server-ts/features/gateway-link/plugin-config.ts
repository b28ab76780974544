// The plugin's System Console settings as LoadPluginConfiguration returns them (JSON of
// PluginSettings.Plugins["openclaw"]). Keys are matched case-insensitively, as Go plugins
// do, because older config files may carry lower-cased keys.
import { z } from 'zod';
import type { RawGatewaySettings } from '../../gateway';

/** Numbers and booleans read as their text; anything else as JSON, so an error can show what was there. */
function asText(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

const text = z.preprocess(asText, z.string().optional());

const PluginConfigSchema = z.object({
  gatewayurl: text,
  gatewaytoken: text,
  gatewaypassword: text,
  agentid: text,
  gatewaycacertificate: text,
  gatewaycertificatepin: text,
  allowsessionresets: text,
});

export type PluginConfig = z.infer<typeof PluginConfigSchema>;

export function readPluginConfig(raw: unknown): PluginConfig {
  const lowered: Record<string, unknown> = {};
  if (raw && typeof raw === 'object') for (const [k, v] of Object.entries(raw)) lowered[k.toLowerCase()] = v;
  return PluginConfigSchema.parse(lowered);
}

/** The opt-in for /oc_new: the link then asks for operator.admin (a scope upgrade the operator approves). */
export function allowsSessionResets(config: PluginConfig): boolean {
  return config.allowsessionresets?.trim().toLowerCase() === 'true';
}

/** Nothing entered yet: the link stays disabled instead of reporting errors. */
export function isUnconfigured(config: PluginConfig): boolean {
  return !config.gatewayurl?.trim() && !config.gatewaytoken?.trim() && !config.gatewaypassword?.trim();
}

export function toGatewaySettings(config: PluginConfig): RawGatewaySettings {
  return {
    gatewayUrl: config.gatewayurl,
    gatewayToken: config.gatewaytoken,
    gatewayPassword: config.gatewaypassword,
    agentId: config.agentid,
    tlsCaPem: config.gatewaycacertificate,
    tlsCertSha256: config.gatewaycertificatepin,
  };
}
