// Issue 9, preview streaming in a real browser: the dist/ bundle on a real Mattermost, a real
// OpenClaw gateway in front of the fake model (slowed down so a reply takes seconds), and
// Debian's chromium on the browser test bed. Per streaming mode the reply's text grows on screen
// in several steps and ends equal to the gateway's final message; the requester stops a reply
// with the button, which another person never sees; a reload mid-stream shows the snapshot and
// then goes live again; a post of our type forged by a person renders as plain text; with
// `/oc_reasoning on` (on a reasoning-capable model) the model's reasoning shows in its own
// section above the answer, never in the post's message, and `/oc_reasoning off` hides it again.
// Screenshots in test/.work/screens/streaming/.
import type { Post } from '@mattermost/types/posts';
import type { Browser } from 'playwright-core';
import { REASONED_ANSWER, REASONING, slowReply } from '../../gateway-bed/fake-model.cjs';
import { startBrowserBed, type BrowserBed } from '../../browser-bed/server/serve';
import { waitFor } from '../../harness';
import { REPLY_POST_TYPE } from '../../../webapp/src/streaming/post-type';
import { botPosts, say, useConversationBed, type ConvBed } from '../conversations/bed';
import { connectOperator, type Operator } from '../conversations/operator';
import { runCommand } from '../openclaw/helpers';
import { launchChromium, openPage, type WatchedPage } from './chromium';
import { bedRecord, openChannel, signIn } from './bed-session';
import { rendersOf } from './reply-watch';

jest.setTimeout(300_000);
// Each model chunk waits this long: a 40-chunk reply streams for about 6 s.
process.env.FAKE_DELAY_MS = '150';
// The gateway streams reasoning only for a model marked reasoning-capable (fake-1 is not).
const THINKER = { provider: 'fake', id: 'fake-think', name: 'Fake Thinker', reasoning: true };

interface ReasoningSeen { postId: string; at: number; open: boolean; answer: string }
declare global {
  interface Window {
    __openclawReasoningSeen?: ReasoningSeen[];
  }
}

