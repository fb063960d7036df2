import ICAL from 'ical.js';
import { describe, expect } from 'vitest';
import { createApp } from '../../app';
import { isolatedDbTest as test } from '../../../test/test-deps';
import {
  makeAgendaItem,
  makeDocument,
  makeSeries,
  makeSession,
  makeSpeaker,
  makeTheme,
} from '../../../test/factories';
import type { Db } from '../../db/client';

/** A small series: two themes, three sessions, two speakers from two countries, one document. */
async function arrangeSeries(db: Db) {
  const series = await makeSeries(db, {
    title: { en: 'Conversation on Frontier Tech', fr: 'Conversation sur les technologies de pointe' },
  });
  const ai = await makeTheme(db, {
    seriesId: series.id,
    slug: 'ai',
    title: { en: 'AI and IP', fr: 'IA et PI' },
    position: 1,
  });
  const data = await makeTheme(db, {
    seriesId: series.id,
    slug: 'data',
    title: { en: 'Data and IP' },
    position: 2,
  });
  const first = await makeSession(db, {
    seriesId: series.id,
    number: 1,
    themeId: ai.id,
    title: { en: 'First session' },
  });
  const ninth = await makeSession(db, {
    seriesId: series.id,
    number: 9,
    themeId: ai.id,
    title: { en: 'Training the Machines', fr: 'Entraîner les machines' },
    description: { en: 'Copyright and training data.' },
    startsAt: new Date('2024-03-13T12:00:00Z'),
    endsAt: new Date('2024-03-14T16:00:00Z'),
    recordingUrl: 'https://example.org/recording-9',
  });
  await makeSession(db, { seriesId: series.id, number: 4, themeId: data.id, title: { en: 'Data session' } });
  await makeSession(db, {
    seriesId: series.id,
    number: 5,
    title: { en: 'Unpublished draft' },
    isPublished: false,
  });
  const ana = await makeSpeaker(db, { slug: 'ana-lima', name: 'Ana Lima', country: 'BR' });
  const kenji = await makeSpeaker(db, { slug: 'kenji-sato', name: 'Kenji Sato', country: 'JP' });
  await makeAgendaItem(
    db,
    { sessionId: ninth.id, position: 1, kind: 'opening', title: { en: 'Opening', fr: 'Ouverture' } },
    [{ speakerId: ana.id, role: 'chair' }],
  );
  await makeAgendaItem(db, { sessionId: ninth.id, position: 2, title: { en: 'Panel on datasets' } }, [
    { speakerId: kenji.id, role: 'panelist' },
    { speakerId: ana.id, role: 'moderator' },
  ]);
  await makeAgendaItem(db, { sessionId: first.id, position: 1, title: { en: 'Talk' } }, [
    { speakerId: ana.id },
  ]);
  const document = await makeDocument(
    db,
    {
      seriesId: series.id,
      sessionId: ninth.id,
      symbol: 'WIPO/IP/AI/GE/24/INF/1',
      kind: 'agenda',
      title: { en: 'Agenda' },
    },
    ['en', 'fr'],
  );
  return { series, ninth, document };
}

