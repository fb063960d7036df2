// Taking part in an opinion map in a real Chromium with JavaScript off, on a 360 px phone, keyboard
// first: a visitor reads the demo map, signs in through the link in the received mail and comes
// back to the map; votes agree, disagree and pass; changes a vote; writes a statement that is too
// long (kept, refused with the limit) and then one that fits. In English and in Arabic (right to
// left); axe-core checks each state of the page.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import ar from '../src/platform/i18n/messages/ar.json' with { type: 'json' };
import en from '../src/platform/i18n/messages/en.json' with { type: 'json' };
import { SmtpSink } from '../test/smtp-sink';
import { checkA11y, formatViolations, launchChromium } from './support/browser';
import { signInByMail } from './support/secretariat-app';
import { startTestServer, type TestServer } from './support/server';

const MAP = '/opinions/training-the-machines';
type Catalog = Record<string, string>;
const CATALOGS = { en: en as unknown as Catalog, ar: ar as unknown as Catalog };

describe('[Opinions] take part in a map without JavaScript, in English and Arabic', () => {
  const sink = new SmtpSink();
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    await sink.start();
    [server, browser] = await Promise.all([
      startTestServer({
        env: { SEED_DEMO: 'true', SMTP_URL: sink.url, MAIL_POLL_INTERVAL_S: '0.5' },
        timeoutMs: 110_000,
      }),
      launchChromium(),
    ]);
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
    await sink.stop();
  });

  /**
   * axe-core on exactly the HTML the person without JavaScript sees: axe needs a page that runs
   * scripts (it never finished in one with JavaScript off), so the HTML is loaded into a
   * JavaScript-enabled page at the same address, with the same styles.
   */
  async function expectAccessible(page: Page, what: string) {
    const axeContext = await browser.newContext({ viewport: { width: 360, height: 780 } });
    contexts.push(axeContext);
    const axePage = await axeContext.newPage();
    await axePage.goto(page.url());
    await axePage.setContent(await page.content(), { waitUntil: 'load' });
    expect.soft(formatViolations(await checkA11y(axePage)), `axe-core on ${what} (${page.url()})`).toBe('');
    await axeContext.close();
  }

  /** The text of the statement offered to vote on, and its id. */
  async function offered(page: Page): Promise<{ id: string; text: string }> {
    const form = page.locator('#statement .vote-form');
    return {
      id: (await form.locator('input[name=statementId]').getAttribute('value')) ?? '',
      text: ((await page.locator('#statement-text').textContent()) ?? '').trim(),
    };
  }

  for (const locale of ['en', 'ar'] as const) {
    test(
      `[Opinions] ${locale}: sign in, agree, disagree, pass, change a vote, add a statement`,
      { timeout: 180_000 },
      async () => {
        const t = CATALOGS[locale];
        const context = await browser.newContext({
          javaScriptEnabled: false,
          viewport: { width: 360, height: 780 },
        });
        contexts.push(context);
        const page = await context.newPage();
        page.setDefaultTimeout(20_000);
        const mapUrl = `${server.url}/${locale}${MAP}`;

        // A visitor reads the map and is asked to sign in, with the way back.
        await page.goto(mapUrl);
        expect(await page.locator('html').getAttribute('dir')).toBe(locale === 'ar' ? 'rtl' : 'ltr');
        expect(await page.locator('.vote-form').count()).toBe(0);
        await expectAccessible(page, `map as a visitor (${locale})`);
        // No horizontal scrolling on a 360 px phone.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
        await page.getByRole('link', { name: t['opinions.signInToVote'] }).click();
        expect(new URL(page.url()).pathname).toBe(`/${locale}/sign-in`);
        const email = `voter-${locale}@example.org`;
        await signInByMail({ server, sink }, page, email, t);
        expect(new URL(page.url()).pathname).toBe(`/${locale}${MAP}`);
        await expectAccessible(page, `map, signed in (${locale})`);

        // Agree with the keyboard: focus the button and press Enter (a plain form post, 303 back).
        const first = await offered(page);
        await page.locator('#statement .vote-form button[value=agree]').focus();
        await page.keyboard.press('Enter');
        await page.waitForURL(/done=voted/);
        expect(await page.locator('[role=status]').textContent()).toBe(t['opinions.done.voted']);
        const second = await offered(page);
        expect(second.id).not.toBe(first.id);
        await page.getByRole('button', { name: t['opinions.vote.disagree'], exact: true }).first().click();
        const third = await offered(page);
        await page.getByRole('button', { name: t['opinions.vote.pass'], exact: true }).first().click();
        await expectAccessible(page, `map after three votes (${locale})`);

        // Your votes, newest first: pass, disagree, agree.
        const mine = page.locator('#your-votes li');
        expect(await mine.count()).toBe(3);
        expect((await mine.nth(0).textContent()) ?? '').toContain(third.text);
        expect(await mine.nth(0).locator('button[aria-pressed=true]').getAttribute('value')).toBe('pass');
        expect(await mine.nth(1).locator('button[aria-pressed=true]').getAttribute('value')).toBe('disagree');
        expect(await mine.nth(2).locator('button[aria-pressed=true]').getAttribute('value')).toBe('agree');

        // Change the disagree on the second statement to agree.
        await mine.nth(1).locator('button[value=agree]').click();
        await page.waitForURL(/done=changed/);
        expect(await page.locator('[role=status]').textContent()).toBe(t['opinions.done.changed']);
        const changed = page.locator('#your-votes li', { hasText: second.text });
        expect(await changed.locator('button[aria-pressed=true]').getAttribute('value')).toBe('agree');

        // A statement over the limit: refused with the limit said, the text kept.
        const field = page.getByLabel(t['opinions.add.label']!, { exact: true });
        const long = 'x'.repeat(1001);
        await field.fill(long);
        await page.getByRole('button', { name: t['opinions.add.submit'] }).click();
        expect(await page.locator('.error-summary').first().textContent()).toContain(
          t['opinions.error.statementTooLong'],
        );
        expect(await page.getByLabel(t['opinions.add.label']!, { exact: true }).inputValue()).toBe(long);
        await expectAccessible(page, `statement refused (${locale})`);

        // One that fits: added, counted as the author's agree vote, shown in their votes.
        const mineText =
          locale === 'ar'
            ? 'ينبغي أن يحصل المترجمون أيضًا على نصيب من عائدات التدريب.'
            : 'Translators should get a share of training revenue too.';
        await page.getByLabel(t['opinions.add.label']!, { exact: true }).fill(mineText);
        await page.getByRole('button', { name: t['opinions.add.submit'] }).click();
        await page.waitForURL(/done=added/);
        expect(await page.locator('[role=status]').textContent()).toBe(t['opinions.done.added']);
        const own = page.locator('#your-votes li', { hasText: mineText });
        expect((await own.textContent()) ?? '').toContain(t['opinions.yours.own']);
        expect(await own.locator('button[aria-pressed=true]').getAttribute('value')).toBe('agree');
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      },
    );
  }
});
