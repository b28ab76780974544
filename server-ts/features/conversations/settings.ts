// The conversation settings of the System Console (plugin.json settings_schema), read from
// LoadPluginConfiguration. Keys match case-insensitively (older configs carry lower-cased
// keys). A bad value never disables the feature: it falls back to its safe default and the
// problem is reported in the plugin status.
import { z } from 'zod';

export const DM_POLICIES = ['pairing', 'allowlist', 'open', 'disabled'] as const;
export const CHANNEL_POLICIES = ['allowlist', 'open', 'disabled'] as const;
export const CHAT_MODES = ['oncall', 'onmessage', 'onchar'] as const;
export const REPLY_TO_MODES = ['off', 'first', 'all'] as const;

export type DmPolicy = (typeof DM_POLICIES)[number];
export type ChannelPolicy = (typeof CHANNEL_POLICIES)[number];
export type ChatMode = (typeof CHAT_MODES)[number];
export type ReplyToMode = (typeof REPLY_TO_MODES)[number];

export interface ConversationSettings {
  dmPolicy: DmPolicy;
  /** Raw allowlist text as typed; resolved to ids by the allowlist resolver. */
  dmAllowlist: string;
  channelPolicy: ChannelPolicy;
  channelAllowlist: string;
  chatMode: ChatMode;
  oncharPrefixes: string[];
  /** Raw override lines; parsed by channel-overrides. */
  channelOverrides: string;
  allowBots: boolean;
  replyToMode: ReplyToMode;
  queueExpiryMinutes: number;
}

export const DEFAULT_SETTINGS: ConversationSettings = {
  dmPolicy: 'pairing',
  dmAllowlist: '',
  channelPolicy: 'allowlist',
  channelAllowlist: '',
  chatMode: 'oncall',
  oncharPrefixes: ['>', '!'],
  channelOverrides: '',
  allowBots: false,
  replyToMode: 'off',
  queueExpiryMinutes: 15,
};

const MAX_TEXT = 20_000;
const scalar = (v: unknown): unknown => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : v);
const text = z.preprocess((v) => (v === null || v === undefined ? undefined : scalar(v)), z.string().max(MAX_TEXT).optional());
const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v), z.enum(values).optional());
const bool = z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean().optional());
const minutes = z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v), z.number().int().min(1).max(24 * 60).optional());

/** One schema per key, so one bad field falls back alone. */
const FIELDS = {
  dmpolicy: choice(DM_POLICIES),
  dmallowlist: text,
  channelpolicy: choice(CHANNEL_POLICIES),
  channelallowlist: text,
  chatmode: choice(CHAT_MODES),
  oncharprefixes: text,
  channeloverrides: text,
  allowbots: bool,
  replytomode: choice(REPLY_TO_MODES),
  queueexpiryminutes: minutes,
} as const;

const DISPLAY: Record<keyof typeof FIELDS, string> = {
  dmpolicy: 'DM policy', dmallowlist: 'DM allowlist', channelpolicy: 'Channel policy', channelallowlist: 'Channel allowlist',
  chatmode: 'Chat mode', oncharprefixes: 'Trigger prefixes', channeloverrides: 'Per-channel overrides', allowbots: 'Answer bots and webhooks',
  replytomode: 'Reply threading', queueexpiryminutes: 'Queue expiry (minutes)',
};

export interface SettingsRead {
  settings: ConversationSettings;
  /** Human-readable problems ("Chat mode: … ; using oncall"), for the status. */
  problems: string[];
}

export function readConversationSettings(raw: unknown): SettingsRead {
  const lowered: Record<string, unknown> = {};
  if (raw && typeof raw === 'object') for (const [k, v] of Object.entries(raw)) lowered[k.toLowerCase()] = v;
  const problems: string[] = [];
  const get = <K extends keyof typeof FIELDS>(key: K): z.infer<(typeof FIELDS)[K]> | undefined => {
    const v = lowered[key];
    if (v === undefined || v === null || v === '') return undefined;
    const parsed = FIELDS[key].safeParse(v);
    if (parsed.success) return parsed.data as z.infer<(typeof FIELDS)[K]>;
    problems.push(`${DISPLAY[key]}: ${JSON.stringify(v)?.slice(0, 40) ?? 'this value'} is not valid; using the default`);
    return undefined;
  };
  const d = DEFAULT_SETTINGS;
  const prefixes = get('oncharprefixes');
  return {
    settings: {
      dmPolicy: get('dmpolicy') ?? d.dmPolicy,
      dmAllowlist: get('dmallowlist') ?? d.dmAllowlist,
      channelPolicy: get('channelpolicy') ?? d.channelPolicy,
      channelAllowlist: get('channelallowlist') ?? d.channelAllowlist,
      chatMode: get('chatmode') ?? d.chatMode,
      oncharPrefixes: prefixes === undefined ? d.oncharPrefixes : parsePrefixes(prefixes),
      channelOverrides: get('channeloverrides') ?? d.channelOverrides,
      allowBots: get('allowbots') ?? d.allowBots,
      replyToMode: get('replytomode') ?? d.replyToMode,
      queueExpiryMinutes: get('queueexpiryminutes') ?? d.queueExpiryMinutes,
    },
    problems,
  };
}

/** "> , !" → [">", "!"]; commas or whitespace separate prefixes. */
export function parsePrefixes(value: string): string[] {
  return [...new Set(value.split(/[\s,]+/).map((p) => p.trim()).filter((p) => p.length > 0 && p.length <= 8))].slice(0, 16);
}
