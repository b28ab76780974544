// Signing a person in on the browser test bed and opening a channel, as the browser e2e
// tests do before they look at posts; and the bed's own record of plugin errors.
import type { BedRecord } from '../../browser-bed/app/record';
import type { BrowserBed } from '../../browser-bed/server/serve';
import { DEFAULT_PASSWORD, type LoggedIn } from '../../harness';
import type { WatchedPage } from './chromium';
import { watchReplies } from './reply-watch';

export async function openChannel(tab: WatchedPage, channelId: string): Promise<void> {
  await tab.page.evaluate((id) => (window.location.hash = `#/channels/${id}`), channelId);
  await tab.page.waitForSelector(`.bed-channel-header[data-channel-id="${channelId}"]`);
}

export async function signIn(web: BrowserBed, tab: WatchedPage, who: LoggedIn, channelId: string): Promise<void> {
  await watchReplies(tab.page);
  await tab.page.goto(web.url);
  await tab.page.fill('#bed-username', who.user.username);
  await tab.page.fill('#bed-password', DEFAULT_PASSWORD);
  await tab.page.click('#bed-sign-in');
  await tab.page.waitForSelector('.bed-status__plugin[data-plugin-id="openclaw"][data-initialized="done"]');
  await openChannel(tab, channelId);
}

/** What the bed recorded of plugin registrations and errors. */
export const bedRecord = (tab: WatchedPage): Promise<BedRecord> => tab.page.evaluate(() => window.__openclawBed);
