// Issue 8, who may talk to the agent: DM pairing with /oc_pairing, allowlists, open and
// disabled policies, and an unknown allowlist name in the status. Real Mattermost, real
// gateway; the fake model's request log proves what did (not) reach the agent.
import { executeCommand, waitFor } from '../../harness';
import { botPosts, ephemeralIn, modelInputs, say, useConversationBed, type ConvBed } from './bed';

jest.setTimeout(300_000);

describe('conversation policies', () => {
  const bed = useConversationBed({}); // defaults: DM pairing, channel allowlist (empty)
  let b: ConvBed;
  beforeAll(() => { b = bed(); });

  const pairing = (command: string, as = b.mm.admin) =>
    executeCommand(as.client, { id: b.world.channel.id, team_id: b.world.team.id }, command);
  const neverReached = (text: string) => expect(modelInputs(b.gw).filter((m) => m.includes(text))).toEqual([]);
  async function refused(ws: typeof b.ws.alice, channelId: string, pattern: RegExp): Promise<void> {
    await waitFor('the private refusal', () => Promise.resolve(ephemeralIn(ws, channelId).some((p) => pattern.test(p.message)) || undefined),
      30_000, 50);
  }

  test('pairing: a stranger gets a code; a system admin approves it; then the DM is answered', async () => {
    await say(b.alice, b.aliceDm, 'echo: let me in');
    const [codePost] = await botPosts(b.ws.alice, b.botId, (p) => p.channel_id === b.aliceDm && /pairing code/.test(p.message));
    const code = /`([A-Z0-9]{8})`/.exec(codePost.message)?.[1];
    expect(code).toMatch(/^[A-Z0-9]{8}$/);
    expect(codePost.message).toContain(`/oc_pairing approve ${code}`);

    // Only system admins may approve; bob is told so.
    const denied = await pairing(`/oc_pairing approve ${code}`, b.bob);
    expect(denied.text).toBe('Only system admins can use /oc_pairing.');
    const listed = await pairing('/oc_pairing list');
    expect(listed.text).toContain(`\`${code}\` @${b.alice.user.username}`);

    const approved = await pairing(`/oc_pairing approve ${code}`);
    expect(approved.text).toBe(`Approved @${b.alice.user.username}: OpenClaw now answers their direct messages.`);
    await botPosts(b.ws.alice, b.botId, (p) => p.channel_id === b.aliceDm && /approved you/.test(p.message));
    await say(b.alice, b.aliceDm, 'echo: paired now');
    await botPosts(b.ws.alice, b.botId, (p) => p.message === 'paired now');
    neverReached('echo: let me in');
    expect((await pairing('/oc_pairing list')).text).toMatch(new RegExp(`#### Approved\\n- @${b.alice.user.username} \\(by @`));
  });

  test('revoking: the person is a stranger again', async () => {
    expect((await pairing(`/oc_pairing revoke @${b.alice.user.username}`)).text).toMatch(/^Revoked:/);
    await say(b.alice, b.aliceDm, 'echo: after revoke');
    await botPosts(b.ws.alice, b.botId, (p) => p.channel_id === b.aliceDm && /pairing code/.test(p.message), 2);
    neverReached('echo: after revoke');
  });

  test('channel allowlist (default, empty): a mention gets a private refusal, nothing reaches the agent', async () => {
    await say(b.alice, b.world.channel.id, '@openclaw echo: channel refused');
    await refused(b.ws.alice, b.world.channel.id, /only answers allowlisted people/);
    neverReached('echo: channel refused');
  });

  test('DM allowlist: only the people on it; the refusal is private', async () => {
    await b.configure({ DmPolicy: 'allowlist', DmAllowlist: `@${b.bob.user.username}`, ChannelPolicy: 'allowlist', ChannelAllowlist: `@${b.bob.user.username}` });
    await say(b.alice, b.aliceDm, 'echo: not on the list');
    await refused(b.ws.alice, b.aliceDm, /only answers people on its DM allowlist/);
    await say(b.bob, b.bobDm, 'echo: bob is on the list');
    await botPosts(b.ws.bob, b.botId, (p) => p.message === 'bob is on the list');
    await say(b.bob, b.world.channel.id, '@openclaw echo: bob in the channel');
    await botPosts(b.ws.bob, b.botId, (p) => p.message === 'bob in the channel');
    neverReached('echo: not on the list');
  });

  test('open: everyone is answered, in DMs and channels', async () => {
    await b.configure({ DmPolicy: 'open', ChannelPolicy: 'open' });
    await say(b.alice, b.aliceDm, 'echo: open dm');
    await botPosts(b.ws.alice, b.botId, (p) => p.message === 'open dm');
    await say(b.alice, b.world.channel.id, '@openclaw echo: open channel');
    await botPosts(b.ws.alice, b.botId, (p) => p.message === 'open channel');
  });

  test('disabled: DMs and channels are refused privately', async () => {
    await b.configure({ DmPolicy: 'disabled', ChannelPolicy: 'disabled' });
    await say(b.alice, b.aliceDm, 'echo: dm while disabled');
    await refused(b.ws.alice, b.aliceDm, /not taking direct messages/);
    await say(b.alice, b.world.channel.id, '@openclaw echo: channel while disabled');
    await refused(b.ws.alice, b.world.channel.id, /does not answer in channels/);
    neverReached('while disabled');
  });

  test('an unknown allowlist name is a clear problem in the status', async () => {
    const s = await b.configure({ ChannelAllowlist: `@${b.alice.user.username} @nobody-at-all group:no-such-group` });
    expect(s.conversations?.problems).toEqual([
      'Channel allowlist: no user named "nobody-at-all" (@nobody-at-all); it is ignored',
      'Channel allowlist: no group named "no-such-group" (group:no-such-group); it is ignored',
    ]);
  });
});
