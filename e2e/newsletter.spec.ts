// The newsletter in a real Chromium against the built app, mail delivered over SMTP to a sink in
// this process (test/smtp-sink.ts): a visitor subscribes on the series home, confirms through the
// link in the received mail; the secretariat writes an edition, previews it, sends it and watches
// its progress; the subscriber gets it and unsubscribes in one click as a mail client would (RFC
// 8058 POST); another visitor, in Arabic, unsubscribes with the page's button. axe-core checks
// every newsletter page in English and Arabic.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import ar from '../src/platform/i18n/messages/ar.json' with { type: 'json' };
import en from '../src/platform/i18n/messages/en.json' with { type: 'json' };
import type { ReceivedMail, SmtpSink } from '../test/smtp-sink';
import { expectAccessible as expectAccessibleOn } from './support/browser';
import {
  openSignInLink,
  pathOfLink,
  startSecretariatApp,
  type SecretariatApp,
} from './support/secretariat-app';
import type { TestServer } from './support/server';

/** The machine is shared and slow at times: a page after a form post may take seconds. */
const SLOW = { timeout: 30_000, interval: 100 };
const SECRETARIAT = 'newsletter.secretariat@example.org';

/** The path (and query) of a newsletter link in a received message. */
const linkIn = (mail: ReceivedMail | undefined, kind: 'confirm' | 'unsubscribe' | 'preferences') =>
  pathOfLink(mail?.text, `/[a-z]{2}/newsletter/${kind}`);

