// The relay decision: does this post go to the agent, and with which text? Pure and
// synchronous: everything it needs (channel facts, bot membership, settings) comes from
// caches, so a post that is not for the agent costs microseconds and no API call.
// Access control (policies, allowlists, pairing) is the next step, for posts that pass.
import { overrideFor, type ChannelOverrides } from './channel-overrides';
import { matchingPrefix, stripPrefix, type MentionMatcher } from './mention';
import type { ChatMode } from './settings';

export interface PostFacts {
  id: string;
  userId: string;
  channelId: string;
  rootId: string;
  message: string;
  /** Mattermost post type: '' for a normal post, system_* / custom_* otherwise. */
  type: string;
  editAt: number;
  deleteAt: number;
  fromBot: boolean;
  fromWebhook: boolean;
  fromPlugin: boolean;
  fileIds: string[];
}

export type ChannelType = 'O' | 'P' | 'D' | 'G';

export interface ChannelFacts {
  id: string;
  type: ChannelType;
  name: string;
  teamId: string;
  teamName?: string;
  /** Whether the bot is a member (for a DM: whether it is one of the two people). */
  botIsMember: boolean;
}

export interface DecideConfig {
  botUserId: string;
  mention: MentionMatcher;
  chatMode: ChatMode;
  oncharPrefixes: readonly string[];
  allowBots: boolean;
  overrides: ChannelOverrides;
}

export type IgnoreReason =
  | 'own-post' | 'system' | 'edited' | 'deleted' | 'bot' | 'webhook' | 'empty'
  | 'not-member' | 'not-addressed' | 'channel-off';

export type Trigger = 'dm' | 'mention' | 'prefix' | 'message';

export type Decision =
  | { relay: false; reason: IgnoreReason }
  | { relay: true; trigger: Trigger; text: string };

// One frozen object per reason: the hot path allocates nothing to say "not for us".
const IGNORED = new Map<IgnoreReason, Decision>();
const ignore = (reason: IgnoreReason): Decision => {
  let d = IGNORED.get(reason);
  if (!d) IGNORED.set(reason, (d = Object.freeze({ relay: false, reason })));
  return d;
};

/** What can be decided from the post alone, before any channel lookup. */
export function quickIgnore(post: PostFacts, cfg: Pick<DecideConfig, 'botUserId' | 'allowBots'>): IgnoreReason | undefined {
  if (post.userId === cfg.botUserId) return 'own-post'; // never answer ourselves: no loops
  if (post.type !== '') return 'system';
  if (post.deleteAt > 0) return 'deleted';
  if (post.editAt > 0) return 'edited';
  if (!cfg.allowBots) {
    if (post.fromWebhook) return 'webhook';
    if (post.fromBot || post.fromPlugin) return 'bot';
  }
  if (post.fileIds.length === 0 && post.message.trim() === '') return 'empty';
  return undefined;
}

/**
 * What the channel decides with the message alone, before the post's other facts are read:
 * the hook's early out for most of a server's posts (channels the bot is not in, chatter that
 * neither names the bot nor starts with a prefix where that is what counts). `decide` applies
 * the same rules, so the early out never ignores a post that `decide` would relay.
 */
export function channelIgnores(channel: ChannelFacts, message: string, cfg: Pick<DecideConfig, 'chatMode' | 'overrides' | 'mention' | 'oncharPrefixes'>): IgnoreReason | undefined {
  if (!channel.botIsMember) return 'not-member';
  if (channel.type === 'D') return undefined;
  const mode = overrideFor(cfg.overrides, channel) ?? cfg.chatMode;
  if (mode === 'off') return 'channel-off';
  if (mode === 'onmessage' || cfg.mention.mayMention(message)) return undefined;
  if (mode === 'onchar' && matchingPrefix(message, cfg.oncharPrefixes) !== undefined) return undefined;
  return 'not-addressed';
}

export function decide(post: PostFacts, channel: ChannelFacts, cfg: DecideConfig): Decision {
  const quick = quickIgnore(post, cfg) ?? channelIgnores(channel, post.message, cfg);
  if (quick) return ignore(quick);
  const keep = (text: string) => (text === '' && post.fileIds.length === 0 ? post.message.trim() : text);
  if (channel.type === 'D') return { relay: true, trigger: 'dm', text: keep(cfg.mention.stripLeading(post.message)) };

  const mode = overrideFor(cfg.overrides, channel) ?? cfg.chatMode;
  if (mode === 'onchar') {
    const prefix = matchingPrefix(post.message, cfg.oncharPrefixes);
    if (prefix !== undefined) return { relay: true, trigger: 'prefix', text: keep(stripPrefix(post.message, prefix)) };
  }
  const mentioned = cfg.mention.mentions(post.message);
  if (mentioned) return { relay: true, trigger: 'mention', text: keep(cfg.mention.stripLeading(post.message)) };
  if (mode === 'onmessage') return { relay: true, trigger: 'message', text: post.message.trim() };
  return ignore('not-addressed');
}
