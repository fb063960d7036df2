// The newsletter end to end through a real SMTP server on loopback (test/smtp-sink.ts): the
// confirmation message, editions in each subscriber's language (or the fallback with its note),
// segments, the RFC 8058 headers and the one-click POST. Routes are called through app.inject.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eq } from 'drizzle-orm';
import { createApp } from '../../app';
import type { Clock } from '../../platform/clock';
import { createTestDeps, TEST_NOW, type TestDeps } from '../../../test/test-deps';
import { makeSeries, makeTheme } from '../../../test/factories';
import { signedInUser, type SignedInUser } from '../../../test/accounts';
import { SmtpSink, type ReceivedMail } from '../../../test/smtp-sink';
import { newsletterSubscribers } from './newsletter.tables';
import { createEdition, sendEdition, subscribeToNewsletter } from './newsletter.service';
import type { EditionInput } from './newsletter.schema';
import { findSubscriberByEmail } from './newsletter.repo';
import type { Actor } from '../accounts';
import type { Locale } from '../../platform/i18n/locales';

const sink = new SmtpSink();
let now = new Date(TEST_NOW);
const clock: Clock = { now: () => new Date(now) };
let deps: TestDeps;
let app: Awaited<ReturnType<typeof createApp>>['app'];
let secretariat: SignedInUser;
let actor: Actor;
let themeA: string;
let themeB: string;

beforeAll(async () => {
  await sink.start();
  deps = await createTestDeps({
    clock,
    env: { SMTP_URL: sink.url, MAIL_POLL_INTERVAL_S: '0.5', PUBLIC_URL: 'https://colloquy.test' },
  });
  app = (await createApp(deps)).app;
  const series = await makeSeries(deps.db);
  themeA = (await makeTheme(deps.db, { seriesId: series.id, title: { en: 'AI and IP', fr: 'IA et PI' } })).id;
  themeB = (await makeTheme(deps.db, { seriesId: series.id, title: { en: 'Data and IP' } })).id;
  secretariat = await signedInUser(deps, { roles: ['secretariat'] });
  actor = {
    userId: secretariat.id,
    label: secretariat.email,
    roles: new Set(['participant', 'secretariat']),
  };
});

afterAll(async () => {
  await app?.close();
  await deps?.close();
  await sink.stop();
});

/** Moves the clock on, past the per-address throttle. */
function later(minutes = 5): void {
  now = new Date(now.getTime() + minutes * 60_000);
}

function linkIn(mail: ReceivedMail, path: string): string {
  const match = new RegExp(`https://colloquy\\.test(/[a-z]{2}/newsletter/${path}\\?token=[^\\s>"]+)`).exec(
    mail.text ?? '',
  );
  if (!match) throw new Error(`no ${path} link in: ${mail.text}`);
  return match[1]!;
}

const form = (fields: Record<string, string | string[]>) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) params.append(k, one);
  return params.toString();
};
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
/** A different client address per sign-up, so the per-address rate limit stays out of these tests. */
let client = 0;
const fromClient = () => `192.0.2.${++client}`;

/** Signs up through the form, confirms through the link in the mail; returns the confirmation mail. */
async function subscribeAndConfirm(
  email: string,
  locale: Locale,
  themes: string[] = [],
): Promise<ReceivedMail> {
  const res = await app.inject({
    method: 'POST',
    url: `/${locale}/newsletter`,
    headers: FORM,
    remoteAddress: fromClient(),
    payload: form({ email, locale, themes }),
  });
  expect(res.statusCode).toBe(303);
  const [mail] = await sink.waitFor(1, { to: email });
  const confirmPath = linkIn(mail!, 'confirm');
  const token = new URL(confirmPath, 'https://x').searchParams.get('token')!;
  const confirmed = await app.inject({
    method: 'POST',
    url: `/${locale}/newsletter/confirm`,
    headers: FORM,
    payload: form({ token }),
  });
  expect(confirmed.statusCode).toBe(200);
  return mail!;
}