describe('[Newsletter] subscribe, confirm, send an edition, unsubscribe in one click', () => {
  let app: SecretariatApp;
  let server: TestServer;
  let sink: SmtpSink;
  let browser: Browser;
  let page: Page;
  let secretariatLink = '';

  beforeAll(async () => {
    app = await startSecretariatApp({
      name: 'newsletter',
      secretariat: SECRETARIAT,
      mail: true,
      seedDemo: true,
      timeoutMs: 120_000,
    });
    ({ server, browser, page } = app);
    secretariatLink = app.secretariatLink;
    sink = app.sink!;
  }, 180_000);

  afterAll(() => app?.stop());

  const expectAccessible = (what: string) => expectAccessibleOn(page, what);

  test(
    '[Newsletter] a visitor subscribes and confirms; the secretariat sends an edition; one click unsubscribes',
    { timeout: 240_000 },
    async () => {
      const email = 'reader@example.org';
      // The series home, its sign-up form: a malformed address first.
      await page.goto(`${server.url}/en/`);
      await expectAccessible('series home with the sign-up form (en)');
      const form = page.locator('form[action="/en/newsletter"]');
      await form.getByLabel(en['newsletter.signup.email']).fill('reader@');
      await form.getByRole('button', { name: en['newsletter.signup.submit'] }).click();
      await expect.poll(() => new URL(page.url()).pathname, SLOW).toBe('/en/newsletter');
      expect(await page.locator('.error-summary').textContent()).toContain(en['forms.error.email']);
      expect(await page.getByLabel(en['newsletter.signup.email']).inputValue()).toBe('reader@');
      await expectAccessible('sign-up page with an error (en)');

      await page.getByLabel(en['newsletter.signup.email']).fill(email);
      await page.getByLabel(en['newsletter.signup.language']).selectOption('en');
      await page.getByRole('button', { name: en['newsletter.signup.submit'] }).click();
      await expect.poll(() => page.locator('h1').textContent(), SLOW).toBe(en['newsletter.sent.title']);
      await expectAccessible('check your inbox (en)');

      const [confirmation] = await sink.waitFor(1, { to: email, timeoutMs: 20_000 });
      expect(confirmation!.subject).toBe('Confirm your subscription to the Colloquy newsletter');
      await page.goto(`${server.url}${linkIn(confirmation, 'confirm')}`);
      await expect.poll(() => page.locator('h1').textContent(), SLOW).toBe(en['newsletter.confirm.title']);
      await expectAccessible('confirm (en)');
      await page.getByRole('button', { name: en['newsletter.confirm.submit'] }).click();
      await expect
        .poll(() => page.locator('h1').textContent(), SLOW)
        .toBe(en['newsletter.confirm.doneTitle']);
      await expectAccessible('confirmed (en)');

      // A second visitor, in Arabic.
      const arEmail = 'qari@example.org';
      await page.goto(`${server.url}/ar/`);
      await expectAccessible('series home with the sign-up form (ar)');
      const arForm = page.locator('form[action="/ar/newsletter"]');
      await arForm.getByLabel(ar['newsletter.signup.email']).fill(arEmail);
      // The page's language is chosen already.
      expect(await arForm.getByLabel(ar['newsletter.signup.language']).inputValue()).toBe('ar');
      await arForm.getByRole('button', { name: ar['newsletter.signup.submit'] }).click();
      await expect.poll(() => page.locator('h1').textContent(), SLOW).toBe(ar['newsletter.sent.title']);
      await expectAccessible('check your inbox (ar)');
      const [arConfirmation] = await sink.waitFor(1, { to: arEmail, timeoutMs: 20_000 });
      expect(arConfirmation!.subject).toBe('أكّد اشتراكك في النشرة الإخبارية لـ Colloquy');
      await page.goto(`${server.url}${linkIn(arConfirmation, 'confirm')}`);
      await expectAccessible('confirm (ar)');
      await page.getByRole('button', { name: ar['newsletter.confirm.submit'] }).click();
      await expect
        .poll(() => page.locator('h1').textContent(), SLOW)
        .toBe(ar['newsletter.confirm.doneTitle']);
      await expectAccessible('confirmed (ar)');
      await page.goto(`${server.url}/ar/newsletter`);
      await expectAccessible('sign-up page (ar)');
      const visitorPage = page;

      // The secretariat signs in with the command line's link and writes an edition.
      const admin = await browser.newContext();
      const adminPage = await admin.newPage();
      try {
        await openSignInLink(app, adminPage, secretariatLink, en);
        await adminPage.waitForURL(/\/en\/account/);
        await adminPage.goto(`${server.url}/en/admin/newsletter`);
        expect(await adminPage.locator('h1').textContent()).toBe(en['newsletter.admin.title']);
        page = adminPage;
        await expectAccessible('newsletter back office (en)');
        await adminPage.getByRole('link', { name: en['newsletter.admin.newEdition'] }).click();
        await expectAccessible('new edition (en)');
        await adminPage
          .getByLabel(`${en['newsletter.admin.subject']} (English)`)
          .fill('News of the Conversation');
        await adminPage
          .getByLabel(`${en['newsletter.admin.body']} (English)`)
          .fill('The thirteenth session is announced.\n\nRegistration opens soon.');
        await adminPage.getByRole('button', { name: en['newsletter.admin.save'] }).click();
        await expect
          .poll(() => adminPage.locator('[role="status"]').first().textContent(), SLOW)
          .toBe(en['newsletter.admin.saved']);
        expect(await adminPage.locator('.recipients').textContent()).toBe(
          '2 confirmed subscribers will receive it.',
        );
        await expectAccessible('edition draft (en)');

        await adminPage.getByRole('link', { name: 'العربية' }).last().click();
        await expect
          .poll(() => adminPage.locator('.edition-mail .fallback-note').textContent(), SLOW)
          .toBe('هذا العدد غير متاح باللغة العربية؛ وهو متاح هنا باللغة الإنجليزية.');
        await expectAccessible('preview as an Arabic reader (en)');

        await adminPage.getByRole('link', { name: en['newsletter.admin.backToEdition'] }).click();
        await adminPage.getByRole('link', { name: en['newsletter.admin.sendEllipsis'] }).click();
        await expectAccessible('send confirmation (en)');
        await adminPage.getByRole('button', { name: 'Send to 2 subscribers' }).click();
        await expect
          .poll(() => adminPage.locator('#progress-heading').textContent(), SLOW)
          .toBe(en['newsletter.admin.progress']);
        await expectAccessible('edition progress (en)');
        // The page updates itself (HTTP Refresh) until nothing is waiting.
        await expect
          .poll(() => adminPage.locator('[data-count="sent"]').textContent(), {
            timeout: 30_000,
            interval: 1000,
          })
          .toBe('2');

        const arabic = await adminPage.goto(`${server.url}/ar/admin/newsletter`);
        expect(arabic!.status()).toBe(200);
        expect(await adminPage.locator('h1').textContent()).toBe(ar['newsletter.admin.title']);
        await expectAccessible('newsletter back office (ar)');
        await adminPage.locator('table a').first().click();
        await expectAccessible('edition progress (ar)');
      } finally {
        await admin.close();
        page = visitorPage;
      }

      // The edition arrives, with the RFC 8058 headers; a mail client posts the one-click body.
      const [, edition] = await sink.waitFor(2, { to: email, timeoutMs: 20_000 });
      expect(edition!.subject).toBe('News of the Conversation');
      expect(edition!.text).toContain('Registration opens soon.');
      const header = edition!.headerLines
        .find((h) => h.key === 'list-unsubscribe')!
        .line.replace(/\r\n\s+/g, ' ');
      const unsubscribeUrl = /<([^>]+)>/.exec(header)![1]!;
      expect(edition!.headerLines.find((h) => h.key === 'list-unsubscribe-post')!.line).toBe(
        'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
      );
      const oneClick = await fetch(unsubscribeUrl.replace(/^https?:\/\/[^/]+/, server.url), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      expect(oneClick.status).toBe(200);
      await page.goto(`${server.url}${linkIn(edition, 'preferences')}`);
      expect(await page.locator('main').textContent()).toContain(
        en['newsletter.preferences.status.unsubscribed'],
      );
      await expectAccessible('preferences, unsubscribed (en)');

      // The Arabic reader got English with a note in Arabic, and unsubscribes with the page's button.
      const [, arEdition] = await sink.waitFor(2, { to: arEmail, timeoutMs: 20_000 });
      expect(arEdition!.text).toContain('هذا العدد غير متاح باللغة العربية؛ وهو متاح هنا باللغة الإنجليزية.');
      await page.goto(`${server.url}${linkIn(arEdition, 'preferences')}`);
      await expectAccessible('preferences (ar)');
      await page.goto(`${server.url}${linkIn(arEdition, 'unsubscribe')}`);
      expect(await page.locator('h1').textContent()).toBe(ar['newsletter.unsubscribe.title']);
      await expectAccessible('unsubscribe (ar)');
      await page.getByRole('button', { name: ar['newsletter.unsubscribe.submit'] }).click();
      await expect
        .poll(() => page.locator('h1').textContent(), SLOW)
        .toBe(ar['newsletter.unsubscribe.doneTitle']);
      await expectAccessible('unsubscribed (ar)');
    },
  );
});
