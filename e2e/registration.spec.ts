// Registration in a real Chromium against the built app, mail over SMTP to a sink in this process:
// a visitor signs up and registers online for the ninth session in Spanish, gets the confirmation
// with the calendar file attached (ical.js reads it), cancels and registers again; a Member State
// delegate registers onsite (approval needed); the secretariat approves them, checks them in by the
// QR code on their confirmation, and sees the reach figures (registered, attended) change on the
// reach pages. axe-core checks the registration pages in English and Arabic.
import ICAL from 'ical.js';
import jsQR from 'jsqr';
import type pg from 'pg';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import en from '../src/platform/i18n/messages/en.json' with { type: 'json' };
import es from '../src/platform/i18n/messages/es.json' with { type: 'json' };
import type { SmtpSink } from '../test/smtp-sink';
import { expectAccessible } from './support/browser';
import {
  openSignInLink,
  signInByMail,
  startSecretariatApp,
  type SecretariatApp,
} from './support/secretariat-app';
import type { TestServer } from './support/server';

const SERIES = 'ip-frontier-technologies';
const NINTH = `/series/${SERIES}/sessions/9`;
const SECRETARIAT = 'secretariat@example.org';
/** A catalog's strings by key (the plural entries are not used here). */
type Catalog = Record<string, string>;
const ES = es as unknown as Catalog;
/** expect.poll with room for a loaded machine (its default gives up after 1 s). */
const poll = <T>(read: () => T, opts: { timeout?: number; interval?: number } = {}) =>
  expect.poll(read, { timeout: 15_000, ...opts });
const EN = en as unknown as Catalog;

