import { parseChannelOverrides } from './channel-overrides';
import { channelIgnores, decide, type ChannelFacts, type DecideConfig, type PostFacts } from './decide';
import { MentionMatcher } from './mention';

const BOT = 'b0tb0tb0tb0tb0tb0tb0tb0tb0';
const ALICE = 'a1icea1icea1icea1icea1icea';
const CH = 'c4jqz9kk5pfnzb8u6q3k1yrm7a';

const post = (over: Partial<PostFacts> = {}): PostFacts => ({
  id: 'p1', userId: ALICE, channelId: CH, rootId: '', message: 'hello', type: '', editAt: 0, deleteAt: 0,
  fromBot: false, fromWebhook: false, fromPlugin: false, fileIds: [], ...over,
});
const channel = (over: Partial<ChannelFacts> = {}): ChannelFacts => ({
  id: CH, type: 'O', name: 'town-square', teamId: 't1', teamName: 'eng', botIsMember: true, ...over,
});
const config = (over: Partial<DecideConfig> = {}): DecideConfig => ({
  botUserId: BOT, mention: new MentionMatcher('openclaw'), chatMode: 'oncall', oncharPrefixes: ['>', '!'],
  allowBots: false, overrides: parseChannelOverrides(''), ...over,
});

type Row = [string, Partial<PostFacts>, Partial<ChannelFacts>, Partial<DecideConfig>, string];

// Expected: "relay:<trigger>:<text>" or "ignore:<reason>".
const rows: Row[] = [
  ['DM to the bot', { message: 'hi there' }, { type: 'D' }, {}, 'relay:dm:hi there'],
  ['DM with a leading mention', { message: '@openclaw hi' }, { type: 'D' }, {}, 'relay:dm:hi'],
  ['DM between two other people', { message: 'hi' }, { type: 'D', botIsMember: false }, {}, 'ignore:not-member'],
  ['DM with only a file', { message: '', fileIds: ['f1'] }, { type: 'D' }, {}, 'relay:dm:'],
  ['empty DM', { message: '   ' }, { type: 'D' }, {}, 'ignore:empty'],
  ['bot\'s own post', { userId: BOT, message: '@openclaw loop?' }, {}, {}, 'ignore:own-post'],
  ['system message', { type: 'system_join_channel', message: 'x joined' }, {}, { chatMode: 'onmessage' }, 'ignore:system'],
  ['custom post type', { type: 'custom_poll' }, { type: 'D' }, {}, 'ignore:system'],
  ['edited post', { editAt: 5, message: '@openclaw hi' }, {}, {}, 'ignore:edited'],
  ['deleted post', { deleteAt: 5, message: '@openclaw hi' }, {}, {}, 'ignore:deleted'],
  ['other bot', { fromBot: true, message: '@openclaw hi' }, {}, {}, 'ignore:bot'],
  ['plugin-made post', { fromPlugin: true, message: '@openclaw hi' }, {}, {}, 'ignore:bot'],
  ['webhook', { fromWebhook: true, message: '@openclaw hi' }, {}, {}, 'ignore:webhook'],
  ['other bot, bots allowed', { fromBot: true, message: '@openclaw hi' }, {}, { allowBots: true }, 'relay:mention:hi'],
  ['webhook, bots allowed', { fromWebhook: true, message: '@openclaw hi' }, {}, { allowBots: true }, 'relay:mention:hi'],
  ['oncall, mentioned', { message: '@openclaw what time is it' }, {}, {}, 'relay:mention:what time is it'],
  ['oncall, mentioned inline', { message: 'ask @openclaw please' }, {}, {}, 'relay:mention:ask @openclaw please'],
  ['oncall, bare mention', { message: '@openclaw' }, {}, {}, 'relay:mention:@openclaw'],
  ['oncall, not mentioned', { message: 'hello all' }, {}, {}, 'ignore:not-addressed'],
  ['oncall, an email address is no mention', { message: 'write to ops@openclaw.ai' }, {}, {}, 'ignore:not-addressed'],
  ['oncall, another person mentioned', { message: '@alice can you look' }, {}, {}, 'ignore:not-addressed'],
  ['oncall, prefix does nothing', { message: '> do it' }, {}, {}, 'ignore:not-addressed'],
  ['oncall, not a member', { message: '@openclaw hi' }, { botIsMember: false }, {}, 'ignore:not-member'],
  ['group message, mentioned', { message: '@openclaw hi' }, { type: 'G' }, {}, 'relay:mention:hi'],
  ['private channel, mentioned', { message: '@openclaw hi' }, { type: 'P' }, {}, 'relay:mention:hi'],
  ['onmessage, any message', { message: 'hello all' }, {}, { chatMode: 'onmessage' }, 'relay:message:hello all'],
  ['onmessage, not a member', { message: 'hello all' }, { botIsMember: false }, { chatMode: 'onmessage' }, 'ignore:not-member'],
  ['onchar, > prefix', { message: '> deploy now' }, {}, { chatMode: 'onchar' }, 'relay:prefix:deploy now'],
  ['onchar, ! prefix', { message: '!status' }, {}, { chatMode: 'onchar' }, 'relay:prefix:status'],
  ['onchar, custom prefix', { message: '?? why' }, {}, { chatMode: 'onchar', oncharPrefixes: ['??'] }, 'relay:prefix:why'],
  ['onchar, no prefix', { message: 'deploy now' }, {}, { chatMode: 'onchar' }, 'ignore:not-addressed'],
  ['onchar, mention still works', { message: '@openclaw deploy' }, {}, { chatMode: 'onchar' }, 'relay:mention:deploy'],
  ['override by id → onmessage', { message: 'hello' }, {}, { overrides: parseChannelOverrides(`${CH}: onmessage`) }, 'relay:message:hello'],
  ['override by name → oncall', { message: 'hello' }, {}, { chatMode: 'onmessage', overrides: parseChannelOverrides('town-square: mention') }, 'ignore:not-addressed'],
  ['override team/name → onchar', { message: '!x' }, {}, { overrides: parseChannelOverrides('eng/town-square: onchar') }, 'relay:prefix:x'],
  ['override off', { message: '@openclaw hi' }, {}, { overrides: parseChannelOverrides('town-square: off') }, 'ignore:channel-off'],
  ['override does not touch DMs', { message: 'hi' }, { type: 'D', name: 'town-square' }, { overrides: parseChannelOverrides('town-square: off') }, 'relay:dm:hi'],
];

