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

export function decide(post: PostFacts, channel: ChannelFacts, cfg: DecideConfig): Decision {
  const quick = quickIgnore(post, cfg);
  if (quick) return ignore(quick);
  if (!channel.botIsMember) return ignore('not-member');
  const keep = (text: string) => (text === '' && post.fileIds.length === 0 ? post.message.trim() : text);
  if (channel.type === 'D') return { relay: true, trigger: 'dm', text: keep(cfg.mention.stripLeading(post.message)) };

  const mode = overrideFor(cfg.overrides, channel) ?? cfg.chatMode;
  if (mode === 'off') return ignore('channel-off');
  if (mode === 'onchar') {
    const prefix = matchingPrefix(post.message, cfg.oncharPrefixes);
    if (prefix !== undefined) return { relay: true, trigger: 'prefix', text: keep(stripPrefix(post.message, prefix)) };
  }
  const mentioned = cfg.mention.mentions(post.message);
  if (mentioned) return { relay: true, trigger: 'mention', text: keep(cfg.mention.stripLeading(post.message)) };
  if (mode === 'onmessage') return { relay: true, trigger: 'message', text: post.message.trim() };
  return ignore('not-addressed');
}
