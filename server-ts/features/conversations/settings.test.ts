import { DEFAULT_SETTINGS, parsePrefixes, readConversationSettings } from './settings';

test('nothing set → the safe defaults (pairing DMs, allowlisted channels, oncall, 15 min queue)', () => {
  expect(readConversationSettings({})).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  expect(DEFAULT_SETTINGS).toMatchObject({ dmPolicy: 'pairing', channelPolicy: 'allowlist', chatMode: 'oncall', replyToMode: 'off', queueExpiryMinutes: 15 });
});

test('keys match case-insensitively; values are trimmed and lower-cased; numbers and booleans come as text too', () => {
  const { settings, problems } = readConversationSettings({
    DmPolicy: ' Open ', channelpolicy: 'disabled', ChatMode: 'onchar', OncharPrefixes: '?? , !', AllowBots: 'true',
    ReplyToMode: 'all', QueueExpiryMinutes: '30', DmAllowlist: '@alice', ChannelOverrides: 'x: off',
  });
  expect(problems).toEqual([]);
  expect(settings).toMatchObject({
    dmPolicy: 'open', channelPolicy: 'disabled', chatMode: 'onchar', oncharPrefixes: ['??', '!'], allowBots: true,
    replyToMode: 'all', queueExpiryMinutes: 30, dmAllowlist: '@alice', channelOverrides: 'x: off',
  });
});

test('a bad value falls back to its default alone and is reported', () => {
  const { settings, problems } = readConversationSettings({ ChatMode: 'sometimes', QueueExpiryMinutes: -3, DmPolicy: 'open', AllowBots: { x: 1 } });
  expect(settings.chatMode).toBe('oncall');
  expect(settings.queueExpiryMinutes).toBe(15);
  expect(settings.dmPolicy).toBe('open');
  expect(settings.allowBots).toBe(false);
  expect(problems).toEqual([
    'Chat mode: "sometimes" is not valid; using the default',
    'Answer bots and webhooks: {"x":1} is not valid; using the default',
    'Queue expiry (minutes): -3 is not valid; using the default',
  ]);
});

test('prefixes: commas or spaces, duplicates and empties dropped', () => {
  expect(parsePrefixes('>, !, >,,  ')).toEqual(['>', '!']);
});
