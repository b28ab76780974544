// Issue 10 item 3, the model picker end to end: the dist/ bundle on a real Mattermost, the
// real OpenClaw gateway with a catalog of ten models in two providers (all served by the fake
// model). /oc_model opens a dialog (through the user's WebSocket `open_dialog` event), driven
// with POST /api/v4/actions/dialogs/submit as the user; /oc_models posts paged buttons,
// clicked with POST /api/v4/posts/{id}/actions/{action}. /oc_status tells which model the
// conversation's session runs.
import { clickPostAction, executeCommand, pluginLog, rawRequest, submitDialog, waitFor, type EventRecorder } from '../../harness';
import { botPosts, ephemeralIn, useConversationBed, type ConvBed } from '../conversations/bed';
import { runCommand, waitForNew } from '../openclaw/helpers';
import { buttonsSecret, forgedPost, sign, storedActions, type Ctx } from './forge';

jest.setTimeout(300_000);

const EXTRA = [
  ...[2, 3, 4, 5, 6, 7].map((n) => ({ provider: 'fake', id: `fake-${n}`, name: `Fake ${n}` })),
  ...[1, 2, 3].map((n) => ({ provider: 'alt', id: `alt-${n}`, name: `Alt ${n}` })),
];
const ALL = ['fake/fake-1', ...EXTRA.map((m) => `${m.provider}/${m.id}`)];
const CLICK_ROUTE = '/plugins/openclaw/api/v1/interactions/click';

interface DialogJson { callback_id: string; state: string; elements: Array<{ name: string; default?: string; refresh?: boolean; options: Array<{ text: string; value: string }> }> }
interface Opened { url: string; dialog: DialogJson }
interface DialogAnswer { error?: string; errors?: Record<string, string>; type?: string; form?: DialogJson }

