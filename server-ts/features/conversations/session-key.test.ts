import { parseSessionKey, sessionKeyFor } from './session-key';

const user = 'u8h3xkq1zpb4tm7yfz3wbj5nce';
const channel = 'c4jqz9kk5pfnzb8u6q3k1yrm7a';

describe('Mattermost conversation → gateway session key', () => {
  test('public and private channels are keyed by channel', () => {
    expect(sessionKeyFor('main', { channelId: channel, channelType: 'O', userId: user })).toBe(`agent:main:mattermost:channel:${channel}`);
    expect(sessionKeyFor('main', { channelId: channel, channelType: 'P', userId: user })).toBe(`agent:main:mattermost:channel:${channel}`);
  });

  test('a DM is keyed by the person, a group message by its channel', () => {
    expect(sessionKeyFor('main', { channelId: channel, channelType: 'D', userId: user })).toBe(`agent:main:mattermost:direct:${user}`);
    expect(sessionKeyFor('main', { channelId: channel, channelType: 'G', userId: user })).toBe(`agent:main:mattermost:group:${channel}`);
  });

  test('threads get their own session under the conversation', () => {
    expect(sessionKeyFor('ops', { channelId: channel, channelType: 'O', userId: user, rootId: 'r1' }))
      .toBe(`agent:ops:mattermost:channel:${channel}:thread:r1`);
  });
});

describe('session key → Mattermost conversation', () => {
  test('round trips every form', () => {
    for (const c of [
      { channelId: channel, channelType: 'O', userId: user },
      { channelId: channel, channelType: 'D', userId: user },
      { channelId: channel, channelType: 'G', userId: user, rootId: 'r00t' },
    ]) {
      const parsed = parseSessionKey(sessionKeyFor('main', c));
      expect(parsed?.agentId).toBe('main');
      expect(parsed?.peerId).toBe(c.channelType === 'D' ? user : channel);
      expect(parsed?.threadId).toBe(c.rootId);
    }
  });

  test('other surfaces and malformed keys are not ours', () => {
    expect(parseSessionKey('agent:main:main')).toBeUndefined();
    expect(parseSessionKey('agent:main:slack:channel:c1')).toBeUndefined();
    expect(parseSessionKey('agent:main:mattermost:channel:c1:extra')).toBeUndefined();
  });
});
