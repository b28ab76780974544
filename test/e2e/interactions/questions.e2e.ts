// Issue 10, agent questions end to end: the dist/ bundle on a real Mattermost, the real
// OpenClaw gateway, the fake model calling `ask_user`. Clicks go through
// POST /api/v4/posts/{id}/actions/{action} and dialogs through POST /api/v4/actions/dialogs/submit,
// as the user; the dialog's state is what Mattermost pushed to that user (open_dialog).
import type { Post } from '@mattermost/types/posts';
import { z } from 'zod';
import { clickPostAction, submitDialog, waitFor, type EventRecorder, type LoggedIn } from '../../harness';
import { botPosts, ephemeralIn, say, useConversationBed, type ConvBed } from '../conversations/bed';
import { waitForStatus } from '../openclaw/helpers';

jest.setTimeout(300_000);

const ASKS = 'OpenClaw asks';

const OpenDialogSchema = z.object({
  url: z.string(),
  dialog: z.object({ callback_id: z.string(), state: z.string(), elements: z.array(z.object({ name: z.string() })) }),
});
type OpenedDialog = z.infer<typeof OpenDialogSchema>;

describe('agent questions as buttons and dialogs', () => {
  const bed = useConversationBed({ DmPolicy: 'open', ChannelPolicy: 'open' });
  let b: ConvBed;
  const figures: Record<string, number> = {};

  beforeAll(() => {
    b = bed();
  });
  afterAll(() => console.log(`question e2e figures: ${JSON.stringify(figures)}`));

  const channel = () => b.world.channel.id;
  const stored = (id: string) => b.mm.admin.client.getPost(id);

  /** `user` sends `text` to the agent in the channel; resolves the question post it leads to. */
  async function questionPost(user: LoggedIn, text: string): Promise<Post> {
    const from = b.ws.alice.events.length;
    const t0 = Date.now();
    await say(user, channel(), `@openclaw ${text}`);
    const [seen] = await botPosts(b.ws.alice, b.botId, (p) => p.channel_id === channel() && p.message.includes(ASKS), 1, 120_000, from);
    figures.questionPostMs = Date.now() - t0;
    return stored(seen.id);
  }

  async function reply(match: string, from: number) {
    const [said] = await botPosts(b.ws.alice, b.botId, (p) => p.channel_id === channel() && p.message.includes(match), 1, 120_000, from);
    return said;
  }

  async function refusalSeen(ws: EventRecorder, from: number, text: string): Promise<void> {
    await waitFor(`the refusal "${text}"`, () => Promise.resolve(
      ephemeralIn({ ...ws, events: ws.events.slice(from) }, channel()).find((p) => p.message.includes(text))), 20_000, 50);
  }

  /** Clicks a dialog button as alice and resolves the dialog Mattermost opened for her. */
  async function openDialog(post: Post, actionId: string): Promise<OpenedDialog> {
    const from = b.ws.alice.events.length;
    await clickPostAction(b.alice.client, post.id, actionId);
    const event = await waitFor('the open_dialog event', () => Promise.resolve(b.ws.alice.events.slice(from).find((e) => e.event === 'open_dialog')), 20_000, 50);
    return OpenDialogSchema.parse(JSON.parse(z.string().parse(event.data.dialog)));
  }

  const submit = (user: LoggedIn, d: OpenedDialog, submission: Record<string, unknown>, state = d.dialog.state) =>
    submitDialog(user.client, { url: d.url, callback_id: d.dialog.callback_id, state, channel_id: channel(), team_id: b.world.team.id, submission });

  test('one button per option; someone else is refused; the starter\'s click reaches the model', async () => {
    const post = await questionPost(b.alice, 'ask me');
    expect(post.message).toContain('Where should I deploy?');
    const bobFrom = b.ws.bob.events.length;
    const calls = b.gw.model.requests.length;
    await clickPostAction(b.bob.client, post.id, 'o0');
    await refusalSeen(b.ws.bob, bobFrom, `only @${b.alice.user.username}`);
    expect((await stored(post.id)).message).toBe(post.message);
    expect(b.gw.model.requests.length).toBe(calls);

    const from = b.ws.alice.events.length;
    const t0 = Date.now();
    await clickPostAction(b.alice.client, post.id, 'o0');
    const said = await reply('Tool said:', from);
    figures.clickToReplyMs = Date.now() - t0;
    expect(said.message).toContain('Staging (Recommended)');
    const decided = await stored(post.id);
    expect(decided.message).toContain('**Target:** Staging (Recommended)');
    expect(decided.message).toContain(`✓ **Answered** by @${b.alice.user.username}`);
    expect(decided.props?.attachments ?? []).toEqual([]); // Mattermost stores the emptied list as null
  });

  test('"Other…" opens a dialog; a tampered state is refused; the typed answer reaches the model', async () => {
    const post = await questionPost(b.alice, 'ask me');
    const dialog = await openDialog(post, 'other');
    expect(dialog.url).toBe('/plugins/openclaw/api/v1/interactions/dialog');
    expect(dialog.dialog.elements.map((e) => e.name)).toEqual(['q0other']);
    const state = JSON.parse(dialog.dialog.state) as Record<string, unknown>;
    const tampered = JSON.stringify({ ...state, ref: 'someone-elses-question' });
    expect(JSON.stringify(await submit(b.alice, dialog, { q0other: 'Canary' }, tampered))).toContain('not opened by OpenClaw');
    expect(JSON.stringify(await submit(b.bob, dialog, { q0other: 'Canary' }))).toContain(`only @${b.alice.user.username}`);
    expect((await stored(post.id)).message).toBe(post.message);

    const from = b.ws.alice.events.length;
    await submit(b.alice, dialog, { q0other: 'Canary cluster' });
    expect((await reply('Tool said:', from)).message).toContain('Canary cluster');
    expect((await stored(post.id)).message).toContain('**Target:** Canary cluster');
  });

  test('several questions at once: one dialog, both answers reach the model', async () => {
    const post = await questionPost(b.alice, 'ask twice');
    expect(post.message).toContain('**Region**: Which region?');
    const dialog = await openDialog(post, 'answer');
    expect(dialog.dialog.elements.map((e) => e.name)).toEqual(['q0', 'q0other', 'q1', 'q1other']);
    expect(JSON.stringify(await submit(b.alice, dialog, { q0: 'Production' }))).toContain('Answer this question');
    const from = b.ws.alice.events.length;
    await submit(b.alice, dialog, { q0: 'Production', q1: 'eu-west' });
    const said = await reply('Tool said:', from);
    expect(said.message).toContain('Production');
    expect(said.message).toContain('eu-west');
  });

  test('with "anyone in the channel", another member answers', async () => {
    await b.configure({ DmPolicy: 'open', ChannelPolicy: 'open', QuestionAnswerers: 'channel' });
    await waitForStatus(b.mm.url, b.mm.admin.token, (s) => (s as { interactions?: { questionAnswerers?: string } }).interactions?.questionAnswerers === 'channel',
      30_000, 'the question answerers setting');
    const post = await questionPost(b.alice, 'ask me');
    const from = b.ws.alice.events.length;
    await clickPostAction(b.bob.client, post.id, 'o1');
    expect((await reply('Tool said:', from)).message).toContain('Production');
    expect((await stored(post.id)).message).toContain(`✓ **Answered** by @${b.bob.user.username}`);
  });

  test('unanswered until its deadline: the post says expired and its buttons go', async () => {
    const post = await questionPost(b.alice, 'quick question');
    const t0 = Date.now();
    const expired = await waitFor('the post to show the expiry', async () => {
      const p = await stored(post.id);
      return p.message.includes('⌛ **Expired**') ? p : undefined;
    }, 120_000, 250);
    figures.expiryShownAfterPostMs = Date.now() - t0;
    expect(expired.props?.attachments ?? []).toEqual([]);
  });
});