describe('model picker', () => {
  const bed = useConversationBed({ DmPolicy: 'open', ChannelPolicy: 'open' }, { extraModels: EXTRA });
  let b: ConvBed;
  const figures: Record<string, number> = {};
  beforeAll(() => { b = bed(); });
  afterAll(() => console.log(`model picker e2e figures: ${JSON.stringify(figures)}`));

  const channel = () => ({ id: b.world.channel.id, team_id: b.world.team.id });
  const status = async () => (await runCommand(b.alice.client, b.ws.alice, channel(), '/oc_status', 90_000)).answer.message;
  const modelLine = (text: string) => text.split('\n').find((l) => /model/i.test(l)) ?? text;

  /** Runs /oc_model as alice and reads the dialog Mattermost sends to her WebSocket. */
  async function openDialog(): Promise<Opened> {
    const from = b.ws.alice.events.length;
    const t0 = Date.now();
    await executeCommand(b.alice.client, channel(), '/oc_model');
    const { event } = await waitForNew(b.ws.alice, from, (e) => e.event === 'open_dialog', 30_000, 'the model dialog');
    figures.dialogOpenMs = Date.now() - t0;
    return JSON.parse(String(event.data.dialog)) as Opened;
  }

  /** POST /api/v4/actions/dialogs/submit as `token`'s user (raw, so `type: refresh` and odd bodies pass as sent). */
  async function submit(token: string, opened: Opened, submission: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<DialogAnswer> {
    const body = { url: opened.url, callback_id: opened.dialog.callback_id, state: opened.dialog.state, channel_id: b.world.channel.id,
      team_id: b.world.team.id, submission, cancelled: false, ...extra };
    const res = await rawRequest(b.mm.url, '/api/v4/actions/dialogs/submit', token, { method: 'POST', body: JSON.stringify(body) });
    expect(res.status).toBe(200);
    const text = await res.text();
    return text ? JSON.parse(text) as DialogAnswer : {};
  }

  async function privateLine(ws: EventRecorder, from: number, text: string) {
    return waitFor(`the private line "${text}"`, () => Promise.resolve(
      ephemeralIn({ ...ws, events: ws.events.slice(from) }, b.world.channel.id).find((p) => p.message.includes(text))), 30_000, 50);
  }

  test('/oc_model opens the dialog; a provider narrows the models; the submission changes the model and /oc_status shows it', async () => {
    expect(modelLine(await status())).toContain('fake-1');
    const opened = await openDialog();
    expect(opened.url).toBe('/plugins/openclaw/api/v1/interactions/model-dialog');
    const [provider, model] = opened.dialog.elements;
    expect(provider).toMatchObject({ name: 'provider', refresh: true });
    expect(provider.options.map((o) => o.value).sort()).toEqual(['alt', 'fake']);
    expect(model.options.map((o) => o.value).sort()).toEqual([...ALL].sort());

    const refreshed = await submit(b.alice.token, opened, { provider: 'alt' }, { type: 'refresh' });
    expect(refreshed.type).toBe('form');
    expect(refreshed.form?.elements[0].default).toBe('alt');
    expect(refreshed.form?.elements[1].options.map((o) => o.value).sort()).toEqual(['alt/alt-1', 'alt/alt-2', 'alt/alt-3']);

    const from = b.ws.alice.events.length;
    const t0 = Date.now();
    // Through the client library, as the web app submits it.
    const answer = await submitDialog(b.alice.client, { url: opened.url, callback_id: opened.dialog.callback_id, state: opened.dialog.state,
      channel_id: b.world.channel.id, team_id: b.world.team.id, submission: { provider: 'alt', model: 'alt/alt-2' } });
    figures.submitMs = Date.now() - t0;
    expect(JSON.stringify(answer)).not.toMatch(/error/);
    await privateLine(b.ws.alice, from, 'This conversation now uses **alt/alt-2**');
    expect(modelLine(await status())).toContain('alt/alt-2');
    // The same submission again (a replay) is refused.
    expect((await submit(b.alice.token, opened, { model: 'fake/fake-3' })).error).toContain('already submitted');
  });

  test('forged and tampered dialog submissions are refused and reach nothing', async () => {
    const opened = await openDialog();
    const state = JSON.parse(opened.dialog.state) as Ctx;
    const refusals = () => pluginLog(b.mm.logFile ?? '').filter((l) => l.msg === 'model-picker: dialog refused').length;
    const refusedBefore = refusals();
    const cases: Array<[string, string, Record<string, unknown>, string]> = [
      ['bob submits alice\'s dialog', b.bob.token, {}, 'opened by someone else'],
      ['bob makes the state his own', b.bob.token, { state: JSON.stringify({ ...state, user_id: b.bob.user.id }) }, 'signature does not match'],
      ['the state without signature', b.alice.token, { state: JSON.stringify({ ...state, _token: undefined }) }, 'signature does not match'],
      ['a state not of ours', b.alice.token, { state: 'st' }, 'not one of ours'],
      ['the state in another channel', b.alice.token, { channel_id: b.world.privateChannel.id }, 'opened in another channel'],
      ['an expired state, correctly signed', b.alice.token, { state: JSON.stringify(sign(buttonsSecret(b.mm.dir!), { ...state, expires_at: String(Date.now() - 1000) })) }, 'expired'],
    ];
    for (const [what, token, extra, refusal] of cases) {
      const answer = await submit(token, opened, { model: 'fake/fake-3' }, extra);
      expect(`${what}: ${answer.error ?? JSON.stringify(answer)}`).toContain(refusal);
    }
    // A model the gateway does not offer never leaves the plugin either.
    expect((await submit(b.alice.token, opened, { model: 'fake/fake-1 extra' })).errors?.model).toContain('does not offer');
    expect(modelLine(await status())).toContain('alt/alt-2');
    // Log lines are written asynchronously: wait for all of them.
    await waitFor('every refusal in the plugin log', () => Promise.resolve(refusals() - refusedBefore >= cases.length ? true : undefined), 10_000, 100);
    expect(refusals() - refusedBefore).toBe(cases.length);
  });

  test('/oc_models pages its buttons; only the invoker may choose; forged clicks are refused; a click applies the model', async () => {
    const from = b.ws.alice.events.length;
    await executeCommand(b.alice.client, channel(), '/oc_models');
    const [seen] = await botPosts(b.ws.alice, b.botId, (p) => p.channel_id === b.world.channel.id && p.message.startsWith('**OpenClaw models**'), 1, 30_000, from);
    const page1 = storedActions(b.mm.dir!, seen.id);
    expect(page1.map((a) => a.id)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'next']);

    const bobFrom = b.ws.bob.events.length;
    await clickPostAction(b.bob.client, seen.id, 'm0');
    await privateLine(b.ws.bob, bobFrom, 'only the person who ran /oc_models');

    const t0 = Date.now();
    await clickPostAction(b.alice.client, seen.id, 'next');
    figures.pageMs = Date.now() - t0;
    const page2 = storedActions(b.mm.dir!, seen.id);
    expect(page2.map((a) => a.id)).toEqual(['m0', 'm1', 'prev']);
    expect([...page1, ...page2].filter((a) => /^m\d$/.test(a.id)).map((a) => a.name).sort()).toEqual([...ALL].sort());

    // Page 1's buttons are gone: replaying one of its clicks is refused.
    const replay = await rawRequest(b.mm.url, CLICK_ROUTE, b.alice.token, { method: 'POST',
      body: JSON.stringify({ user_id: b.alice.user.id, channel_id: b.world.channel.id, post_id: seen.id, context: page1[0].integration.context }) });
    expect(((await replay.json()) as { ephemeral_text?: string }).ephemeral_text).toMatch(/^OpenClaw refused this click/);
    // A tampered context, and a genuine one copied onto bob's post.
    const target = page2[0];
    const aliceFrom = b.ws.alice.events.length;
    const tampered = await forgedPost(b.bob.client, b.world.channel.id, 'm0', { ...target.integration.context, model: 'fake/fake-4' });
    await clickPostAction(b.alice.client, tampered.id, 'm0');
    await privateLine(b.ws.alice, aliceFrom, 'signature does not match');
    const copied = await forgedPost(b.bob.client, b.world.channel.id, 'm0', target.integration.context);
    await clickPostAction(b.alice.client, copied.id, 'm0');
    await privateLine(b.ws.alice, aliceFrom, 'did not write');
    expect(modelLine(await status())).toContain('alt/alt-2');

    const t1 = Date.now();
    const chosenFrom = b.ws.alice.events.length;
    await clickPostAction(b.alice.client, seen.id, target.id);
    figures.clickApplyMs = Date.now() - t1;
    await privateLine(b.ws.alice, chosenFrom, `This conversation now uses **${target.name}**`);
    const decided = await b.mm.admin.client.getPost(seen.id);
    expect(decided.message).toContain(`✓ **${target.name}** selected by @${b.alice.user.username}`);
    expect(decided.props?.attachments ?? []).toEqual([]);
    expect(modelLine(await status())).toContain(target.name);
  });
});
