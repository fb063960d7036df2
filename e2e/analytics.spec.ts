// The reach pages in a real Chromium against the built app (demo seeded): the series home links to
// the reach page, which shows the world map (an image with its title and legend), the table of
// countries beside it, a "how this is counted" note under every figure and a CSV download for every
// table; the downloads are CSV; axe finds nothing in English and in Arabic (right to left), on the
// series page and a session's page. Texts come from the message catalogs.
import fs from 'node:fs/promises';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import ar from '../src/platform/i18n/messages/ar.json' with { type: 'json' };
import en from '../src/platform/i18n/messages/en.json' with { type: 'json' };
import { checkA11y, formatViolations, launchChromium } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

const SERIES = 'ip-frontier-technologies';
const TABLES = [
  'countries',
  'regions',
  'subregions',
  'stakeholder-groups',
  'categories',
  'genders',
  'sessions',
];

describe('[Analytics] reach pages', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  /** axe runs in the page: this context has JavaScript on (the journey's has it off). */
  let scripted: BrowserContext;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer({ timeoutMs: 120_000 }), launchChromium()]);
    context = await browser.newContext({ acceptDownloads: true, javaScriptEnabled: false });
    scripted = await browser.newContext();
  });

  afterAll(async () => {
    await context?.close();
    await scripted?.close();
    await browser?.close();
    await server?.stop();
  });

  test('[Analytics] a visitor follows the series home to the reach page: map, table, notes and CSV downloads, without JavaScript', async () => {
    const page = await context.newPage();

    await page.goto(`${server.url}/en/series/${SERIES}`);
    await page.getByRole('link', { name: en['analytics.home.link'] }).click();

    expect(new URL(page.url()).pathname).toBe(`/en/series/${SERIES}/reach`);
    expect(await page.locator('h1').textContent()).toBe(en['analytics.page.heading']);
    const map = page.getByRole('img', { name: en['analytics.map.title'] });
    expect(await map.count()).toBe(1);
    expect(await page.locator('.reach-map path[data-country]').count()).toBeGreaterThan(150);
    expect(await page.locator('.legend li').count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByRole('table', { name: en['analytics.section.countries'] }).count()).toBe(1);
    // A note under every figure: the headline, countries, regions, sub-regions, groups, categories,
    // gender and the trend across sessions.
    expect(await page.locator('p.how-counted', { hasText: en['analytics.howCounted'] }).count()).toBe(8);
    // Figures shown as numbers, or as "fewer than 5": never a raw message key.
    expect(await page.locator('body').textContent()).not.toMatch(/analytics\.\w/);

    for (const table of TABLES) {
      const name = en['analytics.csv'].replace(
        '{table}',
        en[
          `analytics.section.${table === 'stakeholder-groups' ? 'stakeholderGroups' : table}` as keyof typeof en
        ] as string,
      );
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name, exact: true }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`reach-${SERIES}-${table}.csv`);
      const csv = await fs.readFile(await download.path(), 'utf8');
      const [header] = csv.replace(/^\ufeff/, '').split('\r\n');
      expect(header).toMatch(/people_registered,people_attended/);
      // Nothing between 1 and 4 in a public file.
      expect(csv).not.toMatch(/,[1-4](,|\r\n)/);
    }
    await page.close();
  });

  for (const locale of ['en', 'ar'] as const) {
    for (const path of [`/series/${SERIES}/reach`, `/series/${SERIES}/sessions/9/reach`]) {
      test(`[Analytics] axe finds nothing on ${locale}${path}`, async () => {
        const page = await scripted.newPage();

        const response = await page.goto(`${server.url}/${locale}${path}`);

        expect(response?.status()).toBe(200);
        expect(await page.getAttribute('html', 'dir')).toBe(locale === 'ar' ? 'rtl' : 'ltr');
        const messages = locale === 'ar' ? ar : en;
        expect(
          await page.locator('p.how-counted', { hasText: messages['analytics.howCounted'] }).count(),
        ).toBeGreaterThan(5);
        expect(formatViolations(await checkA11y(page))).toBe('');
        await page.close();
      }, 180_000);
    }
  }
});
