// Issue 11 item 1 in a real browser: the plugin's System Console page on the browser test bed,
// against a real Mattermost and a real OpenClaw gateway (test/gateway-bed). The status panel in
// each state (disabled, pairing-required with the command, connected, error), Test connection
// of unsaved values (a wrong token is refused in the gateway's words), Reset device back to
// pairing-required, and DM pairing requests approved and revoked. Screenshots in
// test/.work/screens/admin/. The tests build on each other, in order.
import { join } from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import { startBed, type Bed } from '../../gateway-bed/bed.cjs';
import { startBrowserBed, type BrowserBed } from '../../browser-bed/server/serve';
import type { BedRecord } from '../../browser-bed/app/record';
import { createWorld, DEFAULT_PASSWORD, installPlugin, readDistBundle, useTestBed, type World } from '../../harness';
import { launchChromium, openPage, SCREENS_DIR, type WatchedPage } from './chromium';

jest.setTimeout(240_000);

let gatewayBed: Bed | undefined;
let bedStarting: Promise<Bed> | undefined;
// The gateway starts while Mattermost does (useTestBed's beforeAll runs after this one).
beforeAll(() => {
  bedStarting = startBed().then((b) => (gatewayBed = b));
  bedStarting.catch(() => undefined); // awaited (and reported) below
});

