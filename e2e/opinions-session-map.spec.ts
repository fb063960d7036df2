// The demo's ninth session leads to its opinion map, in English and in Arabic; the secretariat
// reads the map's opening and closing on the clock of the session's zone and opens its data; the
// map's page then tells participants, and its results page offers the three files, which download.
// axe-core on each page; screenshots in SCREENSHOT_DIR when it is set (for a person to look at).
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import ar from '../src/platform/i18n/messages/ar.json' with { type: 'json' };
import en from '../src/platform/i18n/messages/en.json' with { type: 'json' };
import { expectAccessible } from './support/browser';
import { openSignInLink, startSecretariatApp, type SecretariatApp } from './support/secretariat-app';

const SESSION = '/series/ip-frontier-technologies/sessions/9';
const MAP = '/opinions/training-the-machines';
const shots = process.env.SCREENSHOT_DIR;

/** The part of the page a change is about (`selector`), or the viewport. */
async function shot(page: Page, name: string, selector?: string) {
  if (!shots) return;
  fs.mkdirSync(shots, { recursive: true });
  const file = path.join(shots, `${name}.png`);
  if (selector) await page.locator(selector).first().screenshot({ path: file });
  else await page.screenshot({ path: file });
}

describe('[Opinions] the session page leads to its map; times in the session’s zone; open data', () => {
  let app: SecretariatApp;
  const problems: string[] = [];

  beforeAll(async () => {
    app = await startSecretariatApp({
      name: 'session-map',
      secretariat: 'sec@example.org',
      seedDemo: true,
      db: true,
      timeoutMs: 110_000,
    });
    app.page.setDefaultTimeout(20_000);
    app.page.on('response', (r) => {
      if (r.status() >= 500) problems.push(`${r.status()} ${r.url()}`);
    });
  }, 150_000);

  afterAll(async () => {
    await app?.stop();
  });

  test(
    '[Opinions] session 9 → map, in en and ar; the form’s zone; open data',
    { timeout: 240_000 },
    async () => {
      const { page, server } = app;
      const zone = (
        await app.db!.query<{ time_zone: string }>(
          `SELECT s.time_zone FROM conversations_sessions s JOIN opinions_maps m ON m.session_id = s.id
          WHERE m.slug = 'training-the-machines'`,
        )
      ).rows[0]!.time_zone;

      for (const [locale, t] of [
        ['en', en],
        ['ar', ar],
      ] as const) {
        await page.goto(`${server.url}/${locale}${SESSION}`);
        const section = page.locator('#opinion-maps');
        await expect.poll(() => section.locator('h2').textContent()).toBe(t['session.opinionMap.heading']);
        await shot(page, `session-9-${locale}`, '#opinion-maps');
        await expectAccessible(page, `session 9 (${locale})`);
        await section.getByRole('link', { name: t['session.opinionMap.takePart'] }).click();
        await expect.poll(() => new URL(page.url()).pathname).toBe(`/${locale}${MAP}`);
        await shot(page, `map-${locale}`);
      }

      await openSignInLink(app, page, app.secretariatLink, en);
      await expect.poll(() => new URL(page.url()).pathname).toBe('/en/account');
      const { id } = (
        await app.db!.query<{ id: string }>(
          `SELECT id FROM opinions_maps WHERE slug = 'training-the-machines'`,
        )
      ).rows[0]!;
      for (const locale of ['ar', 'en'] as const) {
        await page.goto(`${server.url}/${locale}/admin/opinions/${id}`);
        const legend = (locale === 'en' ? en : ar)['opinions.admin.when'].replace('{zone}', zone);
        await expect.poll(() => page.locator('fieldset legend').last().textContent()).toBe(legend);
        await page.locator('#field-opensAt').scrollIntoViewIfNeeded();
        await shot(page, `admin-map-${locale}`, 'form[novalidate] fieldset:last-of-type');
        await expectAccessible(page, `the map's form (${locale})`);
      }
      await page.locator('#field-closesAt').fill('2027-03-31T18:00');
      await page.locator('#field-publishOpenData').check();
      await page.getByRole('button', { name: en['opinions.admin.save'], exact: true }).click();
      await expect.poll(() => new URL(page.url()).search).toBe('?done=saved');

      for (const [locale, t] of [
        ['en', en],
        ['ar', ar],
      ] as const) {
        await page.goto(`${server.url}/${locale}${MAP}`);
        // The closing on the session's clock, and (script on) in the viewer's.
        await expect
          .poll(() => page.locator('.map-facts .viewer-time').first().textContent())
          .toContain(t['session.yourTime']);
        await shot(page, `map-open-data-${locale}`, 'main');
        await expectAccessible(page, `the map with open data (${locale})`);
        await expect
          .poll(() => page.locator('.open-data-note').textContent())
          .toContain(t['opinions.openData.notice']);
        await page.goto(`${server.url}/${locale}${MAP}/results`);
        const openData = page.locator('#open-data');
        await expect.poll(() => openData.locator('h2').textContent()).toBe(t['opinions.openData.heading']);
        await openData.scrollIntoViewIfNeeded();
        await shot(page, `results-${locale}`, '#open-data');
        await expectAccessible(page, `the results with open data (${locale})`);
      }
      const csv = await page.request.get(`${server.url}/en${MAP}/open-data/votes.csv`);
      expect(csv.status()).toBe(200);
      expect((await csv.text()).split('\n')[0]).toBe('timestamp,datetime,comment-id,voter-id,vote');
      expect(problems).toEqual([]);
    },
  );
});
