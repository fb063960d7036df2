// Opinion map results in a real Chromium against the built app (issue #5's browser test): three
// participants sign up by the mailed link and vote one statement at a time, one adds a statement;
// the results page goes from "not enough votes yet" to a map with groups once the schedule has
// recomputed (every second here), and updates after more votes. axe-core checks the results and
// report pages in English and Arabic.
import type pg from 'pg';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import en from '../src/platform/i18n/messages/en.json' with { type: 'json' };
import { expectAccessible } from './support/browser';
import { signInByMail, startSecretariatApp, type SecretariatApp } from './support/secretariat-app';
import type { TestServer } from './support/server';

const EN = en as unknown as Record<string, string>;
const SLUG = 'e2e-results-map';
const PRO = ['Pro one', 'Pro two', 'Pro three', 'Pro four'].map((s) => `${s}: creators should be paid`);
const CONTRA = ['Contra one', 'Contra two', 'Contra three', 'Contra four'].map(
  (s) => `${s}: training is fair use`,
);
const ADDED = 'Datasets used for training should be listed in public';

describe('[Opinion results] three participants vote, one adds a statement; the map and groups appear and update', () => {
  let app: SecretariatApp;
  let server: TestServer;
  let db: pg.Client;

  beforeAll(async () => {
    app = await startSecretariatApp({
      name: 'opinions',
      mail: true,
      db: true,
      seedDemo: true,
      env: { OPINIONS_RECOMPUTE_INTERVAL_S: '1' },
      timeoutMs: 120_000,
    });
    ({ server } = app);
    db = app.db!;
    // A fresh published map with eight seed statements, as the secretariat would make it.
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO opinions_maps (slug, topic, description, opens_at, is_published, moderation)
       VALUES ($1, $2, $3, now() - interval '1 day', true, 'post') RETURNING id`,
      [
        SLUG,
        { en: 'Paying for training data', ar: 'الدفع مقابل بيانات التدريب' },
        { en: 'A map for the browser test.' },
      ],
    );
    for (const body of [...PRO, ...CONTRA]) {
      await db.query(
        `INSERT INTO opinions_statements (map_id, language, body, is_seed, status) VALUES ($1, 'en', $2, true, 'accepted')`,
        [rows[0]!.id, body],
      );
    }
  }, 240_000);

  afterAll(() => app?.stop());

  /** A new browser, signed up by the mailed link from the map's "sign in to vote", back on the map. */
  async function participant(email: string): Promise<Page> {
    const page = await app.newPage();
    await page.goto(`${server.url}/en/opinions/${SLUG}`);
    await page.getByRole('link', { name: EN['opinions.signInToVote'] }).click();
    await signInByMail(app, page, email, EN);
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/en/opinions/${SLUG}`);
    return page;
  }

  /** Votes on every statement the map offers, one at a time, deciding by its text. */
  async function voteAll(page: Page, decide: (text: string) => 'agree' | 'disagree' | 'pass') {
    for (let i = 0; i < 20; i++) {
      const statement = page.locator('#statement-text');
      if ((await statement.count()) === 0) return;
      const text = (await statement.textContent()) ?? '';
      const button = {
        agree: 'opinions.vote.agree',
        disagree: 'opinions.vote.disagree',
        pass: 'opinions.vote.pass',
      }[decide(text)];
      await page.getByRole('button', { name: EN[button]!, exact: true }).first().click();
      await page.waitForLoadState('load');
    }
    throw new Error('more statements than expected');
  }

  const results = `/en/opinions/${SLUG}/results`;
  const figure = (page: Page, name: string) => page.locator(`[data-figure="${name}"]`).textContent();

  test('[Opinion results] the browser journey', { timeout: 240_000 }, async () => {
    const visitor = app.page;
    await visitor.goto(`${server.url}${results}`);
    expect(await visitor.locator('svg.opinion-map').count()).toBe(0);
    expect(await visitor.textContent('main')).toContain(EN['opinions.results.notYet.heading']);
    await expectAccessible(visitor, 'results without a result (en)');

    // Ana and Bo lean one way, Chen the other; Chen adds a statement of their own.
    const ana = await participant('ana@example.org');
    await voteAll(ana, (t) => (t.startsWith('Pro') ? 'agree' : 'disagree'));
    const bo = await participant('bo@example.org');
    await voteAll(bo, (t) =>
      t.startsWith('Pro') ? 'agree' : t.startsWith('Contra four') ? 'pass' : 'disagree',
    );
    const chen = await participant('chen@example.org');
    await voteAll(chen, (t) => (t.startsWith('Pro') ? 'disagree' : 'agree'));
    await chen.getByLabel(EN['opinions.add.label']!).fill(ADDED);
    await chen.getByRole('button', { name: EN['opinions.add.submit']! }).click();
    await chen.waitForLoadState('load');
    await expect.poll(() => chen.textContent('main')).toContain(EN['opinions.done.added']);

    // The schedule recomputes within a few seconds: the map appears, with a dot per participant.
    // A recompute may land while Chen is still voting (the map then has 3 dots and fewer votes);
    // the next one, due after the newest vote, counts them all: wait for both.
    await expect
      .poll(
        async () => {
          await visitor.goto(`${server.url}${results}`);
          const dots = await visitor.locator('svg.opinion-map g.opinion-map-points circle').count();
          return `${dots} dots, ${dots > 0 ? await figure(visitor, 'votes') : 'no map'}`;
        },
        { timeout: 45_000, interval: 1000 },
      )
      .toBe('3 dots, 25 votes');
    expect(await figure(visitor, 'statements')).toBe('9 statements');
    const groups = await visitor.locator('article.opinion-group').count();
    expect(groups).toBeGreaterThanOrEqual(1);
    expect(await visitor.locator('table.results-table').first().textContent()).toContain('Group 1');
    await expectAccessible(visitor, 'results (en)');

    // Ana sees where she is.
    await ana.goto(`${server.url}${results}`);
    expect(await ana.locator('svg.opinion-map .opinion-map-you').count()).toBe(1);
    expect(await ana.textContent('main')).toMatch(/You are in Group \d\./);

    // Ana and Bo now vote on Chen's statement: the map is computed again with their votes (25 → 27).
    for (const page of [ana, bo]) {
      await page.goto(`${server.url}/en/opinions/${SLUG}`);
      await voteAll(page, () => 'disagree');
    }
    await expect
      .poll(
        async () => {
          await visitor.goto(`${server.url}${results}`);
          return figure(visitor, 'votes');
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe('27 votes');

    // The same in Arabic, and the report, each checked with axe.
    await visitor.goto(`${server.url}/ar/opinions/${SLUG}/results`);
    expect(await visitor.getAttribute('html', 'dir')).toBe('rtl');
    expect(await visitor.locator('svg.opinion-map').count()).toBe(1);
    await expectAccessible(visitor, 'results (ar)');
    for (const locale of ['en', 'ar']) {
      await visitor.goto(`${server.url}/${locale}/opinions/${SLUG}/report`);
      expect(await visitor.locator('.opinion-report svg.opinion-map').count()).toBe(1);
      await expectAccessible(visitor, `report (${locale})`);
    }
    // Printed, the report keeps no site header and starts sections on new pages.
    await visitor.emulateMedia({ media: 'print' });
    expect(await visitor.locator('.site-header').isVisible()).toBe(false);
    expect(await visitor.locator('#results-groups').evaluate((el) => getComputedStyle(el).breakBefore)).toBe(
      'page',
    );
  });
});