const edition = (over: Partial<EditionInput> = {}): EditionInput => ({
  subject: { en: 'News of the series', fr: 'Nouvelles de la série' },
  body: {
    en: 'Session 12 is on synthetic media.\n\nSee https://colloquy.test/en/',
    fr: 'La session 12 porte sur les médias synthétiques.',
  },
  segmentLocales: [],
  segmentThemeIds: [],
  ...over,
});

async function sendNew(input: EditionInput) {
  const created = await createEdition(deps, actor, input);
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  return { id: created.edition.id, ...(await sendEdition(deps, actor, created.edition.id)) };
}

describe('double opt-in', () => {
  test('the confirmation message is in the chosen language, and its link confirms; nothing else is sent', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/en/newsletter',
      headers: FORM,
      payload: form({ email: '  Camille@Example.ORG ', locale: 'fr', themes: [themeA] }),
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/en/newsletter/sent');

    const [mail] = await sink.waitFor(1, { to: 'camille@example.org' });
    expect(mail!.subject).toBe('Confirmez votre abonnement à la lettre d’information de Colloquy');
    expect(mail!.headers.get('content-language')).toBe('fr');
    expect(mail!.text).toContain('Quelqu’un, probablement vous, a demandé à recevoir');
    expect(mail!.html).toContain('<html lang="fr" dir="ltr">');
    const path = linkIn(mail!, 'confirm');
    expect(path.startsWith('/fr/newsletter/confirm?token=')).toBe(true);
    const token = new URL(path, 'https://x').searchParams.get('token')!;
    // Stored hashed: the token itself is nowhere in the database.
    const row = await findSubscriberByEmail(deps.db, 'camille@example.org');
    expect(row).toMatchObject({ status: 'pending', locale: 'fr' });
    expect(row!.confirmTokenHash).not.toContain(token);
    expect(JSON.stringify(row)).not.toContain(token);

    // The link shows a button (a link scanner confirms nothing), the button confirms.
    const page = await app.inject({ method: 'GET', url: path });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Confirmer mon abonnement');
    expect((await findSubscriberByEmail(deps.db, 'camille@example.org'))!.status).toBe('pending');
    const confirmed = await app.inject({
      method: 'POST',
      url: '/fr/newsletter/confirm',
      headers: FORM,
      payload: form({ token }),
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain('Votre abonnement est confirmé');
    expect(await findSubscriberByEmail(deps.db, 'camille@example.org')).toMatchObject({
      status: 'confirmed',
      confirmedAt: now,
    });

    // Twice is harmless.
    const again = await app.inject({
      method: 'POST',
      url: '/fr/newsletter/confirm',
      headers: FORM,
      payload: form({ token }),
    });
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain('Votre abonnement est confirmé');
    await new Promise((r) => setTimeout(r, 300));
    expect(sink.messages.filter((m) => m.envelope.to.includes('camille@example.org'))).toHaveLength(1);
  });

  test('signing up again with a confirmed address changes nothing and sends an "already subscribed" message', async () => {
    await subscribeAndConfirm('grace@example.org', 'es');
    later();
    const res = await app.inject({
      method: 'POST',
      url: '/en/newsletter',
      headers: FORM,
      payload: form({ email: 'grace@example.org', locale: 'en', themes: [themeB] }),
    });
    expect(res.statusCode).toBe(303);
    const mails = await sink.waitFor(2, { to: 'grace@example.org' });
    const already = mails[1]!;
    expect(already.subject).toBe('Your subscription to the Colloquy newsletter');
    expect(already.text).toContain('It is already subscribed: nothing has changed.');
    expect(linkIn(already, 'preferences').startsWith('/en/newsletter/preferences?token=')).toBe(true);
    expect(await findSubscriberByEmail(deps.db, 'grace@example.org')).toMatchObject({
      status: 'confirmed',
      locale: 'es',
    });

    // Within the throttle, a third request sends nothing at all.
    await app.inject({
      method: 'POST',
      url: '/en/newsletter',
      headers: FORM,
      payload: form({ email: 'grace@example.org', locale: 'en' }),
    });
    await new Promise((r) => setTimeout(r, 1200));
    expect(sink.messages.filter((m) => m.envelope.to.includes('grace@example.org'))).toHaveLength(2);
  });

  test('an expired confirmation link confirms nothing', async () => {
    await subscribeToNewsletter(deps, { email: 'late@example.org', locale: 'en', themes: [] });
    const [mail] = await sink.waitFor(1, { to: 'late@example.org' });
    later(49 * 60);
    const res = await app.inject({ method: 'GET', url: linkIn(mail!, 'confirm') });
    expect(res.statusCode).toBe(410);
    expect(res.body).toContain('This link has expired');
    const token = new URL(linkIn(mail!, 'confirm'), 'https://x').searchParams.get('token')!;
    const post = await app.inject({
      method: 'POST',
      url: '/en/newsletter/confirm',
      headers: FORM,
      payload: form({ token }),
    });
    expect(post.statusCode).toBe(410);
    expect((await findSubscriberByEmail(deps.db, 'late@example.org'))!.status).toBe('pending');
  });
});

describe('editions', () => {
  test('each subscriber gets the edition in their language, or the fallback with a note; pending and unsubscribed get nothing', async () => {
    later();
    await subscribeAndConfirm('fr.reader@example.org', 'fr');
    await subscribeAndConfirm('ar.reader@example.org', 'ar');
    await subscribeAndConfirm('leaving@example.org', 'en');
    await subscribeToNewsletter(deps, { email: 'pending@example.org', locale: 'en', themes: [] });
    // leaving@ unsubscribes before the edition.
    const leaving = await findSubscriberByEmail(deps.db, 'leaving@example.org');
    await deps.db
      .update(newsletterSubscribers)
      .set({ status: 'unsubscribed' })
      .where(eq(newsletterSubscribers.id, leaving!.id));

    const sent = await sendNew(edition({ segmentLocales: ['fr', 'ar', 'en'] }));
    const [fr] = await sink.waitFor(2, { to: 'fr.reader@example.org' }).then((m) => m.slice(1));
    const [ar] = await sink.waitFor(2, { to: 'ar.reader@example.org' }).then((m) => m.slice(1));

    expect(fr!.subject).toBe('Nouvelles de la série');
    expect(fr!.text).toContain('La session 12 porte sur les médias synthétiques.');
    expect(fr!.text).not.toContain('pas disponible');
    expect(fr!.html).toContain('<html lang="fr" dir="ltr">');

    // Arabic is missing: English, with a note in Arabic.
    expect(ar!.subject).toBe('News of the series');
    expect(ar!.text).toContain('هذا العدد غير متاح باللغة العربية؛ وهو متاح هنا باللغة الإنجليزية.');
    expect(ar!.html).toContain('<html lang="ar" dir="rtl">');
    expect(ar!.html).toContain('<div lang="en" dir="ltr"><h1>News of the series</h1>');
    expect(ar!.html).toContain('<a href="https://colloquy.test/en/">https://colloquy.test/en/</a>');

    // RFC 8058 headers, with this subscriber's own link.
    // Header lines as they arrived, unfolded.
    const lines = Object.fromEntries(fr!.headerLines.map((h) => [h.key, h.line.replace(/\r\n\s+/g, ' ')]));
    expect(lines['list-unsubscribe']).toMatch(
      /^List-Unsubscribe: <https:\/\/colloquy\.test\/fr\/newsletter\/unsubscribe\?token=[0-9a-f-]{36}\.[\w-]{22}>$/,
    );
    expect(lines['list-unsubscribe-post']).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(linkIn(fr!, 'unsubscribe')).toBe(
      lines['list-unsubscribe']!.slice('List-Unsubscribe: <https://colloquy.test'.length, -1),
    );

    await new Promise((r) => setTimeout(r, 800));
    // camille@ (French, confirmed in the first test) is in the segment too.
    expect(sent.queued).toBe(3);
    expect(sink.messages.filter((m) => m.envelope.to.includes('leaving@example.org'))).toHaveLength(1);
    expect(sink.messages.filter((m) => m.envelope.to.includes('pending@example.org'))).toHaveLength(1);
    expect(
      sink.messages.filter(
        (m) => m.subject === 'News of the series' || m.subject === 'Nouvelles de la série',
      ),
    ).toHaveLength(3);
  });

  test('the one-click POST unsubscribes at once; a GET of the same link only asks', async () => {
    later();
    await subscribeAndConfirm('oneclick@example.org', 'en');
    await sendNew(edition({ segmentLocales: ['en'] }));
    const mails = await sink.waitFor(2, { to: 'oneclick@example.org' });
    const header = mails[1]!.headerLines.find((h) => h.key === 'list-unsubscribe')!.line;
    const url = new URL(/<([^>]+)>/.exec(header)![1]!);

    const get = await app.inject({ method: 'GET', url: url.pathname + url.search });
    expect(get.statusCode).toBe(200);
    expect(get.body).toContain('Unsubscribe me');
    expect((await findSubscriberByEmail(deps.db, 'oneclick@example.org'))!.status).toBe('confirmed');

    // As a mail provider posts it: no cookie, no Origin, the RFC 8058 body.
    const post = await app.inject({
      method: 'POST',
      url: url.pathname + url.search,
      headers: FORM,
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(post.statusCode).toBe(200);
    expect(post.body).toContain('You are unsubscribed');
    expect(await findSubscriberByEmail(deps.db, 'oneclick@example.org')).toMatchObject({
      status: 'unsubscribed',
      unsubscribedAt: now,
    });
    const twice = await app.inject({
      method: 'POST',
      url: url.pathname + url.search,
      headers: FORM,
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(twice.statusCode).toBe(200);

    // The next edition does not reach it.
    later();
    await subscribeAndConfirm('stays@example.org', 'en');
    await sendNew(edition({ segmentLocales: ['en'] }));
    await sink.waitFor(2, { to: 'stays@example.org' });
    await new Promise((r) => setTimeout(r, 500));
    expect(sink.messages.filter((m) => m.envelope.to.includes('oneclick@example.org'))).toHaveLength(2);
  });

  test('segments by theme: those who chose one of its themes or none; sending twice sends once', async () => {
    later();
    await subscribeAndConfirm('theme.a@example.org', 'ru', [themeA]);
    await subscribeAndConfirm('theme.b@example.org', 'ru', [themeB]);
    await subscribeAndConfirm('all.themes@example.org', 'ru');

    const { id, queued } = await sendNew(edition({ segmentLocales: ['ru'], segmentThemeIds: [themeA] }));
    expect(queued).toBe(2);
    expect(await sendEdition(deps, actor, id)).toEqual({ queued: 2, alreadySent: true });
    await sink.waitFor(2, { to: 'theme.a@example.org' });
    await sink.waitFor(2, { to: 'all.themes@example.org' });
    await new Promise((r) => setTimeout(r, 800));
    expect(sink.messages.filter((m) => m.envelope.to.includes('theme.b@example.org'))).toHaveLength(1);
    expect(sink.messages.filter((m) => m.envelope.to.includes('theme.a@example.org'))).toHaveLength(2);
    // Russian is missing: English with a note in Russian.
    const ru = sink.messages.filter((m) => m.envelope.to.includes('theme.a@example.org'))[1]!;
    expect(ru.text).toContain(
      'Этот выпуск недоступен на языке «русский»; ниже он приводится на языке «английский».',
    );

    // The progress page counts them sent.
    const page = await app.inject({
      method: 'GET',
      url: `/en/admin/newsletter/editions/${id}`,
      headers: secretariat.headers,
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/data-count="sent">2</);
    expect(page.body).toMatch(/data-count="queued">0</);
  });
});
