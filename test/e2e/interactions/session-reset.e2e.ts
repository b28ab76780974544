// Issue 10 item 8, session resets end to end: the dist/ bundle on a real Mattermost, the real
// OpenClaw gateway. /oc_new needs operator.admin: with *Allow session resets* off it answers
// which setting to enable (nothing reaches the gateway); on, the plugin asks for the scope
// (a scope-upgrade pairing the operator approves with the gateway CLI) and /oc_new resets
// the DM session, as the gateway's own history shows.
import { waitFor } from '../../harness';
import { botPosts, say, useConversationBed, type ConvBed } from '../conversations/bed';
import { connectOperator, type Operator } from '../conversations/operator';
import { runCommand, waitForLink } from '../openclaw/helpers';

jest.setTimeout(420_000);

describe('session resets (/oc_new) behind the Allow session resets setting', () => {
  const bed = useConversationBed({ DmPolicy: 'open' });
  let b: ConvBed;
  let operator: Operator;
  const figures: Record<string, number> = {};

  beforeAll(async () => {
    b = bed();
    operator = await connectOperator(b.gw.localUrl, b.gw.token);
  });
  afterAll(async () => {
    await operator?.stop();
    console.log(`session reset e2e figures: ${JSON.stringify(figures)}`);
  });

  const dm = () => ({ id: b.aliceDm, team_id: b.world.team.id });
  const sessionKey = () => `agent:main:mattermost:direct:${b.alice.user.id}`;
  const history = () => operator.history(sessionKey());

  test('off (default): /oc_new answers privately which setting to enable, and the session is kept', async () => {
    const from = b.ws.alice.events.length;
    await say(b.alice, b.aliceDm, 'echo: before the reset');
    await botPosts(b.ws.alice, b.botId, (p) => p.message === 'before the reset', 1, 240_000, from);
    const r = await runCommand(b.alice.client, b.ws.alice, dm(), '/oc_new', 30_000);
    expect(r.answer.message).toContain('needs the `operator.admin` scope');
    expect(r.answer.message).toContain('**Allow session resets**');
    expect(r.answer.message).not.toContain('Asking OpenClaw');
    expect(await history()).toContain('before the reset');
    expect((await b.status()).scopes).not.toContain('operator.admin');
  });

  test('on: the scope upgrade is approved with the gateway CLI, then /oc_new resets the session', async () => {
    const t0 = Date.now();
    await b.configure({ DmPolicy: 'open', AllowSessionResets: true });
    const waiting = await waitForLink(b.mm.url, b.mm.admin.token, 'pairing-required', 60_000);
    expect(waiting.pairingReason).toBe('scope-upgrade');
    expect(waiting.summary).toContain('waiting for approval of the admin scope');
    // What the operator sees: the pending request asks for operator.admin on top of what was approved.
    const pending = (await b.gw.gateway.listDevices()).pending ?? [];
    expect(JSON.stringify(pending.find((p) => p.requestId === waiting.requestId))).toContain('operator.admin');
    await b.gw.approveDevice(waiting.requestId!);
    const connected = await waitForLink(b.mm.url, b.mm.admin.token, 'connected', 60_000);
    figures.settingToAdminConnectedMs = Date.now() - t0;
    expect(connected.scopes).toContain('operator.admin');

    const r = await runCommand(b.alice.client, b.ws.alice, dm(), '/oc_new', 90_000);
    figures.resetAnswerMs = Math.round(r.answerMs);
    expect(r.first.message).toBe(':hourglass_flowing_sand: Asking OpenClaw: `/new`');
    expect(r.answer.message).toMatch(/New session started/);
    // The gateway's transcript of this session now starts after the reset boundary.
    await waitFor('the reset in the session history', async () => ((await history()).includes('before the reset') ? undefined : true), 30_000, 200);
    const from = b.ws.alice.events.length;
    await say(b.alice, b.aliceDm, 'echo: after the reset');
    await botPosts(b.ws.alice, b.botId, (p) => p.message === 'after the reset', 1, 120_000, from);
    const after = await history();
    expect(after).toContain('after the reset');
    expect(after).not.toContain('before the reset');
  });
});
