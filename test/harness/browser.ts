import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

/**
 * A real Chromium for the web app's tests: Debian's `chromium` package (or CHROMIUM_PATH),
 * driven by playwright-core. No browser download, no network of its own.
 */
export function chromiumPath(): string | null {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  return existsSync(path) ? path : null;
}

let announced = false;

/**
 * Whether the browser tests can run here. Without Chromium they are skipped with one
 * line on stderr, except in CI (env CI set), where a missing browser is a failure.
 */
export function browserAvailable(): boolean {
  if (chromiumPath()) return true;
  if (process.env.CI) {
    throw new Error(
      'CI is set but no Chromium was found (CHROMIUM_PATH or /usr/bin/chromium): the browser tests must run in CI',
    );
  }
  if (!announced) {
    announced = true;
    process.stderr.write(
      'browser tests skipped: no Chromium at CHROMIUM_PATH or /usr/bin/chromium (apt-get install chromium)\n',
    );
  }
  return false;
}

export interface TestBrowser {
  /** The one browser context (a fresh profile); each test opens its own pages in it. */
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Launches Chromium headless with a fresh profile and nothing that phones home.
 * playwright takes the profile directory as `launchPersistentContext`'s argument (it
 * refuses a `--user-data-dir` in `args`) and passes it on as that flag.
 */
export async function launchBrowser(): Promise<TestBrowser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('no Chromium (CHROMIUM_PATH or /usr/bin/chromium)');
  const profile = mkdtempSync(join(tmpdir(), 'fachtag-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1280, height: 900 },
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** axe-core's violations of WCAG 2.0/2.1 A and AA on the page as it is now, as readable lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.map(
    (v) =>
      `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
  );
}

/** Whether the page scrolls sideways (reflow: WCAG 1.4.10). */
export async function scrollsHorizontally(page: Page): Promise<boolean> {
  // a string runs in the page, where `document` exists (the test's tsconfig has no DOM)
  return page.evaluate<boolean>(
    'document.documentElement.scrollWidth > document.documentElement.clientWidth',
  );
}