describe('[Registration] register, confirm, cancel, register again; approve and check in', () => {
  let app: SecretariatApp;
  let server: TestServer;
  let sink: SmtpSink;
  let db: pg.Client;

  beforeAll(async () => {
    app = await startSecretariatApp({
      name: 'registration',
      secretariat: SECRETARIAT,
      mail: true,
      db: true,
      seedDemo: true,
      timeoutMs: 120_000,
    });
    ({ server } = app);
    sink = app.sink!;
    db = app.db!;
    // The demo's ninth session took place in 2024: move it a week ahead and open registration
    // (online for all; onsite Member State delegates need approval), as the secretariat would, with
    // room beyond the demo's registrations (they fill the session up to its seeded capacity).
    await db.query(
      `UPDATE conversations_sessions SET starts_at = now() + interval '7 days', ends_at = now() + interval '7 days 3 hours'
        WHERE number = 9 AND series_id = (SELECT id FROM conversations_series WHERE slug = $1)`,
      [SERIES],
    );
    await db.query(
      `UPDATE registration_settings SET opens_at = NULL, closes_at = NULL, onsite_capacity = onsite_capacity + 100,
         online_capacity = online_capacity + 100,
         onsite_approval_categories = '{member_state}' WHERE session_id = (SELECT s.id FROM conversations_sessions s
         JOIN conversations_series se ON se.id = s.series_id WHERE se.slug = $1 AND s.number = 9)`,
      [SERIES],
    );
  }, 240_000);

  afterAll(() => app?.stop());

  /** Opens the ninth session's registration page, signs up by the mailed link, and comes back. */
  async function signUpFromRegisterPage(page: Page, email: string, locale: 'es' | 'en', t: Catalog) {
    await page.goto(`${server.url}/${locale}${NINTH}/register`);
    await poll(() => new URL(page.url()).pathname).toBe(`/${locale}/sign-in`);
    await signInByMail(app, page, email, t);
    await poll(() => new URL(page.url()).pathname).toBe(`/${locale}${NINTH}/register`);
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

  /** Registered and attended people of the ninth session, as the reach page shows them. */
  async function reachFigures(page: Page, which: 'secretariat' | 'public' = 'secretariat') {
    const where =
      which === 'secretariat'
        ? `/en/admin/reach/${SERIES}/sessions/9`
        : `/en/series/${SERIES}/sessions/9/reach`;
    await page.goto(`${server.url}${where}`);
    const read = async (figure: string) =>
      Number(
        (await page.locator(`[data-figure="${figure}"] .figure-value`).textContent())!.replace(/[^\d]/g, ''),
      );
    return { registered: await read('registered'), attended: await read('attended') };
  }

  const mine = (page: Page) => page.locator('#my-registration').locator('..').textContent();

  test(
    '[Registration] a visitor registers online for the ninth session in Spanish, gets a valid .ics, cancels and registers again',
    { timeout: 180_000 },
    async () => {
      const email = 'lucia@example.org';
      const page = await app.newPage();
      await signUpFromRegisterPage(page, email, 'es', ES);
      await expectAccessible(page, 'register form (es)');
      /** Lucía's form, sent; her registration is confirmed at once (online needs no approval). */
      const registerLucia = async () => {
        await fillForm(page, ES, {
          mode: 'online',
          category: 'other',
          group: 'creator',
          country: 'MX',
          name: 'Lucía Pérez',
        });
        await poll(() => mine(page)).toContain(
          es['registration.mine.confirmed'].replace('{mode}', 'en línea'),
        );
      };

      await registerLucia();

      const [, confirmation] = await sink.waitFor(2, { to: email, timeoutMs: 20_000 });
      expect(confirmation!.subject).toMatch(/^Inscripción confirmada: Sesión 9: /);
      expect(confirmation!.html).toContain('lang="es"');
      // The calendar travels with the message: the attached file, as a mail program would open it.
      const attached = confirmation!.attachments.find((a) => a.filename === 'session-9.ics');
      expect(attached?.contentType).toBe('text/calendar');
      expect(attached!.headers.get('content-type')).toMatchObject({ params: { method: 'PUBLISH' } });
      const calendar = new ICAL.Component(ICAL.parse(attached!.content.toString('utf8')));
      expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
      const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
      expect(event.summary).toMatch(/^Sesión 9: /);
      const { rows } = await db.query<{ id: string; starts_at: Date; ends_at: Date }>(
        `SELECT s.id, s.starts_at, s.ends_at FROM conversations_sessions s JOIN conversations_series se
          ON se.id = s.series_id WHERE se.slug = $1 AND s.number = 9`,
        [SERIES],
      );
      const toSecond = (d: Date) => Math.floor(d.getTime() / 1000) * 1000;
      expect(event.uid).toBe(`session-${rows[0]!.id}@colloquy`);
      expect(event.startDate.toJSDate().getTime()).toBe(toSecond(rows[0]!.starts_at));
      expect(event.endDate.toJSDate().getTime()).toBe(toSecond(rows[0]!.ends_at));
      // The public calendar file it also links to is the same event.
      const linked = /(https?:\/\/\S+\/calendar\.ics)/.exec(confirmation!.text ?? '')?.[1];
      expect(linked).toBe(`${server.url}/es${NINTH}/calendar.ics`);
      const publicEvent = new ICAL.Event(
        new ICAL.Component(ICAL.parse(await (await fetch(linked!)).text())).getFirstSubcomponent('vevent')!,
      );
      expect(publicEvent.uid).toBe(event.uid);
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
      await poll(() => page.locator('[role="status"]').first().textContent()).toBe(
        es['registration.notice.cancelled'],
      );
      await registerLucia();
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
    { timeout: 360_000 },
    async () => {
      const email = 'delegate@example.org';
      const delegatePage = await app.newPage();
      await signUpFromRegisterPage(delegatePage, email, 'en', EN);
      await fillForm(delegatePage, EN, {
        mode: 'onsite',
        category: 'member_state',
        group: 'government',
        country: 'GH',
        name: 'Kwame Mensah',
      });
      await poll(() => mine(delegatePage)).toContain(
        en['registration.mine.pending'].replace('{mode}', 'in person'),
      );

      const page = await app.newPage();
      await openSignInLink(app, page, app.secretariatLink, en);
      await poll(() => new URL(page.url()).pathname).not.toMatch(/sign-in/);
      const before = await reachFigures(page);
      await page.goto(`${server.url}/en/admin/registrations`);
      await expectAccessible(page, 'registrations admin home (en)');
      await page.getByRole('link', { name: /^Session 9: / }).click();
      await poll(() => page.getByRole('heading', { level: 1, name: /^Session 9: / }).count()).toBe(1);
      await page.getByRole('link', { name: en['registration.status.pending_approval'], exact: true }).click();
      await page.getByRole('button', { name: `${en['registration.admin.approve']}: Kwame Mensah` }).click();
      await expectAccessible(page, 'session registrations (en)');

      const mails = await sink.waitFor(3, { to: email, timeoutMs: 20_000 });
      expect(mails[2]!.subject).toMatch(/^Registration confirmed: Session 9: /);
      const code = /Your check-in code: ([A-Z0-9]{8})/.exec(mails[2]!.text ?? '')?.[1];
      expect(code, mails[2]!.text).toBeTruthy();
      // Approved, not yet at the door: one more person registered, nobody more attended.
      const approved = await reachFigures(page);
      expect(approved).toEqual({ registered: before.registered + 1, attended: before.attended });

      // At the door the secretariat scans the QR code of the confirmation: the image attached to
      // the e-mail, decoded here as a phone camera would, opens the check-in for that person.
      const png = mails[2]!.attachments.find((a) => a.filename === 'check-in.png');
      const image = PNG.sync.read(png!.content);
      const scanned = jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
      expect(scanned).toMatch(
        new RegExp(`^${server.url}/en/admin/registrations/[0-9a-f-]{36}/check-in\\?code=${code}$`),
      );
      // The delegate opening it gets nothing of the back office.
      const refused = await delegatePage.goto(scanned!);
      expect(refused!.status()).toBe(403);
      expect(await delegatePage.locator('main').textContent()).not.toContain('Kwame Mensah');
      await page.goto(scanned!);
      await poll(() => page.locator('[role="status"]').first().textContent()).toContain(
        en['registration.admin.checkInConfirm'].replace('{name}', 'Kwame Mensah'),
      );
      await expectAccessible(page, 'check-in from a QR code (en)');
      await expect(page.getByLabel(en['registration.admin.code']).inputValue()).resolves.toBe(code);
      await page.getByRole('button', { name: en['registration.admin.checkInSubmit'] }).click();
      await poll(() => page.locator('[role="status"]').first().textContent()).toBe(
        en['registration.admin.checkedIn'].replace('{name}', 'Kwame Mensah'),
      );
      const { rows } = await db.query<{ status: string; checked_in: boolean }>(
        `SELECT r.status::text, r.checked_in_at IS NOT NULL AS checked_in FROM registration_registrations r
        JOIN accounts_users u ON u.id = r.user_id WHERE u.email = $1`,
        [email],
      );
      expect(rows).toEqual([{ status: 'confirmed', checked_in: true }]);
      // The figures change: the secretariat's reach page for the session, read from the page.
      expect(await reachFigures(page)).toEqual({
        registered: before.registered + 1,
        attended: before.attended + 1,
      });
      // The public page follows within seconds (its stored summary is refreshed in the background,
      // ADR 0021): reloaded until it shows the same.
      await poll(async () => reachFigures(page, 'public'), { timeout: 60_000, interval: 2_000 }).toEqual({
        registered: before.registered + 1,
        attended: before.attended + 1,
      });
      // The delegate's registration page shows the check-in QR code, readable by everyone.
      for (const locale of ['en', 'ar']) {
        await delegatePage.goto(`${server.url}/${locale}${NINTH}/register`);
        expect(await delegatePage.locator('svg.qr-code[role="img"]').count()).toBe(1);
        await expectAccessible(delegatePage, `register page with the check-in QR code (${locale})`);
      }
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