describe('streamed replies in the browser', () => {
  const bed = useConversationBed({ DmPolicy: 'open', ChannelPolicy: 'open', StreamingMode: 'partial' }, { extraModels: [THINKER] });
  let b: ConvBed;
  let web: BrowserBed;
  let browser: Browser;
  let operator: Operator;
  let alice: WatchedPage;
  let bob: WatchedPage;

  const reply = (tab: WatchedPage, postId: string) => tab.page.locator(`.openclaw-reply[data-post-id="${postId}"]`);
  const replyText = async (tab: WatchedPage, postId: string): Promise<string> =>
    (await reply(tab, postId).getByTestId('openclaw-reply-text').textContent()) ?? '';

  /** Types a message in the page's composer and returns the bot's reply post id. */
  async function ask(tab: WatchedPage, channelId: string, message: string): Promise<string> {
    const from = b.ws.alice.events.length;
    await tab.page.fill('#bed-message', message);
    await tab.page.press('#bed-message', 'Enter');
    const [post] = await botPosts(b.ws.alice, b.botId, (p) => p.channel_id === channelId, 1, 90_000, from);
    return post.id;
  }

  /** The last assistant text of a session, as the gateway keeps it. */
  async function gatewayFinal(sessionKey: string): Promise<string> {
    const history = JSON.parse(await operator.history(sessionKey)) as { messages?: Array<{ role?: string; content?: unknown }> };
    const last = [...(history.messages ?? [])].reverse().find((m) => m.role === 'assistant');
    const content = last?.content;
    if (typeof content === 'string') return content;
    if (Array.isArray(content)) return content.map((c: { text?: unknown }) => (typeof c.text === 'string' ? c.text : '')).join('');
    return '';
  }

  const waitState = (tab: WatchedPage, postId: string, state: string, timeout = 60_000) =>
    tab.page.locator(`.openclaw-reply[data-post-id="${postId}"][data-state="${state}"]`).waitFor({ timeout });

  beforeAll(async () => {
    b = bed();
    operator = await connectOperator(b.gw.localUrl, b.gw.token);
    web = await startBrowserBed({ mattermostUrl: b.mm.url, admin: b.mm.admin.client });
    browser = await launchChromium();
    alice = await openPage(browser, 'streaming');
    bob = await openPage(browser, 'streaming');
    await signIn(web, alice, b.alice, b.aliceDm);
  }, 600_000);

  afterAll(async () => {
    await operator?.stop();
    await browser?.close();
    await web?.stop();
  }, 60_000);

  afterEach(async () => {
    for (const tab of [alice, bob]) {
      expect(tab.takeErrors()).toEqual([]);
      if (tab.page.url().startsWith('http')) expect((await bedRecord(tab)).errors).toEqual([]);
    }
  });

  /** The text the host pipeline shows for `markdown` (what the reply must read once done), without whitespace (block breaks differ). */
  const shownText = (tab: WatchedPage, markdown: string): Promise<string> => tab.page.evaluate((md) => {
    const div = document.createElement('div');
    div.innerHTML = window.PostUtils!.formatText!(md, { singleline: false, mentionHighlight: true, atMentions: true });
    return div.textContent ?? '';
  }, markdown).then(fold);
  const fold = (t: string): string => t.replace(/\s+/g, '');

  test.each([
    ['partial', 3],
    ['block', 3],
    ['progress', 0],
  ])('%s mode: the reply grows on screen (%i+ steps) and ends as the gateway\'s final message', async (mode, steps) => {
    await b.configure({ DmPolicy: 'open', ChannelPolicy: 'open', StreamingMode: mode });
    await openChannel(alice, b.aliceDm);
    const postId = await ask(alice, b.aliceDm, `long reply 6000 (${mode})`);
    await waitState(alice, postId, 'done');
    const final = await gatewayFinal(`agent:main:mattermost:direct:${b.alice.user.id}`);
    expect(final.length).toBeGreaterThan(5000);
    expect((await b.alice.client.getPost(postId)).message).toBe(final);
    expect(fold(await replyText(alice, postId))).toBe(await shownText(alice, final));
    const renders = await rendersOf(alice.page, postId);
    const growing = renders.filter((r) => r.state === 'streaming' && r.text.length > 0).map((r) => fold(r.text));
    if (steps === 0) {
      // Progress mode: no partial text; the answer arrives whole (its last delta lands just before the end).
      const whole = await shownText(alice, final);
      expect(growing.filter((t) => t !== whole)).toEqual([]);
    } else {
      // Several distinct renders, each a prefix of the next: the text grew, it was never replaced.
      expect(new Set(growing).size).toBeGreaterThanOrEqual(steps);
      for (let i = 1; i < growing.length; i++) expect(growing[i].startsWith(growing[i - 1].slice(0, -20))).toBe(true);
    }
    await alice.screenshot(`01-${mode}-done`);
  });

  test('the requester stops a reply with the button; another person in the channel sees no button', async () => {
    await b.configure({ DmPolicy: 'open', ChannelPolicy: 'open', StreamingMode: 'partial' });
    const channel = b.world.channel.id;
    await openChannel(alice, channel);
    await signIn(web, bob, b.bob, channel);
    const postId = await ask(alice, channel, '@openclaw long reply 12000');
    await reply(alice, postId).getByTestId('openclaw-reply-stop').waitFor();
    await waitFor('text on both screens', async () => ((await replyText(alice, postId)).length > 0 && (await replyText(bob, postId)).length > 0) || undefined, 30_000, 50);
    await waitState(bob, postId, 'streaming');
    expect(await reply(bob, postId).getByTestId('openclaw-reply-stop').count()).toBe(0);
    await alice.screenshot('02-streaming-with-stop');
    await bob.screenshot('03-streaming-other-user-no-stop');
    await reply(alice, postId).getByTestId('openclaw-reply-stop').click();
    await waitState(alice, postId, 'stopped', 30_000);
    await waitState(bob, postId, 'stopped', 30_000);
    // The final post ends with the server's line, outside any code block the stop cut; the
    // webapp's own note ("Stopped before…") is only for the moment before that post arrives.
    const LINE = 'OpenClaw stopped before finishing this reply.';
    for (const tab of [alice, bob]) {
      await waitFor('the final post\'s stop line', async () => ((await replyText(tab, postId)).includes(LINE) || undefined), 30_000, 50);
      expect(await reply(tab, postId).getByTestId('openclaw-reply-note').count()).toBe(0);
      expect(await reply(tab, postId).locator('pre, code', { hasText: LINE }).count()).toBe(0);
    }
    const stoppedText = await replyText(alice, postId);
    expect(stoppedText.length).toBeLessThan(12000);
    const stored = await b.alice.client.getPost(postId);
    expect(stored.props?.openclaw_state).toBe('stopped');
    await alice.screenshot('04-stopped');
  });

  test('a reload mid-stream shows the snapshot, then the text goes on growing live', async () => {
    await openChannel(alice, b.aliceDm);
    // About 24 s of streaming (240 chunks, 100 ms apart): a reload on a busy machine still lands mid-stream.
    const postId = await ask(alice, b.aliceDm, 'slow reply 120 100');
    await waitFor('some text', async () => ((await replyText(alice, postId)).length > 100) || undefined, 30_000, 20);
    await alice.page.reload();
    await alice.page.waitForSelector('.bed-status__plugin[data-plugin-id="openclaw"][data-initialized="done"]');
    // The recorder starts afresh with the new page: its first text is the snapshot (or the stored checkpoint).
    const first = await waitFor('the snapshot on screen', async () =>
      (await rendersOf(alice.page, postId)).find((r) => r.state === 'streaming' && r.text.length > 0), 20_000, 20);
    await alice.screenshot('05-after-reload-snapshot');
    await waitState(alice, postId, 'done');
    const later = (await rendersOf(alice.page, postId)).filter((r) => r.at > first.at && r.state === 'streaming' && r.text.length > first.text.length);
    expect(later.length).toBeGreaterThanOrEqual(1); // live again: the text grew after the snapshot
    expect((await b.alice.client.getPost(postId)).message).toBe(slowReply(120));
    expect(fold(await replyText(alice, postId))).toBe(await shownText(alice, slowReply(120)));
    await alice.screenshot('06-after-reload-done');
  });

  test('a long stream formats each finished paragraph once: far less than the whole text at every frame', async () => {
    await openChannel(alice, b.aliceDm);
    // Count what the host's markdown pipeline is asked to format while the reply streams.
    await alice.page.evaluate(() => {
      const utils = window.PostUtils!;
      const format = utils.formatText!.bind(utils);
      const w = window as unknown as { __formatted: number };
      w.__formatted = 0;
      utils.formatText = (text, options) => ((w.__formatted += text.length), format(text, options));
    });
    const postId = await ask(alice, b.aliceDm, 'slow reply 200 40');
    await waitState(alice, postId, 'done');
    const formatted = await alice.page.evaluate(() => (window as unknown as { __formatted: number }).__formatted);
    const renders = (await rendersOf(alice.page, postId)).filter((r) => r.text.length > 0);
    // What formatting the whole text at each of these renders would have cost.
    const wholeEachTime = renders.reduce((n, r) => n + r.text.length, 0);
    console.log(`block rendering e2e: ${renders.length} renders; formatted ${formatted} characters, the whole text at each render would be ${wholeEachTime}`);
    expect(renders.length).toBeGreaterThanOrEqual(20);
    expect(formatted).toBeLessThan(wholeEachTime / 5);
    expect(fold(await replyText(alice, postId))).toBe(await shownText(alice, slowReply(200)));
    await alice.page.reload();
  });

  test('the desktop notification of a reply waits for the answer: none with the placeholder, one with the first words', async () => {
    await openChannel(alice, b.aliceDm);
    const notes = async () => (await bedRecord(alice)).notifications;
    const before = (await notes()).length;
    const postId = await ask(alice, b.aliceDm, 'slow reply 40 60');
    await waitState(alice, postId, 'done');
    const shown = await waitFor('the reply\'s notification', async () => {
      const fresh = (await notes()).slice(before);
      return fresh.length ? fresh : undefined;
    }, 30_000, 100);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ from: 'plugin', channelId: b.aliceDm });
    expect(shown[0].body).toMatch(/Word 1 word 2 word 3/);
    expect(shown[0].body).not.toContain('answering');
    // A person's message still notifies through the host, untouched by our hook.
    await say(b.bob, b.world.channel.id, 'ping from bob');
    const host = await waitFor('bob\'s notification', async () => (await notes()).find((n) => n.body.includes('ping from bob')), 30_000, 100);
    expect(host.from).toBe('host');
  });

  test('a post of our type forged by a person renders as its plain text', async () => {
    const forged = await say(b.alice, b.aliceDm, '**not bold** from a person', {
      type: REPLY_POST_TYPE as Post['type'], props: { openclaw_state: 'streaming', openclaw_requester: b.alice.user.id, openclaw_seq: 0 },
    });
    const el = alice.page.locator(`.openclaw-reply[data-post-id="${forged.id}"]`);
    await el.waitFor();
    expect(await el.getAttribute('data-state')).toBe('untrusted');
    expect(await el.textContent()).toBe('**not bold** from a person');
    expect(await el.locator('strong').count()).toBe(0);
    expect(await el.getByTestId('openclaw-reply-stop').count()).toBe(0);
    await alice.screenshot('07-forged-plain');
  });

  /** Records in the page, every frame, the first moment each reply shows reasoning text: whether its section is open and the answer then. */
  const recordReasoning = (tab: WatchedPage) => tab.page.evaluate(() => {
    const seen: ReasoningSeen[] = (window.__openclawReasoningSeen = []);
    const tick = (): void => {
      for (const el of document.querySelectorAll<HTMLElement>('.openclaw-reply[data-post-id]')) {
        const postId = el.dataset.postId ?? '';
        const text = el.querySelector('[data-testid="openclaw-reply-reasoning-text"]')?.textContent ?? '';
        if (!text || seen.some((s) => s.postId === postId)) continue;
        const open = el.querySelector<HTMLDetailsElement>('[data-testid="openclaw-reply-reasoning"]')?.open ?? false;
        seen.push({ postId, at: Date.now(), open, answer: el.querySelector('[data-testid="openclaw-reply-text"]')?.textContent ?? '' });
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });

  test('/oc_reasoning on: the reasoning streams into its own section above the answer and stays after; never in the message; off hides it', async () => {
    await b.configure({ DmPolicy: 'open', ChannelPolicy: 'open', StreamingMode: 'partial' });
    const dm = { id: b.aliceDm, team_id: b.world.team.id };
    const sessionKey = `agent:main:mattermost:direct:${b.alice.user.id}`;
    await runCommand(b.alice.client, b.ws.alice, dm, `/oc_model fake/${THINKER.id}`, 90_000);
    try {
      expect((await runCommand(b.alice.client, b.ws.alice, dm, '/oc_reasoning on', 90_000)).answer.message).toMatch(/Reasoning visibility enabled/);
      await openChannel(alice, b.aliceDm);
      await recordReasoning(alice);
      const asked = b.gw.model.requests.length;
      const postId = await ask(alice, b.aliceDm, 'reason then answer');
      const section = reply(alice, postId).getByTestId('openclaw-reply-reasoning');
      const seen = await waitFor('reasoning on screen', async () =>
        (await alice.page.evaluate(() => window.__openclawReasoningSeen ?? [])).find((r) => r.postId === postId), 30_000, 50);
      // While the model reasons and no answer exists yet, the section is open.
      expect(seen).toMatchObject({ open: true, answer: '' });
      await alice.screenshot('08-reasoning-streaming');
      // The fake model sends its first reasoning chunk one chunk delay (150 ms) after the gateway's request.
      const request = b.gw.model.requests.slice(asked).find((r) => JSON.stringify(r.body.messages ?? []).includes('reason then answer'));
      expect(request).toBeDefined();
      const lagMs = seen.at - (request!.at + 150);
      console.log(`reasoning e2e: first reasoning chunk of the model → on screen: ${lagMs} ms`);
      await waitState(alice, postId, 'done');
      expect(await section.getByTestId('openclaw-reply-reasoning-text').textContent()).toBe(REASONING);
      expect(await section.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false); // collapsed once the answer came
      expect(await replyText(alice, postId)).toBe(REASONED_ANSWER);
      // Above the answer, apart from it.
      expect(await reply(alice, postId).locator('[data-testid="openclaw-reply-reasoning"] ~ [data-testid="openclaw-reply-text"]').count()).toBe(1);
      const stored = await b.alice.client.getPost(postId);
      expect(stored.message).toBe(REASONED_ANSWER);
      expect(stored.message).toBe(await gatewayFinal(sessionKey));
      expect(stored.props?.openclaw_reasoning).toBe(REASONING);
      await section.locator('summary').click();
      await alice.screenshot('09-reasoning-done-expanded');
      // A reload shows it from the post's prop.
      await alice.page.reload();
      await alice.page.waitForSelector('.bed-status__plugin[data-plugin-id="openclaw"][data-initialized="done"]');
      await section.getByTestId('openclaw-reply-reasoning-text').waitFor({ state: 'attached' }); // collapsed: in the page, not visible
      expect(await section.getByTestId('openclaw-reply-reasoning-text').textContent()).toBe(REASONING);

      expect((await runCommand(b.alice.client, b.ws.alice, dm, '/oc_reasoning off', 90_000)).answer.message).toMatch(/Reasoning visibility disabled/);
      const hidden = await ask(alice, b.aliceDm, 'reason then answer');
      await waitState(alice, hidden, 'done');
      expect(await replyText(alice, hidden)).toBe(REASONED_ANSWER);
      expect(await reply(alice, hidden).getByTestId('openclaw-reply-reasoning').count()).toBe(0);
      const storedHidden = await b.alice.client.getPost(hidden);
      expect(storedHidden.message).toBe(REASONED_ANSWER);
      expect(storedHidden.props?.openclaw_reasoning).toBeUndefined();
      await alice.screenshot('10-reasoning-off');
    } finally {
      await runCommand(b.alice.client, b.ws.alice, dm, '/oc_model fake/fake-1', 90_000);
    }
  });
});