describe('conversations pages', () => {
  test('the series home shows the featured session, reach counted from data and sessions by theme', async ({
    deps,
  }) => {
    const { series } = await arrangeSeries(deps.db);
    const { app } = await createApp(deps);

    const res = await app.inject(`/en/series/${series.slug}`);

    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = res.body;
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toContain('Latest session');
    expect(html).toContain(`href="/en/series/${series.slug}/sessions/9#watch">Watch the event</a>`);
    // 3 published sessions (the draft is not counted), 2 themes, 2 speakers, 2 countries.
    expect(figures(html)).toEqual([
      ['3', 'sessions'],
      ['2', 'themes'],
      ['2', 'speakers'],
      ['2', 'countries represented by speakers'],
      // No registrations yet (their figures are tested in the analytics module).
      ['0', 'people registered'],
      ['0', 'countries represented by participants'],
    ]);
    expect(html.indexOf('AI and IP')).toBeLessThan(html.indexOf('Data and IP'));
    expect(html).not.toContain('Unpublished draft');
  });

  test('the session page shows agenda, speakers, documents and falls back to English with a note', async ({
    deps,
  }) => {
    const { series, document } = await arrangeSeries(deps.db);
    const { app } = await createApp(deps);

    const res = await app.inject(`/fr/series/${series.slug}/sessions/9`);

    expect(res.statusCode).toBe(200);
    const html = res.body.replace(/[\u2009\u202f]/g, ' '); // Intl puts thin spaces around dashes
    expect(html).toContain('<html lang="fr" dir="ltr">');
    expect(html).toContain('Entraîner les machines');
    expect(html).toContain('Ouverture');
    // "Panel on datasets" has no French: shown in English, marked as such.
    expect(html).toMatch(
      /<span lang="en" dir="ltr">Panel on datasets<\/span> <span class="fallback-note" lang="fr"/,
    );
    expect(html).toContain('href="/fr/speakers/kenji-sato">Kenji Sato</a>');
    expect(html).toContain('13 mars 2024 à 13:00 – 14 mars 2024 à 17:00 (heure normale d’Europe centrale)');
    expect(html).toContain(`href="/fr/documents/${document.id}/fr"`);
    expect(html).toContain('href="https://example.org/recording-9"');
    expect(html).toContain(`href="/fr/series/${series.slug}/sessions/9/calendar.ics"`);
  });

  test('the calendar file is a valid iCalendar event with the session times', async ({ deps }) => {
    const { series } = await arrangeSeries(deps.db);
    const { app } = await createApp(deps);

    const res = await app.inject(`/en/series/${series.slug}/sessions/9/calendar.ics`);

    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(res.body)).getFirstSubcomponent('vevent')!);
    expect(event.summary).toBe('Session 9: Training the Machines');
    expect(event.startDate.toJSDate().toISOString()).toBe('2024-03-13T12:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2024-03-14T16:00:00.000Z');
  });

  test('a document language version downloads with its type and name', async ({ deps }) => {
    const { document } = await arrangeSeries(deps.db);
    const { app } = await createApp(deps);

    const res = await app.inject(`/en/documents/${document.id}/fr`);

    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="doc_fr.pdf"');
    expect(res.body).toContain('test file fr');
  });

  test('the document library filters by session and kind', async ({ deps }) => {
    await arrangeSeries(deps.db);
    const { app } = await createApp(deps);

    const matching = await app.inject('/en/documents?session=9&kind=agenda');
    const none = await app.inject('/en/documents?session=9&kind=summary');

    expect(matching.statusCode).toBe(200);
    expect(matching.body).toContain('WIPO/IP/AI/GE/24/INF/1');
    expect(none.statusCode).toBe(200);
    expect(none.body).not.toContain('WIPO/IP/AI/GE/24/INF/1');
  });

  test('the theme and speaker pages list what belongs to them', async ({ deps }) => {
    const { series } = await arrangeSeries(deps.db);
    const { app } = await createApp(deps);

    const theme = await app.inject(`/en/series/${series.slug}/themes/ai`);
    const speaker = await app.inject('/en/speakers/ana-lima');

    expect(theme.statusCode).toBe(200);
    expect(theme.body).toContain('Training the Machines');
    expect(theme.body).not.toContain('Data session');
    expect(speaker.statusCode).toBe(200);
    expect(speaker.body).toContain('Ana Lima');
    expect(speaker.body).toContain('Brazil');
    expect(speaker.body.match(/<li>/g)?.length).toBeGreaterThanOrEqual(3);
  });
});

describe('languages', () => {
  test('the root redirects to the best language of Accept-Language', async ({ deps }) => {
    const { app } = await createApp(deps);

    const res = await app.inject({ url: '/', headers: { 'accept-language': 'de-CH, ru;q=0.8, en;q=0.5' } });

    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/ru/');
    expect(res.headers.vary).toBe('accept-language');
  });

  test('the language switcher leads to the same page, filters included, in each language', async ({
    deps,
  }) => {
    await arrangeSeries(deps.db);
    const { app } = await createApp(deps);

    const res = await app.inject('/fr/documents?session=9&kind=agenda');

    const switcher = [...res.body.matchAll(/<a href="([^"]+)" hreflang="(\w+)" lang="\w+"/g)].map(
      (m) => m[1],
    );
    expect(switcher).toEqual(
      ['ar', 'zh', 'en', 'fr', 'ru', 'es'].map((l) => `/${l}/documents?session=9&amp;kind=agenda`),
    );
  });

  test('Arabic pages are right to left', async ({ deps }) => {
    const { series } = await arrangeSeries(deps.db);
    const { app } = await createApp(deps);

    const res = await app.inject(`/ar/series/${series.slug}/sessions/9`);

    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="ar" dir="rtl">');
  });
});

