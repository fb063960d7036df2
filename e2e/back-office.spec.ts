// The secretariat's back office in a real Chromium against the built app: the first secretariat,
// made with the command line, signs in through its one-time link, creates a series, a speaker and a
// session with a French title only, adds an agenda item, uploads the session's PDF (after an
// executable renamed .pdf is refused), publishes, and the public page shows it in French and notes
// that the Arabic is missing. axe-core checks every back office page met, in English and Arabic.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import ar from '../src/platform/i18n/messages/ar.json' with { type: 'json' };
import en from '../src/platform/i18n/messages/en.json' with { type: 'json' };
import fr from '../src/platform/i18n/messages/fr.json' with { type: 'json' };
import { makeDemoPdf } from '../src/modules/conversations/demo/demo-pdf';
import { languageName } from '../src/platform/i18n/format';
import { makeExe } from '../test/files';
import { expectAccessible as expectAccessibleOn } from './support/browser';
import {
  askForSignInLink,
  openSignInLink,
  startSecretariatApp,
  type SecretariatApp,
} from './support/secretariat-app';
import type { TestServer } from './support/server';

describe('[Back office] the secretariat publishes a session', () => {
  let app: SecretariatApp;
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let signInLink = '';
  const problems: string[] = [];

  beforeAll(async () => {
    app = await startSecretariatApp({
      name: 'back-office',
      secretariat: 'secretariat@example.org',
      env: { UPLOAD_MAX_BYTES: '1048576' },
    });
    ({ server, browser, page, secretariatLink: signInLink } = app);
    page.setDefaultTimeout(10_000);
    page.on('response', (r) => {
      if (r.status() >= 500) problems.push(`${r.status()} ${r.url()}`);
    });
    page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
    page.on('console', (m) => {
      // The refused forms answer 422, which Chromium reports as a failed load; those are expected.
      if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) problems.push(`console: ${m.text()}`);
    });
  });

  afterAll(() => app?.stop());

  const expectAccessible = (what: string) => expectAccessibleOn(page, what);

  async function save() {
    await page.getByRole('button', { name: en['admin.action.save'], exact: true }).click();
    await page.waitForLoadState();
  }

  test('[Back office] creates a session in French with an agenda item and a PDF, publishes it, and the public page shows it', async () => {
    await openSignInLink(app, page, signInLink, en);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/en/account');

    await page.goto(`${server.url}/en/admin`);
    expect(await page.locator('h1').textContent()).toBe(en['admin.dashboard.heading']);
    await expectAccessible('home (en)');

    // A series, published (its sessions are public only with it).
    await page.getByRole('link', { name: en['admin.section.series'] }).first().click();
    await page.getByRole('link', { name: en['admin.series.new'] }).click();
    await expectAccessible('new series (en)');
    await page.locator('#field-slug').fill('conversation-e2e');
    await page.locator('#field-title_fr').fill('Conversation sur la PI');
    await save();
    expect(await page.locator('[role="status"]').textContent()).toBe(en['admin.done.created']);
    await page.getByRole('button', { name: en['admin.action.publish'] }).click();
    expect(await page.locator('[role="status"]').textContent()).toBe(en['admin.done.published']);

    const seriesPath = new URL(page.url()).pathname;

    // A theme of the series.
    await page.getByRole('link', { name: en['admin.theme.new'] }).click();
    await page.locator('#field-slug').fill('mondes-virtuels');
    await page.locator('#field-title_fr').fill('Mondes virtuels');
    await expectAccessible('new theme (en)');
    await save();
    expect(await page.locator('[role="status"]').textContent()).toBe(en['admin.done.created']);
    const themePath = new URL(page.url()).pathname;

    // A speaker.
    await page.goto(`${server.url}/en/admin/speakers/new`);
    await page.locator('#field-name').fill('Ana Lima');
    await page.locator('#field-slug').fill('ana-lima');
    await page.locator('#field-organisation_fr').fill('Université de Genève');
    await expectAccessible('new speaker (en)');
    await save();
    const speakerPath = new URL(page.url()).pathname;

    // The session: French title only; an empty title is refused first, with the values kept.
    await page.goto(`${server.url}/en/admin/sessions/new`);
    await page.locator('#field-number').fill('1');
    await page.locator('#field-subject_fr').fill('Les mondes virtuels');
    await page.locator('#field-startsAt').fill('2026-06-10T14:00');
    await page.locator('#field-endsAt').fill('2026-06-10T17:00');
    await save();
    expect(await page.locator('.error-summary').textContent()).toContain(en['admin.error.textRequired']);
    expect(await page.locator('#field-subject_fr').inputValue()).toBe('Les mondes virtuels');
    await expectAccessible('session form with errors (en)');
    await page.locator('#field-title_fr').fill('La PI dans les mondes virtuels');
    await save();
    expect(await page.locator('[role="status"]').textContent()).toBe(en['admin.done.created']);
    const sessionPath = new URL(page.url()).pathname;
    expect(await page.locator('#missing-title').textContent()).toContain('Arabic');
    await expectAccessible('session (en)');

    // An agenda item with its speaker.
    await page.getByRole('link', { name: en['admin.agenda.new'] }).click();
    await page.locator('#field-kind').selectOption('opening');
    await page.locator('#field-startsAt').fill('2026-06-10T14:00');
    await page.locator('#field-endsAt').fill('2026-06-10T14:20');
    await page.locator('#field-title_fr').fill('Ouverture de la session');
    await page.locator('#field-speaker_0').selectOption({ label: 'Ana Lima' });
    await page.locator('#field-role_0').selectOption('chair');
    await expectAccessible('agenda item (en)');
    await save();
    expect(new URL(page.url()).pathname).toBe(sessionPath);
    const agendaItemPath = await page
      .getByRole('link', { name: 'Ouverture de la session' })
      .getAttribute('href');

    // Its document: an executable renamed .pdf is refused, then the real PDF goes in.
    await page.getByRole('link', { name: en['admin.document.new'] }).click();
    await page.locator('#field-symbol').fill('WIPO/IP/CONV/GE/26/1');
    await page.locator('#field-kind').selectOption('agenda');
    await page.locator('#field-title_fr').fill('Ordre du jour');
    await save();
    const documentPath = new URL(page.url()).pathname;
    await page.locator('#field-locale').selectOption('fr');
    await page
      .locator('#field-file')
      .setInputFiles({ name: 'ordre-du-jour.pdf', mimeType: 'application/pdf', buffer: makeExe() });
    await page.getByRole('button', { name: en['admin.file.uploadButton'] }).click();
    expect(await page.locator('#error-file').textContent()).toBe(en['admin.error.fileType']);
    await expectAccessible('refused upload (en)');
    await page.locator('#field-locale').selectOption('fr');
    const pdf = makeDemoPdf(['Ordre du jour', 'Session 1']);
    await page
      .locator('#field-file')
      .setInputFiles({ name: 'ordre-du-jour.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByRole('button', { name: en['admin.file.uploadButton'] }).click();
    expect(await page.locator('[role="status"]').textContent()).toBe(en['admin.done.uploaded']);
    await page.getByRole('button', { name: en['admin.action.publish'] }).click();
    await expectAccessible('document (en)');

    // Previews: the public pages as they will look, marked, in every language through the page's
    // own language links; the draft session, its agenda and speaker; the speaker (in no published
    // session yet); the theme of the published series; the document in its library.
    const banner = () => page.locator('.preview-banner strong').textContent();
    await page.goto(`${server.url}${sessionPath}`);
    await page.getByRole('link', { name: en['admin.action.preview'] }).click();
    expect(new URL(page.url()).pathname).toBe(`${sessionPath}/preview`);
    expect(await page.locator('h1').textContent()).toContain('La PI dans les mondes virtuels');
    expect(await banner()).toBe(en['layout.preview.draft']);
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
    const agenda = (await page.locator('main').textContent()) ?? '';
    expect(agenda).toContain('Ouverture de la session');
    expect(agenda).toContain('Ana Lima');
    await expectAccessible('session preview (en)');
    await page.locator('nav.languages a[hreflang="ar"]').click();
    expect(new URL(page.url()).pathname).toBe(`${sessionPath.replace('/en/', '/ar/')}/preview`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await banner()).toBe(ar['layout.preview.draft']);
    await expectAccessible('session preview (ar)');
    await page.getByRole('link', { name: ar['layout.preview.edit'] }).click();
    expect(new URL(page.url()).pathname).toBe(sessionPath.replace('/en/', '/ar/'));
    for (const [what, path, state, shows] of [
      ['speaker', speakerPath, 'draft', 'La PI dans les mondes virtuels'],
      ['theme', themePath, 'published', 'Mondes virtuels'],
      ['document', documentPath, 'published', 'WIPO/IP/CONV/GE/26/1'],
      ['series', seriesPath, 'published', 'Conversation sur la PI'],
    ] as const) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('link', { name: en['admin.action.preview'] }).click();
      expect(await banner(), what).toBe(en[`layout.preview.${state}`]);
      expect(await page.locator('main').textContent(), what).toContain(shows);
      await expectAccessible(`${what} preview (en)`);
    }
    // The document's preview links its files to the back office's copy.
    await page.goto(`${server.url}${documentPath}/preview`);
    expect(await page.locator('a[hreflang="fr"][type="application/pdf"]').getAttribute('href')).toBe(
      `${documentPath}/files/fr`,
    );

    // Publish.
    await page.goto(`${server.url}${sessionPath}`);
    await page.getByRole('button', { name: en['admin.action.publish'] }).click();
    expect(await page.locator('[role="status"]').textContent()).toBe(en['admin.done.published']);

    // The public page, in French and in Arabic.
    const visitor = await browser.newContext();
    const publicPage = await visitor.newPage();
    await publicPage.goto(`${server.url}/fr/series/conversation-e2e/sessions/1`);
    expect(await publicPage.locator('h1').textContent()).toBe('La PI dans les mondes virtuels');
    const body = (await publicPage.locator('main').textContent()) ?? '';
    expect(body).toContain('Ouverture de la session');
    expect(body).toContain('Ana Lima');
    expect(body).toContain('WIPO/IP/CONV/GE/26/1');
    const href = await publicPage.locator('a[href*="/documents/"][href$="/fr"]').first().getAttribute('href');
    const download = await fetch(`${server.url}${href}`);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(Buffer.from(await download.arrayBuffer())).toEqual(pdf);
    await publicPage.goto(`${server.url}/ar/series/conversation-e2e/sessions/1`);
    expect(await publicPage.locator('h1 [lang="fr"]').textContent()).toBe('La PI dans les mondes virtuels');
    expect(await publicPage.locator('h1').textContent()).toContain(
      ar['content.shownIn'].replace('{language}', languageName('fr', 'ar')),
    );

    // An edit after publishing reaches the public page at once: the content tables' triggers
    // refresh the read model and tell the page cache to clear.
    await publicPage.goto(`${server.url}/fr/series/conversation-e2e/sessions/1`);
    await page.goto(`${server.url}${sessionPath}`);
    await page.locator('#field-title_fr').fill('La PI et les mondes virtuels');
    await save();
    expect(await page.locator('[role="status"]').textContent()).toBe(en['admin.done.saved']);
    await publicPage.goto(`${server.url}/fr/series/conversation-e2e/sessions/1`);
    expect(await publicPage.locator('h1').textContent()).toBe('La PI et les mondes virtuels');
    await visitor.close();

    // The rest of the back office, in Arabic too.
    for (const [what, url] of [
      ['home', '/ar/admin'],
      ['series list', '/ar/admin/series'],
      ['series', seriesPath.replace('/en/', '/ar/')],
      ['theme', themePath.replace('/en/', '/ar/')],
      ['speaker', speakerPath.replace('/en/', '/ar/')],
      ['agenda item', agendaItemPath!.replace('/en/', '/ar/')],
      ['sessions list', '/ar/admin/sessions'],
      ['session', sessionPath.replace('/en/', '/ar/')],
      ['speakers', '/ar/admin/speakers'],
      ['documents list', '/ar/admin/documents'],
      ['document', documentPath.replace('/en/', '/ar/')],
      ['audit log', '/ar/admin/audit'],
      ['outbox', '/ar/admin/outbox'],
      ['audit log (en)', '/en/admin/audit'],
      ['outbox (en)', '/en/admin/outbox'],
    ] as const) {
      await page.goto(`${server.url}${url}`);
      expect(await page.locator('html').getAttribute('dir'), url).toBe(
        url.startsWith('/ar/') ? 'rtl' : 'ltr',
      );
      await expectAccessible(what);
    }
    // Without SMTP, mail is held in the outbox, where the secretariat reads it.
    const someone = await browser.newContext();
    const signIn = await someone.newPage();
    await signIn.goto(`${server.url}/fr/sign-in`);
    await askForSignInLink(signIn, 'lea@example.org', fr);
    await signIn.waitForLoadState();
    await someone.close();
    await page.goto(`${server.url}/en/admin/outbox?status=held`);
    await page
      .getByRole('row', { name: /lea@example\.org/ })
      .getByRole('link')
      .click();
    expect(await page.locator('.mail-text').textContent()).toContain('/fr/sign-in/link?token=');
    await expectAccessible('outbox message (en)');
    await page.goto(page.url().replace('/en/', '/ar/'));
    await expectAccessible('outbox message (ar)');

    await page.goto(`${server.url}/en/admin/audit?action=conversations.session.publish`);
    expect(await page.locator('.audit-entry').count()).toBe(1);
    expect(problems).toEqual([]);
  }, 300_000);
});