test.each(rows)('%s', (_name, p, ch, cfg, expected) => {
  const d = decide(post(p), channel(ch), config(cfg));
  expect(d.relay ? `relay:${d.trigger}:${d.text}` : `ignore:${d.reason}`).toBe(expected);
});

// The hook runs the early out before the rest of the decision; `decide` runs it after
// quickIgnore, so the rows above cover its rules and only the outcome's reason can differ.
test('the early out catches channels the bot is not in and chatter that is not addressed to it', () => {
  const early = (message: string, ch: Partial<ChannelFacts> = {}, cfg: Partial<DecideConfig> = {}) =>
    channelIgnores(channel(ch), message, config(cfg));
  expect(early('hello all')).toBe('not-addressed');
  expect(early('@alice can you look')).toBe('not-addressed');
  expect(early('no prefix here', {}, { chatMode: 'onchar' })).toBe('not-addressed');
  expect(early('@openclaw hi', { botIsMember: false })).toBe('not-member');
  expect(early('hello', {}, { overrides: parseChannelOverrides('town-square: off') })).toBe('channel-off');
  // These go on to the whole decision.
  expect(early('hello all', { type: 'D' })).toBeUndefined();
  expect(early('hi @OpenClaw')).toBeUndefined();
  expect(early('ops@openclaw.ai')).toBeUndefined(); // not a mention, as the decision finds
  expect(early('!status', {}, { chatMode: 'onchar' })).toBeUndefined();
  expect(early('hello all', {}, { chatMode: 'onmessage' })).toBeUndefined();
});