describe('bad input', () => {
  test('an unknown locale gets a 404 page in the language the visitor prefers', async ({ deps }) => {
    const { app } = await createApp(deps);

    const res = await app.inject({ url: '/xx/series/a/sessions/1', headers: { 'accept-language': 'fr' } });

    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('<html lang="fr" dir="ltr">');
    expect(res.body).toContain('Erreur 404');
  });

  test('an unknown or malformed session number is a 404, not a 500', async ({ deps }) => {
    const { series } = await arrangeSeries(deps.db);
    const { app } = await createApp(deps);

    const statuses = await Promise.all(
      ['99', '0', '-1', '1e3', 'abc', '09', '5'].map(
        async (n) => (await app.inject(`/en/series/${series.slug}/sessions/${n}`)).statusCode,
      ),
    );

    expect(statuses).toEqual([404, 404, 404, 404, 404, 404, 404]);
  });

  test('a malformed query string is a 400 page in the visitor language', async ({ deps }) => {
    await arrangeSeries(deps.db);
    const { app } = await createApp(deps);

    const res = await app.inject('/es/documents?session=nine&kind=poem');

    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<html lang="es" dir="ltr">');
    expect(res.body).toContain('Error 400');
  });

  test('a malformed document id or file language is a 404', async ({ deps }) => {
    const { document } = await arrangeSeries(deps.db);
    const { app } = await createApp(deps);

    const statuses = await Promise.all(
      [
        '/en/documents/not-a-uuid/en',
        `/en/documents/${document.id}/de`,
        `/en/documents/${document.id}/ar`,
      ].map(async (url) => (await app.inject(url)).statusCode),
    );

    expect(statuses).toEqual([404, 404, 404]);
  });

  test('a broken percent-encoding in the URL is a 400, not a 500', async ({ deps }) => {
    const { app } = await createApp(deps);

    const res = await app.inject('/en/speakers/%E0%A4%A');

    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<html lang="en"');
  });
});

describe('caching', () => {
  test('a page carries an ETag and answers 304 when the visitor has it', async ({ deps }) => {
    const { series } = await arrangeSeries(deps.db);
    const { app } = await createApp(deps);
    const url = `/en/series/${series.slug}/sessions/9`;

    const first = await app.inject(url);
    const again = await app.inject({ url, headers: { 'if-none-match': first.headers.etag as string } });

    expect(first.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  test('the second request is served from the page cache until the cache is cleared', async ({ deps }) => {
    const { series } = await arrangeSeries(deps.db);
    const { app, pageCache } = await createApp(deps);
    const url = `/en/series/${series.slug}/sessions/9`;
    await app.inject(url);
    await deps.db.execute(`UPDATE conversations_sessions SET title = '{"en":"Renamed"}' WHERE number = 9`);

    const cached = await app.inject(url);
    pageCache.clear();
    const fresh = await app.inject(url);

    expect(cached.body).toContain('Training the Machines');
    expect(fresh.body).toContain('Renamed');
  });
});

/** The reach figures as [value, label] pairs, in page order. */
function figures(html: string): [string, string][] {
  return [
    ...html.matchAll(
      /<span class="figure-value">([^<]+)<\/span> <span class="figure-label">([^<]+)<\/span>/g,
    ),
  ].map((m) => [m[1]!, m[2]!]);
}

describe('page cache keys', () => {
  test('a page that reads no query is cached by path, and a stray query leaves no trace in it', async ({
    deps,
  }) => {
    const { series } = await arrangeSeries(deps.db);
    const { app, pageCache } = await createApp(deps);

    const first = await app.inject(`/en/series/${series.slug}/sessions/9?utm_source=newsletter`);
    const second = await app.inject(`/en/series/${series.slug}/sessions/9?utm_source=other`);

    expect(pageCache.size).toBe(1);
    expect(second.body).toBe(first.body);
    expect(first.body).not.toContain('utm_source');
  });
});
