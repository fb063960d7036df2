// Registration in a real Chromium against the built app, mail over SMTP to a sink in this process:
// a visitor signs up and registers online for the ninth session in Spanish, gets the confirmation
// with a calendar file that ical.js reads, cancels and registers again; a Member State delegate
// registers onsite (approval needed); the secretariat approves and checks them in by the code on
// their confirmation. axe-core checks the registration pages in English and Arabic.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ICAL from 'ical.js';
import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import en from '../src/platform/i18n/messages/en.json' with { type: 'json' };
import es from '../src/platform/i18n/messages/es.json' with { type: 'json' };
import { SmtpSink } from '../test/smtp-sink';
import { checkA11y, formatViolations, launchChromium } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

const run = promisify(execFile);
const SERIES = 'ip-frontier-technologies';
const NINTH = `/series/${SERIES}/sessions/9`;
const SECRETARIAT = 'secretariat@example.org';
/** A catalog's strings by key (the plural entries are not used here). */
type Catalog = Record<string, string>;
const ES = es as unknown as Catalog;
const EN = en as unknown as Catalog;

describe('[Registration] register, confirm, cancel, register again; approve and check in', () => {
  const sink = new SmtpSink();
  let dataDir: string;
  let server: TestServer;
  let browser: Browser;
  let db: pg.Client;
  let secretariatLink = '';
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    await sink.start();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'colloquy-e2e-registration-'));
    fs.chmodSync(dataDir, 0o755);
    const env = { DATA_DIR: dataDir, SEED_DEMO: 'true', SMTP_URL: sink.url, MAIL_POLL_INTERVAL_S: '0.5' };
    const cli = path.join(path.dirname(inject('e2eServerEntry')), 'cli.js');
    const { DATABASE_URL: _external, ...inherited } = process.env;
    const printed = await run(process.execPath, [cli, 'create-secretariat', SECRETARIAT], {
      env: { ...inherited, ...env, LOG_LEVEL: 'warn' },
    });
    secretariatLink = /https?:\/\/\S+(\/en\/sign-in\/link\?token=[\w-]+)/.exec(printed.stdout)?.[1] ?? '';
    expect(secretariatLink, printed.stdout).not.toBe('');
    [server, browser] = await Promise.all([
      startTestServer({ env: { ...env, DATABASE_URL: '' } }),
      launchChromium(),
    ]);
    // The demo's ninth session took place in 2024: move it a week ahead and open registration
    // (online for all; onsite Member State delegates need approval), as the secretariat would.
    const port = Number(
      fs.readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[3],
    );
    const password = fs.readFileSync(path.join(dataDir, 'postgres-password'), 'utf8').trim();
    db = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'colloquy' });
    await db.connect();
    await db.query(
      `UPDATE conversations_sessions SET starts_at = now() + interval '7 days', ends_at = now() + interval '7 days 3 hours'
        WHERE number = 9 AND series_id = (SELECT id FROM conversations_series WHERE slug = $1)`,
      [SERIES],
    );
    await db.query(
      `UPDATE registration_settings SET opens_at = NULL, closes_at = NULL, onsite_capacity = 200, online_capacity = 2000,
         onsite_approval_categories = '{member_state}' WHERE session_id = (SELECT s.id FROM conversations_sessions s
         JOIN conversations_series se ON se.id = s.series_id WHERE se.slug = $1 AND s.number = 9)`,
      [SERIES],
    );
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await db?.end();
    await browser?.close();
    await server?.stop();
    await sink.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext();
    contexts.push(context);
    return context.newPage();
  }

  async function expectAccessible(page: Page, what: string) {
    expect
      .soft(formatViolations(await checkA11y(page)), `axe-core violations on ${what} (${page.url()})`)
      .toBe('');
  }

  /** Opens the ninth session's registration page, signs up by the mailed link, and comes back. */
  async function signUpFromRegisterPage(page: Page, email: string, locale: 'es' | 'en', t: Catalog) {
    await page.goto(`${server.url}/${locale}${NINTH}/register`);
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/${locale}/sign-in`);
    await page.getByLabel(t['accounts.field.email']!).first().fill(email);
    await page.getByRole('button', { name: t['accounts.signIn.sendLink']! }).click();
    const [mail] = await sink.waitFor(1, { to: email, timeoutMs: 20_000 });
    const link = /https?:\/\/\S+(\/[a-z]{2}\/sign-in\/link\?token=[\w-]+)/.exec(mail!.text ?? '')?.[1];
    expect(link, mail!.text).toBeTruthy();
    await page.goto(`${server.url}${link}`);
    await page.getByRole('button', { name: t['accounts.link.submit']! }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/${locale}${NINTH}/register`);
  }

  async function fillForm(page: Page, t: Catalog, values: Record<string, string>) {
    await page.getByLabel(t['registration.field.mode']!).selectOption(values.mode!);
    await page.getByLabel(t['registration.field.category']!).selectOption(values.category!);
    await page.getByLabel(t['registration.field.stakeholderGroup']!).selectOption(values.group!);
    await page.getByLabel(t['registration.field.country']!).selectOption(values.country!);
    await page.locator('#field-displayName').fill(values.name!);
    await page.getByLabel(t['registration.field.consentPublicList']!).check();
    await page.getByRole('button', { name: t['registration.submit']! }).click();
  }

  const mine = (page: Page) => page.locator('#my-registration').locator('..').textContent();

  test(
    '[Registration] a visitor registers online for the ninth session in Spanish, gets a valid .ics, cancels and registers again',
    { timeout: 180_000 },
    async () => {
      const email = 'lucia@example.org';
      const page = await newPage();
      await signUpFromRegisterPage(page, email, 'es', ES);
      await expectAccessible(page, 'register form (es)');

      await fillForm(page, ES, {
        mode: 'online',
        category: 'other',
        group: 'creator',
        country: 'MX',
        name: 'Lucía Pérez',
      });
      await expect
        .poll(() => mine(page))
        .toContain(es['registration.mine.confirmed'].replace('{mode}', 'en línea'));

      const [, confirmation] = await sink.waitFor(2, { to: email, timeoutMs: 20_000 });
      expect(confirmation!.subject).toMatch(/^Inscripción confirmada: Sesión 9: /);
      expect(confirmation!.html).toContain('lang="es"');
      const calendarUrl = /(https?:\/\/\S+\/calendar\.ics)/.exec(confirmation!.text ?? '')?.[1];
      expect(calendarUrl).toBe(`${server.url}/es${NINTH}/calendar.ics`);
      const ics = await (await fetch(calendarUrl!)).text();
      const calendar = new ICAL.Component(ICAL.parse(ics));
      const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
      expect(event.summary).toMatch(/^Sesión 9: /);
      const { rows } = await db.query<{ starts_at: Date }>(
        `SELECT starts_at FROM conversations_sessions WHERE number = 9`,
      );
      expect(event.startDate.toJSDate().getTime()).toBe(
        Math.floor(rows[0]!.starts_at.getTime() / 1000) * 1000,
      );
      const cancelUrl = new RegExp(`${server.url}/es/registrations/cancel\\?token=\\S+`).exec(
        confirmation!.text ?? '',
      )?.[0];
      expect(cancelUrl).toBeTruthy();
      // The link asks first (GET changes nothing): in Spanish, and the same page in Arabic.
      for (const url of [cancelUrl!, cancelUrl!.replace('/es/', '/ar/')]) {
        await page.goto(url);
        await expectAccessible(page, `cancel link (${url.includes('/ar/') ? 'ar' : 'es'})`);
      }
      await page.goto(`${server.url}/es${NINTH}/register`);

      await page.getByRole('button', { name: es['registration.mine.cancel'] }).click();
      await expect
        .poll(() => page.locator('[role="status"]').first().textContent())
        .toBe(es['registration.notice.cancelled']);
      await fillForm(page, ES, {
        mode: 'online',
        category: 'other',
        group: 'creator',
        country: 'MX',
        name: 'Lucía Pérez',
      });
      await expect
        .poll(() => mine(page))
        .toContain(es['registration.mine.confirmed'].replace('{mode}', 'en línea'));
      const all = await sink.waitFor(3, { to: email, timeoutMs: 20_000 });
      expect(all.map((m) => m.subject?.split(':')[0])).toEqual([
        expect.any(String), // the sign-in link
        'Inscripción confirmada',
        'Inscripción confirmada',
      ]);
      const stored = await db.query<{ status: string; n: number }>(
        `SELECT r.status::text, count(*)::int AS n FROM registration_registrations r JOIN accounts_users u ON u.id = r.user_id
        WHERE u.email = $1 GROUP BY r.status`,
        [email],
      );
      expect(stored.rows).toEqual([{ status: 'confirmed', n: 1 }]);

      // The public list, in Spanish and Arabic and English.
      await page.goto(`${server.url}/es${NINTH}/participants`);
      expect(await page.locator('main').textContent()).toContain('Lucía Pérez');
      for (const locale of ['en', 'ar']) {
        await page.goto(`${server.url}/${locale}${NINTH}/participants`);
        await expectAccessible(page, `participants (${locale})`);
        await page.goto(`${server.url}/${locale}${NINTH}/register`);
        await expectAccessible(page, `register page with a registration (${locale})`);
      }
    },
  );

  test(
    '[Registration] a secretariat approves an onsite delegate and checks them in',
    { timeout: 180_000 },
    async () => {
      const email = 'delegate@example.org';
      const delegatePage = await newPage();
      await signUpFromRegisterPage(delegatePage, email, 'en', EN);
      await fillForm(delegatePage, EN, {
        mode: 'onsite',
        category: 'member_state',
        group: 'government',
        country: 'GH',
        name: 'Kwame Mensah',
      });
      await expect
        .poll(() => mine(delegatePage))
        .toContain(en['registration.mine.pending'].replace('{mode}', 'in person'));

      const page = await newPage();
      await page.goto(`${server.url}${secretariatLink}`);
      await page.getByRole('button', { name: en['accounts.link.submit'] }).click();
      await expect.poll(() => new URL(page.url()).pathname).not.toMatch(/sign-in/);
      await page.goto(`${server.url}/en/admin/registrations`);
      await expectAccessible(page, 'registrations admin home (en)');
      await page.getByRole('link', { name: /^Session 9: / }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1, name: /^Session 9: / }).count()).toBe(1);
      await page.getByRole('link', { name: en['registration.status.pending_approval'], exact: true }).click();
      await page.getByRole('button', { name: `${en['registration.admin.approve']}: Kwame Mensah` }).click();
      await expectAccessible(page, 'session registrations (en)');

      const mails = await sink.waitFor(3, { to: email, timeoutMs: 20_000 });
      expect(mails[2]!.subject).toMatch(/^Registration confirmed: Session 9: /);
      const code = /Your check-in code: ([A-Z0-9]{8})/.exec(mails[2]!.text ?? '')?.[1];
      expect(code, mails[2]!.text).toBeTruthy();
      await page.getByLabel(en['registration.admin.code']).fill(code!);
      await page.getByRole('button', { name: en['registration.admin.checkInSubmit'] }).click();
      await expect
        .poll(() => page.locator('[role="status"]').first().textContent())
        .toBe(en['registration.admin.checkedIn'].replace('{name}', 'Kwame Mensah'));
      const { rows } = await db.query<{ status: string; checked_in: boolean }>(
        `SELECT r.status::text, r.checked_in_at IS NOT NULL AS checked_in FROM registration_registrations r
        JOIN accounts_users u ON u.id = r.user_id WHERE u.email = $1`,
        [email],
      );
      expect(rows).toEqual([{ status: 'confirmed', checked_in: true }]);
      await page.goto(`${server.url}/ar/admin/registrations`);
      await expectAccessible(page, 'registrations admin home (ar)');
      const { rows: ids } = await db.query<{ id: string }>(
        `SELECT s.id FROM conversations_sessions s JOIN conversations_series se ON se.id = s.series_id WHERE se.slug = $1 AND s.number = 9`,
        [SERIES],
      );
      await page.goto(`${server.url}/ar/admin/registrations/${ids[0]!.id}`);
      await expectAccessible(page, 'session registrations (ar)');
    },
  );
});
