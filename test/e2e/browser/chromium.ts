// Debian's chromium driven by playwright-core (never a downloaded browser; .ci/run installs the
// package), and the page-side checks every browser test wants: console errors and uncaught
// exceptions are collected so a test can fail on them, and screenshots land in test/.work/screens/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { REPO_ROOT } from '../../harness';

export const CHROMIUM = process.env.OPENCLAW_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENS_DIR = join(REPO_ROOT, 'test', '.work', 'screens');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-background-networking'] });
}

export interface WatchedPage {
  page: Page;
  /** Console errors, uncaught exceptions and failed requests since the page opened (or the last take()). */
  takeErrors(): string[];
  /** Saves a PNG of the full page (or of one element) under test/.work/screens/<folder>/<name>.png and returns its path. */
  screenshot(name: string, of?: Locator): Promise<string>;
}

export async function openPage(browser: Browser, folder: string): Promise<WatchedPage> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 760 } });
  let errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  // Chromium's console line for a failed request has no URL; this one says which request it was.
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`http ${r.status()}: ${r.request().method()} ${r.url()}`);
  });
  const dir = join(SCREENS_DIR, folder);
  mkdirSync(dir, { recursive: true });
  return {
    page,
    takeErrors: () => {
      const taken = errors;
      errors = [];
      return taken;
    },
    screenshot: async (name, of) => {
      const path = join(dir, `${name}.png`);
      await (of ? of.screenshot({ path }) : page.screenshot({ path, fullPage: true }));
      return path;
    },
  };
}
