// Accounts in a real Chromium against the built app, with mail delivered over SMTP to a sink in
// this process (test/smtp-sink.ts): a visitor signs up through the link read from the received
// mail, edits the profile, downloads their data and signs out; the first secretariat, made with the
// command line, opens the people page. axe-core checks every accounts page in English and Arabic.
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import ar from '../src/platform/i18n/messages/ar.json' with { type: 'json' };
import en from '../src/platform/i18n/messages/en.json' with { type: 'json' };
import type { SmtpSink } from '../test/smtp-sink';
import { expectAccessible as expectAccessibleOn } from './support/browser';
import {
  askForSignInLink,
  openSignInLink,
  pathOfLink,
  startSecretariatApp,
  type SecretariatApp,
} from './support/secretariat-app';
import type { TestServer } from './support/server';

const SECRETARIAT = 'secretariat@example.org';

/** The sign-in link's path and the code in a received message. */
function linkAndCode(text: string | undefined): { path: string; code: string } {
  const code = /^(\d{6})$/m.exec(text ?? '');
  if (!code?.[1]) throw new Error(`no sign-in code in:\n${text}`);
  return { path: pathOfLink(text, '/[a-z]{2}/sign-in/link'), code: code[1] };
}

describe('[Accounts] sign up by e-mail, profile, data, sign out; people and roles', () => {
  let app: SecretariatApp;
  let server: TestServer;
  let sink: SmtpSink;
  let page: Page;
  /** The path of the one-time link `create-secretariat` printed. */
  let secretariatLink = '';

  beforeAll(async () => {
    app = await startSecretariatApp({ name: 'accounts', secretariat: SECRETARIAT, mail: true });
    ({ server, page } = app);
    secretariatLink = app.secretariatLink;
    sink = app.sink!;
  });

  afterAll(() => app?.stop());

  const expectAccessible = (what: string) => expectAccessibleOn(page, what);

  test('[Accounts] a visitor signs up through the link in the mail, edits the profile, downloads the data, signs out', async () => {
    const email = 'amina@example.org';
    await page.goto(`${server.url}/en/speakers`);
    await page.getByRole('link', { name: en['layout.nav.account'], exact: true }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/en/sign-in');
    await expectAccessible('sign-in (en)');

    // A mistyped address first: the form comes back with the message and what was typed.
    await askForSignInLink(page, 'amina@', en);
    await expect.poll(() => page.locator('.error-summary').textContent()).toContain(en['forms.error.email']);
    await askForSignInLink(page, email, en);
    await expect.poll(() => page.locator('h1').textContent()).toBe(en['accounts.checkMail.title']);
    await expectAccessible('check-mail (en)');

    const [mail] = await sink.waitFor(1, { to: email, timeoutMs: 20_000 });
    expect(mail!.subject).toBe('Your sign-in link for Colloquy');
    const { path: link } = linkAndCode(mail!.text);
    await page.goto(`${server.url}${link}`);
    await expect.poll(() => page.locator('main').textContent()).toContain(email);
    await page.getByRole('button', { name: en['accounts.link.submit'] }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/en/account');
    // Back where the Account link was going (`next`), signed in.
    expect(await page.locator('main').textContent()).toContain(
      `${en['accounts.account.signedInAs']} ${email}`,
    );
    await expectAccessible('account (en)');

    await page.getByLabel(en['accounts.field.name']).fill('Amina Diallo');
    await page.getByLabel(en['accounts.field.organisation']).fill('Université Cheikh Anta Diop');
    await page.getByLabel(en['accounts.field.country']).selectOption('SN');
    await page.getByLabel(en['accounts.field.stakeholderGroup']).selectOption('academia');
    await page.getByLabel(en['accounts.field.preferredLocale']).selectOption('fr');
    await page.getByRole('button', { name: en['accounts.profile.save'] }).click();
    await expect
      .poll(() => page.locator('[role="status"]').first().textContent())
      .toBe(en['accounts.notice.profileSaved']);
    expect(await page.getByLabel(en['accounts.field.name']).inputValue()).toBe('Amina Diallo');
    expect(await page.getByLabel(en['accounts.field.country']).inputValue()).toBe('SN');
    expect(await page.getByRole('link', { name: 'Show the site in Français' }).getAttribute('href')).toBe(
      '/fr/account',
    );

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: en['accounts.data.download'] }).click(),
    ]);
    const data = JSON.parse(fs.readFileSync(await download.path(), 'utf8')) as {
      accounts: { profile: Record<string, unknown> };
    };
    expect(data.accounts.profile).toMatchObject({
      email,
      name: 'Amina Diallo',
      organisation: 'Université Cheikh Anta Diop',
      country: 'SN',
      stakeholderGroup: 'academia',
      preferredLanguage: 'fr',
    });

    await page.getByRole('button', { name: en['accounts.sessions.signOut'], exact: true }).click();
    await expect
      .poll(() => page.locator('[role="status"]').first().textContent())
      .toBe(en['accounts.signIn.signedOut']);
    await page.goto(`${server.url}/en/account`);
    expect(new URL(page.url()).pathname).toBe('/en/sign-in');
  });

  test('[Accounts] the sign-in pages in Arabic: right to left, accessible, the code works', async () => {
    const email = 'layla@example.org';
    await page.goto(`${server.url}/ar/sign-in`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await expectAccessible('sign-in (ar)');
    await askForSignInLink(page, email, ar);
    await expect.poll(() => page.locator('h1').textContent()).toBe(ar['accounts.checkMail.title']);
    await expectAccessible('check-mail (ar)');

    const [mail] = await sink.waitFor(1, { to: email, timeoutMs: 20_000 });
    const { code } = linkAndCode(mail!.text);
    await page.getByLabel(ar['accounts.field.code']).fill(code);
    await page.getByRole('button', { name: ar['accounts.checkMail.submit'] }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/ar/account');
    await expectAccessible('account (ar)');
    await page.getByRole('button', { name: ar['accounts.sessions.signOut'], exact: true }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/ar/sign-in');
  });

  test('[Accounts] the first secretariat, made on the command line, grants a role on the people page', async () => {
    await openSignInLink(app, page, secretariatLink, en);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/en/account');

    await page.goto(`${server.url}/en/admin/people`);
    expect(await page.locator('h1').textContent()).toBe(en['accounts.people.title']);
    await expectAccessible('people (en)');
    await page.getByLabel(en['accounts.people.search']).fill('amina');
    await page.getByRole('button', { name: en['accounts.people.searchSubmit'] }).click();
    await page.getByRole('link', { name: 'amina@example.org' }).click();
    await expectAccessible('person (en)');
    await page.getByLabel(en['accounts.people.grantLabel']).selectOption('speaker');
    await page.getByRole('button', { name: en['accounts.people.grant'] }).click();
    await expect
      .poll(() => page.locator('[role="status"]').first().textContent())
      .toBe(en['accounts.people.granted']);
    expect(await page.getByRole('button', { name: 'Remove the role Speaker' }).count()).toBe(1);

    await page.goto(`${server.url}/ar/admin/people`);
    expect(await page.locator('h1').textContent()).toBe(ar['accounts.people.title']);
    await expectAccessible('people (ar)');
  });
});
