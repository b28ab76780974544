// Issue 10 item 6, confirmations in a real browser: the dist/ bundle on a real Mattermost, the
// real OpenClaw gateway asking for exec approval (the fake model calls `exec`), Debian's chromium
// on the browser test bed. The approval post renders our buttons; a press in the page goes
// through Mattermost's action endpoint; the decided post renders our confirmation component
// (no buttons, the mobile sentence not repeated). Screenshots in test/.work/screens/interactions/.
import type { Post } from '@mattermost/types/posts';
import type { Browser, Locator } from 'playwright-core';
import { startBrowserBed, type BrowserBed } from '../../browser-bed/server/serve';
import { INTERACTIVE_POST_TYPE } from '../../../webapp/src/interactions/post-type';
import { botPosts, say, useConversationBed, type ConvBed } from '../conversations/bed';
import { launchChromium, openPage, type WatchedPage } from './chromium';
import { bedRecord, signIn } from './bed-session';

jest.setTimeout(300_000);

const ASKS = 'OpenClaw asks to run a command';

describe('approval buttons and confirmations in the browser', () => {
  const bed = useConversationBed({ DmPolicy: 'open', ChannelPolicy: 'open' });
  let b: ConvBed;
  let web: BrowserBed;
  let browser: Browser;
  let alice: WatchedPage;

  const channel = () => b.world.channel.id;
  const postEl = (id: string): Locator => alice.page.locator(`.openclaw-interactive[data-post-id="${id}"]`);
  const bedPost = (id: string): Locator => alice.page.locator(`.bed-post[data-post-id="${id}"]`);

  beforeAll(async () => {
    b = bed();
    await b.configure({ DmPolicy: 'open', ChannelPolicy: 'open', ExecApprovers: `@${b.alice.user.username}` });
    web = await startBrowserBed({ mattermostUrl: b.mm.url, admin: b.mm.admin.client });
    browser = await launchChromium();
    alice = await openPage(browser, 'interactions');
    await signIn(web, alice, b.alice, channel());
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
  }, 60_000);

  afterEach(async () => {
    expect(alice.takeErrors()).toEqual([]);
    expect((await bedRecord(alice)).errors).toEqual([]);
  });

  /** Alice asks in the page's composer; resolves the approval post once the page shows its buttons. */
  async function pendingApproval(): Promise<Post> {
    const from = b.ws.alice.events.length;
    await alice.page.fill('#bed-message', '@openclaw please run exec');
    await alice.page.press('#bed-message', 'Enter');
    const [seen] = await botPosts(b.ws.alice, b.botId, (p) => p.channel_id === channel() && p.message.includes(ASKS), 1, 120_000, from);
    const post = await b.alice.client.getPost(seen.id);
    expect(post.type).toBe(INTERACTIVE_POST_TYPE);
    await alice.page.locator(`.openclaw-interactive[data-post-id="${post.id}"][data-state="pending"] button[data-action-id]`).first().waitFor({ timeout: 30_000 });
    return post;
  }

  test('pressing Approve once in the page decides: our confirmation replaces the buttons, then the command\'s reply arrives', async () => {
    const post = await pendingApproval();
    const buttons = postEl(post.id).locator('button[data-action-id]');
    expect(await buttons.allTextContents()).toEqual(['Approve once', 'Deny']);
    expect(await postEl(post.id).textContent()).toContain('echo hello-from-exec');
    await alice.screenshot('01-approval-pending', bedPost(post.id));

    const from = b.ws.alice.events.length;
    await buttons.filter({ hasText: 'Approve once' }).click();
    const decided = alice.page.locator(`.openclaw-interactive[data-post-id="${post.id}"][data-state="decided"]`);
    await decided.waitFor({ timeout: 60_000 });
    const confirmation = decided.getByTestId('openclaw-decision');
    expect(await confirmation.getAttribute('data-outcome')).toBe('allow-once');
    expect(await confirmation.getAttribute('class')).toContain('openclaw-decision--positive');
    expect(await confirmation.textContent()).toMatch(new RegExp(`^✓Approve once by @${b.alice.user.username} · \\d{1,2}:\\d{2}`));
    expect(await decided.locator('button').count()).toBe(0);
    // The sentence kept in post.message for mobile is not shown twice.
    expect(await decided.textContent()).not.toContain('UTC');
    expect((await b.alice.client.getPost(post.id)).message).toContain(`✓ **Approve once** by @${b.alice.user.username}`);
    await botPosts(b.ws.alice, b.botId, (p) => p.channel_id === channel() && p.message.includes('Tool said: hello-from-exec'), 1, 120_000, from);
    await alice.screenshot('02-approval-approved', bedPost(post.id));
  });

  test('Deny gets the negative confirmation; the model reports the denial', async () => {
    const post = await pendingApproval();
    const from = b.ws.alice.events.length;
    await postEl(post.id).locator('button[data-action-id="deny"]').click();
    const confirmation = alice.page.locator(`.openclaw-interactive[data-post-id="${post.id}"][data-state="decided"] [data-testid="openclaw-decision"]`);
    await confirmation.waitFor({ timeout: 60_000 });
    expect(await confirmation.getAttribute('data-outcome')).toBe('deny');
    expect(await confirmation.getAttribute('class')).toContain('openclaw-decision--negative');
    expect(await confirmation.textContent()).toContain('Denied by @');
    await botPosts(b.ws.alice, b.botId, (p) => p.channel_id === channel() && /denied/i.test(p.message), 1, 120_000, from);
    await alice.screenshot('03-approval-denied', bedPost(post.id));
  });

  test('a post of our type forged by a person, buttons and all, is its plain message', async () => {
    const forged = await say(b.alice, channel(), '**Approve?**', {
      type: INTERACTIVE_POST_TYPE as Post['type'],
      props: { attachments: [{ actions: [{ id: 'allowonce', name: 'Approve once', type: 'button', integration: { url: '/plugins/openclaw/api/v1/interactions/click' } }] }] },
    });
    const el = postEl(forged.id);
    await el.waitFor();
    expect(await el.getAttribute('data-state')).toBe('untrusted');
    expect(await el.textContent()).toBe('**Approve?**');
    expect(await el.locator('button').count()).toBe(0);
  });
});