describe('System Console: live status, Test connection, Reset device, DM pairing', () => {
  const mm = useTestBed();
  let world: World;
  let gw: Bed;
  let web: BrowserBed;
  let browser: Browser;
  let tab: WatchedPage;

  const panel = (): Locator => tab.page.getByTestId('openclaw-status-panel');
  const state = (status: string): Promise<void> =>
    panel().locator(`[data-testid="openclaw-status-state"][data-status="${status}"]`).waitFor({ timeout: 90_000 });
  const field = (key: string): Locator => tab.page.getByTestId(`openclaw-field-${key}`);
  const save = async (): Promise<void> => {
    await tab.page.click('#bed-console-save');
    await tab.page.locator('.bed-console__save >> text=Saved.').waitFor();
  };
  const testConnection = async (): Promise<Locator> => {
    await tab.page.getByTestId('openclaw-test-connection').click();
    const result = tab.page.getByTestId('openclaw-test-result');
    await result.waitFor({ timeout: 30_000 });
    return result;
  };

  beforeAll(async () => {
    await installPlugin(mm().admin.client, readDistBundle(), { logFile: mm().logFile });
    world = await createWorld(mm().url, mm().admin);
    gw = await bedStarting!;
    web = await startBrowserBed({ mattermostUrl: mm().url, admin: mm().admin.client });
    browser = await launchChromium();
    tab = await openPage(browser, 'admin');
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await (gatewayBed ?? (await bedStarting?.catch(() => undefined)))?.stop();
  }, 60_000);

  afterEach(async () => {
    expect(tab.takeErrors()).toEqual([]);
    expect((await tab.page.evaluate((): BedRecord => window.__openclawBed)).errors).toEqual([]);
  });

  test('disabled: an admin opens the settings page and the panel says what to do', async () => {
    const { page } = tab;
    await page.goto(web.url);
    await page.fill('#bed-username', mm().admin.user.username);
    await page.fill('#bed-password', DEFAULT_PASSWORD);
    await page.click('#bed-sign-in');
    await page.click('.bed-top__link >> text=System Console: openclaw');
    await state('disabled');
    expect(await panel().textContent()).toContain('the gateway URL and token are not set yet');
    // Our own controls replace the plain ones, with the manifest's labels and help around them.
    await field('GatewayURL').waitFor();
    expect(await field('GatewayToken').getAttribute('type')).toBe('password');
    expect(await field('GatewayURL').getAttribute('placeholder')).toBe('wss://gateway.example.com');
    await page.getByTestId('openclaw-pairing-panel').locator('text=No one is waiting.').waitFor();
    await tab.screenshot('01-disabled');
  });

  test("Test connection with a wrong token (not saved) shows the gateway's refusal in words", async () => {
    await field('GatewayURL').fill(gw.remoteUrl);
    await field('GatewayToken').fill('definitely-not-the-token');
    const result = await testConnection();
    expect(await result.getAttribute('data-ok')).toBe('false');
    expect(await result.textContent()).toMatch(/rejected the token/);
    // The typed token stays in its password field: the answer never carries it back.
    expect(await panel().textContent()).not.toContain('definitely-not-the-token');
    // Nothing was saved or changed: the live link is still disabled.
    await state('disabled');
    await tab.screenshot('02-test-connection-wrong-token');
  });

  test('the right token: Test connection says the credentials work; Save → pairing-required with the exact command', async () => {
    await field('GatewayToken').fill(gw.token);
    const result = await testConnection();
    expect(await result.getAttribute('data-ok')).toBe('true');
    expect(await result.textContent()).toMatch(/accepted these credentials/);
    await save();
    await state('pairing-required');
    const requestId = (await tab.page.getByTestId('openclaw-request-id').textContent())!;
    expect(await tab.page.getByTestId('openclaw-approve-command').textContent()).toBe(`openclaw devices approve ${requestId}`);
    expect(((await gw.gateway.listDevices()).pending ?? []).map((p) => p.requestId)).toContain(requestId);
    await tab.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: web.url });
    await tab.page.getByTestId('openclaw-copy-command').click();
    await tab.page.getByTestId('openclaw-copy-command').locator('text=Copied').waitFor();
    expect(await tab.page.evaluate(() => navigator.clipboard.readText())).toBe(`openclaw devices approve ${requestId}`);
    // The earlier test answer was about other values (the wrong token): it is gone.
    await tab.screenshot('03-pairing-required');
    await panel().screenshot({ path: join(SCREENS_DIR, 'admin', '03-pairing-required-panel.png') }); // the README's picture
  });

  test('the operator approves → connected with the gateway version and granted scopes, no reload', async () => {
    const requestId = (await tab.page.getByTestId('openclaw-request-id').textContent())!;
    await gw.approveDevice(requestId);
    await state('connected');
    expect(await tab.page.getByTestId('openclaw-gateway-version').textContent()).toBe('2026.9.6');
    expect(await tab.page.getByTestId('openclaw-scopes').textContent()).toContain('operator.write');
    // The saved token comes back masked; testing it tests the saved one.
    await tab.page.reload();
    await state('connected');
    expect(await field('GatewayToken').inputValue()).toMatch(/^\*+$/);
    const result = await testConnection();
    expect(await result.textContent()).toBe('Connected: OpenClaw 2026.9.6 accepted these settings.');
    await tab.screenshot('04-connected');
  });

  test('Reset device asks first, then leads back to pairing-required with a new request', async () => {
    const oldPending = new Set(((await gw.gateway.listDevices()).pending ?? []).map((p) => p.requestId));
    await tab.page.getByTestId('openclaw-reset-device').click();
    await tab.page.getByTestId('openclaw-reset-confirm').waitFor();
    await tab.screenshot('05-reset-confirm');
    await tab.page.getByTestId('openclaw-reset-confirm-yes').click();
    await state('pairing-required');
    const requestId = (await tab.page.getByTestId('openclaw-request-id').textContent())!;
    expect(oldPending.has(requestId)).toBe(false);
    expect(((await gw.gateway.listDevices()).pending ?? []).map((p) => p.requestId)).toContain(requestId);
    await tab.screenshot('06-after-reset');
  });

  test('error: a gateway URL nobody answers shows the reason in plain words and when it changed', async () => {
    await field('GatewayURL').fill('ws://127.0.0.1:9');
    // The last Test connection answer was about the old URL: it no longer shows.
    await tab.page.getByTestId('openclaw-test-result').waitFor({ state: 'detached' });
    await save();
    await state('error');
    expect(await tab.page.getByTestId('openclaw-status-reason').textContent()).toMatch(/connection refused/);
    await tab.page.getByTestId('openclaw-status-changed').waitFor();
    await tab.screenshot('07-error');
  });

  test('DM pairing: a new person DMs the bot, the admin approves them in the console, then revokes', async () => {
    const alice = world.users[0];
    const bot = await mm().admin.client.getUserByUsername('openclaw');
    const dm = await alice.client.createDirectChannel([alice.user.id, bot.id]);
    await alice.client.createPost({ channel_id: dm.id, message: 'hello bot' });
    const pairing = tab.page.getByTestId('openclaw-pairing-panel');
    const pending = pairing.getByTestId('openclaw-pairing-pending').filter({ hasText: `@${alice.user.username}` });
    await pending.waitFor({ timeout: 30_000 });
    await pairing.scrollIntoViewIfNeeded();
    await tab.screenshot('08-pairing-request');
    await pending.locator('button >> text=Approve').click();
    const approved = pairing.getByTestId('openclaw-pairing-approved').filter({ hasText: `@${alice.user.username}` });
    await approved.waitFor();
    expect(await pairing.getByTestId('openclaw-pairing-pending').count()).toBe(0);
    await pairing.scrollIntoViewIfNeeded();
    await tab.screenshot('09-pairing-approved');
    await approved.locator('button >> text=Revoke').click();
    await approved.waitFor({ state: 'detached' });
  });
});
