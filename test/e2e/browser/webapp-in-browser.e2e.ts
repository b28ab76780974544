// Issue 9 item 3: our built webapp bundle in a real browser (Debian's chromium), loaded by the
// browser test bed's host page exactly as Mattermost's web client loads it, against a real
// Mattermost server with our plugin installed. A person signs in through the page; the bundle comes
// from the server's /static/plugins/ URL; initialize registers our post type; a reply post of ours
// created by the plugin's bot arrives over the real WebSocket and is rendered by our component
// through the host's markdown pipeline. A system admin's plugin settings page saves a setting.
import type { Post } from '@mattermost/types/posts';
import type { Browser } from 'playwright-core';
import { startBrowserBed, type BrowserBed } from '../../browser-bed/server/serve';
import type { BedRecord } from '../../browser-bed/app/record';
import { client, createWorld, DEFAULT_PASSWORD, installPlugin, readDistBundle, useTestBed, type World } from '../../harness';
import { REPLY_POST_TYPE } from '../../../webapp/src/streaming/post-type';
import { INTERACTIVE_POST_TYPE } from '../../../webapp/src/interactions/post-type';
import { launchChromium, openPage, type WatchedPage } from './chromium';

jest.setTimeout(180_000);

describe('our webapp bundle in chromium, on the browser test bed, against a real Mattermost', () => {
  const bed = useTestBed();
  let world: World;
  let web: BrowserBed;
  let browser: Browser;
  let tab: WatchedPage;

  const alice = () => world.users[0];
  const bedRecord = (): Promise<BedRecord> => tab.page.evaluate(() => window.__openclawBed);

  beforeAll(async () => {
    world = await createWorld(bed().url, bed().admin);
    await installPlugin(bed().admin.client, readDistBundle(), { logFile: bed().logFile });
    web = await startBrowserBed({ mattermostUrl: bed().url, admin: bed().admin.client });
    browser = await launchChromium();
    tab = await openPage(browser, 'webapp-bed');
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
  });

  // Any console error or uncaught exception in the page (React warnings included) fails the test
  // that caused it, and so does any error the bed recorded (e.g. an unknown registry method).
  afterEach(async () => {
    expect(tab.takeErrors()).toEqual([]);
    expect((await bedRecord()).errors).toEqual([]);
  });

  test('a user signs in through the page; our bundle loads from /static/plugins/ and registers our post type', async () => {
    const { page } = tab;
    await page.goto(web.url);
    await page.waitForSelector('#bed-username');
    await tab.screenshot('01-sign-in');

    await page.fill('#bed-username', alice().user.username);
    await page.fill('#bed-password', DEFAULT_PASSWORD);
    await page.click('#bed-sign-in');
    await page.waitForSelector(`.bed-app[data-user="${alice().user.username}"]`);
    await page.waitForSelector('.bed-status__plugin[data-plugin-id="openclaw"][data-initialized="done"]');

    const record = await bedRecord();
    expect(record.scripts).toEqual([{ pluginId: 'openclaw', src: expect.stringMatching(/\/static\/plugins\/openclaw\/openclaw_\w+_bundle\.js$/) as unknown }]);
    const ours = record.registryCalls.filter((c) => c.pluginId === 'openclaw');
    expect(ours.map((c) => [c.method, c.args[0]]).filter(([m]) => !m.startsWith('registerAdminConsole'))).toEqual([
      ['registerPostTypeComponent', REPLY_POST_TYPE],
      ['registerDesktopNotificationHook', expect.anything() as unknown],
      ...['stream_delta', 'stream_status', 'stream_end', 'stream_reset', 'stream_reasoning'].map((e) => ['registerWebSocketEventHandler', `custom_openclaw_${e}`]),
      ['registerReconnectHandler', expect.anything() as unknown],
      ['registerPostTypeComponent', INTERACTIVE_POST_TYPE],
    ]);
    await tab.screenshot('02-signed-in');
  });

  test('a reply post of ours from the plugin bot arrives over the WebSocket and renders through our component and the host markdown', async () => {
    const { page } = tab;
    const admin = bed().admin.client;
    const bot = await admin.getUserByUsername('openclaw');
    expect(bot.is_bot).toBe(true);
    const botClient = client(bed().url, (await admin.createUserAccessToken(bot.id, 'browser e2e')).token);
    const dm = await alice().client.createDirectChannel([alice().user.id, bot.id]);

    await page.evaluate((id) => (window.location.hash = `#/channels/${id}`), dm.id);
    await page.waitForSelector(`.bed-channel-header[data-channel-id="${dm.id}"]`);
    await page.waitForFunction(() => window.__openclawBed.wsEvents.includes('hello'));

    // A plain post: shown as the text it is (the page renders only plugin post types as markdown).
    const plain = await alice().client.createPost({ channel_id: dm.id, message: 'Hi **bot**, what is new?' });
    await page.waitForSelector(`.bed-post[data-post-id="${plain.id}"] .bed-post__text >> text=Hi **bot**, what is new?`);

    const reply: Post = await botClient.createPost({
      channel_id: dm.id,
      type: REPLY_POST_TYPE as Post['type'], // custom_* types are valid on the server, not in the client's union
      message: '**Hello** from OpenClaw.\n\n- first point\n- second point\n\nRun `ls -la` to see more.',
    });
    const rendered = page.locator(`.bed-post[data-post-id="${reply.id}"] .openclaw-reply[data-post-id="${reply.id}"]`);
    await rendered.waitFor();
    expect(await rendered.locator('strong').first().textContent()).toBe('Hello');
    expect(await rendered.locator('li').allTextContents()).toEqual(['first point', 'second point']);
    expect(await rendered.locator('code').textContent()).toBe('ls -la');
    // It came live: the page had already loaded the channel, nothing reconnected or refetched.
    const record = await bedRecord();
    expect(record.wsEvents).toContain('posted');
    expect(record.reconnects).toBe(0);
    await tab.screenshot('03-reply-post');

    // An edit of the post reaches the page as post_edited and is rendered in place.
    await botClient.patchPost({ id: reply.id, message: '**Hello** again, edited.' });
    await rendered.locator('text=again, edited.').waitFor();
    expect(await page.locator(`.openclaw-reply[data-post-id="${reply.id}"]`).count()).toBe(1);
    await tab.screenshot('04-reply-post-edited');

    // After a reload the session resumes from the cookie and the posts come from the REST API.
    await page.reload();
    await page.waitForSelector('.bed-status__plugin[data-plugin-id="openclaw"][data-initialized="done"]');
    await page.locator(`.openclaw-reply[data-post-id="${reply.id}"] strong`).waitFor();
    expect(await page.locator(`.openclaw-reply[data-post-id="${reply.id}"]`).textContent()).toBe('Hello again, edited.');
    await tab.screenshot('05-after-reload');
  });

  test('a system admin signs in after a sign-out and changes a plugin setting on its System Console page', async () => {
    const { page } = tab;
    await page.click('.bed-top__user button');
    await page.waitForSelector('#bed-username');
    await page.fill('#bed-username', bed().admin.user.username);
    await page.fill('#bed-password', DEFAULT_PASSWORD);
    await page.click('#bed-sign-in');
    await page.click('.bed-top__link >> text=System Console: openclaw');
    const agentId = page.locator('[id="PluginSettings.Plugins.openclaw.agentid"]');
    expect(await agentId.inputValue()).toBe('main');
    await agentId.fill('browser-agent');
    await page.click('#bed-console-save');
    await page.locator('.bed-console__save >> text=Saved.').waitFor();
    const saved = (await bed().admin.client.getConfig()).PluginSettings.Plugins.openclaw as Record<string, unknown>;
    expect(saved.agentid).toBe('browser-agent');
    await tab.screenshot('06-system-console');
  });
});
