import { asc, count, eq } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import {
  makeAgendaItem,
  makeDocument,
  makeSeries,
  makeSession,
  makeSpeaker,
  makeTheme,
} from '../../../../test/factories';
import { isolatedDbTest as test } from '../../../../test/test-deps';
import type { Db } from '../../../db/client';
import { fixedClock } from '../../../platform/clock';
import { LOCALES } from '../../../platform/i18n/locales';
import { missingLocales } from '../../../platform/i18n/localized-text';
import {
  agendaItemSpeakers,
  agendaItems,
  documentFiles,
  documents,
  series,
  sessions,
  speakers,
  themes,
} from '../conversations.tables';
import { DEMO_SERIES_SLUG } from './demo-content';
import { removeDemo, seedDemo } from './seed-demo';

// Each test gets a database of its own (isolatedDbTest): the demo is site-wide content, and counts
// of demo rows would be meaningless if a neighbouring test had seeded it too.

const GENEVA = 'Europe/Zurich';
const genevaDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: GENEVA,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const genevaWeekday = new Intl.DateTimeFormat('en-US', { timeZone: GENEVA, weekday: 'long' });
const localDate = (date: Date) => genevaDate.format(date);

/** Every demo table with a flag, and how many of its rows are demo rows. */
async function countDemoRows(db: Db) {
  const tally = async (query: Promise<{ n: number }[]>) => (await query)[0]?.n ?? 0;
  return {
    series: await tally(db.select({ n: count() }).from(series).where(eq(series.isDemo, true))),
    themes: await tally(db.select({ n: count() }).from(themes).where(eq(themes.isDemo, true))),
    sessions: await tally(db.select({ n: count() }).from(sessions).where(eq(sessions.isDemo, true))),
    agendaItems: await tally(db.select({ n: count() }).from(agendaItems).where(eq(agendaItems.isDemo, true))),
    speakers: await tally(db.select({ n: count() }).from(speakers).where(eq(speakers.isDemo, true))),
    documents: await tally(db.select({ n: count() }).from(documents).where(eq(documents.isDemo, true))),
    documentFiles: await tally(
      db.select({ n: count() }).from(documentFiles).where(eq(documentFiles.isDemo, true)),
    ),
  };
}

describe('seedDemo', () => {
  test('seeds the demo once, however often it runs', async ({ deps }) => {
    const first = await seedDemo(deps.db, deps.clock);
    const before = await countDemoRows(deps.db);

    const second = await seedDemo(deps.db, deps.clock);

    expect(first).toEqual({ seeded: true });
    expect(second).toEqual({ seeded: false });
    expect(await countDemoRows(deps.db)).toEqual(before);
    expect(before).toMatchObject({ series: 1, themes: 4, sessions: 12 });
  });

  test('marks every row as demo content and publishes the series, its sessions and documents', async ({
    deps,
  }) => {
    await seedDemo(deps.db, deps.clock);

    const all = {
      series: await deps.db.select({ isDemo: series.isDemo, isPublished: series.isPublished }).from(series),
      sessions: await deps.db
        .select({ isDemo: sessions.isDemo, isPublished: sessions.isPublished })
        .from(sessions),
      documents: await deps.db
        .select({ isDemo: documents.isDemo, isPublished: documents.isPublished })
        .from(documents),
      other: [
        ...(await deps.db.select({ isDemo: themes.isDemo }).from(themes)),
        ...(await deps.db.select({ isDemo: speakers.isDemo }).from(speakers)),
        ...(await deps.db.select({ isDemo: agendaItems.isDemo }).from(agendaItems)),
        ...(await deps.db.select({ isDemo: documentFiles.isDemo }).from(documentFiles)),
      ],
    };

    const published = { isDemo: true, isPublished: true };
    expect(all.series).toEqual([published]);
    expect(all.sessions).toEqual(Array.from({ length: 12 }, () => published));
    expect(all.documents.every((row) => row.isDemo && row.isPublished)).toBe(true);
    expect(all.other.every((row) => row.isDemo)).toBe(true);
    expect(all.other.length).toBeGreaterThan(100);
  });

  test('seeds sessions 1 to 12 on the dates of the real series, in Geneva time', async ({ deps }) => {
    await seedDemo(deps.db, deps.clock);

    const rows = await deps.db.select().from(sessions).orderBy(asc(sessions.number));

    const seen = rows.map((s) => ({
      number: s.number,
      from: localDate(s.startsAt),
      to: localDate(s.endsAt),
      format: s.format,
      timeZone: s.timeZone,
    }));
    // Where DESIGN.md gives a day it is that day; where it gives a month, a Tuesday–Thursday in it.
    const exact = [
      { number: 1, from: '2019-09-27', to: '2019-09-27' },
      { number: 2, from: '2020-07-07', to: '2020-07-09', format: 'virtual' },
      { number: 3, from: '2020-11-04', to: '2020-11-04', format: 'virtual' },
      { number: 9, from: '2024-03-13', to: '2024-03-14', format: 'hybrid' },
    ];
    const byMonth = [
      { number: 4, month: '2021-09' },
      { number: 5, month: '2022-04', format: 'virtual' },
      { number: 6, month: '2022-09' },
      { number: 7, month: '2023-03' },
      { number: 8, month: '2023-09', format: 'hybrid' },
      { number: 10, month: '2024-11' },
      { number: 11, month: '2025-04' },
      { number: 12, month: '2025-10' },
    ];
    expect(seen.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(seen.every((s) => s.timeZone === GENEVA)).toBe(true);
    for (const expected of exact) {
      expect(seen[expected.number - 1]).toMatchObject(expected);
    }
    for (const { number, month, format } of byMonth) {
      const session = rows[number - 1]!;
      const local = seen[number - 1]!;
      expect(local.from.slice(0, 7), `session ${number}`).toBe(month);
      expect(local.to, `session ${number}`).toBe(local.from);
      if (format) expect(local.format, `session ${number}`).toBe(format);
      expect(['Tuesday', 'Wednesday', 'Thursday']).toContain(genevaWeekday.format(session.startsAt));
    }
  });

  test('keeps every agenda item inside its session, in order, with a title and a description', async ({
    deps,
  }) => {
    await seedDemo(deps.db, deps.clock);

    const rows = await deps.db
      .select({ item: agendaItems, session: sessions })
      .from(agendaItems)
      .innerJoin(sessions, eq(agendaItems.sessionId, sessions.id))
      .orderBy(asc(sessions.number), asc(agendaItems.position));

    const problems = rows.flatMap(({ item, session }, index) => {
      const previous = rows[index - 1];
      const found: string[] = [];
      if (item.startsAt < session.startsAt || item.endsAt > session.endsAt) found.push('outside its session');
      if (item.endsAt <= item.startsAt) found.push('ends before it starts');
      if (previous?.session.id === session.id && previous.item.endsAt > item.startsAt) found.push('overlaps');
      if (!item.description.en || !item.description.fr || !item.description.es)
        found.push('lacks a description');
      return found.map((problem) => `session ${session.number}, item ${item.position}: ${problem}`);
    });
    const itemsPerSession = Array.from(
      { length: 12 },
      (_, i) => rows.filter((row) => row.session.number === i + 1).length,
    );
    expect(problems).toEqual([]);
    expect(itemsPerSession.every((n) => n >= 3)).toBe(true);
  });

  test('holds session 9 on 13–14 March 2024 in Geneva, titled in all six languages, with a full agenda', async ({
    deps,
  }) => {
    await seedDemo(deps.db, deps.clock);

    const [session] = await deps.db.select().from(sessions).where(eq(sessions.number, 9));
    const agenda = await deps.db
      .select()
      .from(agendaItems)
      .where(eq(agendaItems.sessionId, session!.id))
      .orderBy(asc(agendaItems.position));
    const roles = await deps.db
      .select({ role: agendaItemSpeakers.role, slug: speakers.slug, kind: agendaItems.kind })
      .from(agendaItemSpeakers)
      .innerJoin(agendaItems, eq(agendaItemSpeakers.agendaItemId, agendaItems.id))
      .innerJoin(speakers, eq(agendaItemSpeakers.speakerId, speakers.id))
      .where(eq(agendaItems.sessionId, session!.id));

    expect(session!.title).toEqual({
      ar: 'تدريب الآلات – البايتات والحقوق ومعضلة حق المؤلف',
      zh: '训练机器——字节、权利与版权难题',
      en: 'Training the Machines – Bytes, Rights and the Copyright Conundrum',
      fr: "Entraîner les machines – octets, droits et l'énigme du droit d'auteur",
      ru: 'Обучение машин – байты, права и головоломка авторского права',
      es: 'Entrenar a las máquinas – bytes, derechos y el dilema del derecho de autor',
    });
    expect(missingLocales(session!.description)).toEqual([]);
    // 10:00 CET on the 13th to 16:45 CET on the 14th: Geneva is on winter time (UTC+1) in March.
    expect(session!.startsAt.toISOString()).toBe('2024-03-13T09:00:00.000Z');
    expect(session!.endsAt.toISOString()).toBe('2024-03-14T15:45:00.000Z');
    expect(session).toMatchObject({ format: 'hybrid', timeZone: GENEVA });
    expect(session!.livestreamUrl).toMatch(/^https:\/\/webcast\.wipo\.int\//);
    expect(session!.recordingUrl).toMatch(/^https:\/\/webcast\.wipo\.int\//);
    expect(new Set(agenda.map((item) => localDate(item.startsAt)))).toEqual(
      new Set(['2024-03-13', '2024-03-14']),
    );
    expect(new Set(agenda.map((item) => item.kind))).toEqual(
      new Set(['opening', 'keynote', 'break', 'panel', 'sharing', 'open_floor', 'closing']),
    );
    expect(agenda.filter((item) => item.kind === 'panel')).toHaveLength(3);
    expect(
      agenda.flatMap((item) => [...missingLocales(item.title), ...missingLocales(item.description)]),
    ).toEqual([]);
    expect(roles).toContainEqual({ role: 'speaker', slug: 'helene-marchetti', kind: 'opening' });
    expect(new Set(roles.map((r) => r.role))).toEqual(new Set(['chair', 'moderator', 'speaker', 'panelist']));
  });

  test('gives every title, in the series, themes, sessions, agendas and documents, all six languages', async ({
    deps,
  }) => {
    await seedDemo(deps.db, deps.clock);

    const titles = [
      ...(await deps.db.select({ id: series.slug, title: series.title }).from(series)),
      ...(await deps.db.select({ id: themes.slug, title: themes.title }).from(themes)),
      ...(await deps.db.select({ id: sessions.number, title: sessions.title }).from(sessions)),
      ...(await deps.db.select({ id: agendaItems.id, title: agendaItems.title }).from(agendaItems)),
      ...(await deps.db.select({ id: documents.symbol, title: documents.title }).from(documents)),
    ];

    const untranslated = titles.filter(({ title }) =>
      LOCALES.some((locale) => locale !== 'en' && title[locale] === title.en),
    );
    expect(
      titles.flatMap(({ id, title }) => missingLocales(title).map((locale) => `${id}: ${locale}`)),
    ).toEqual([]);
    // A copy of the English title is a missing translation in disguise.
    expect(untranslated.map(({ id }) => id)).toEqual([]);
  });

  test('gives speakers from at least twelve countries, a bio in English, French and Spanish each', async ({
    deps,
  }) => {
    await seedDemo(deps.db, deps.clock);

    const rows = await deps.db.select().from(speakers);

    expect(rows.length).toBeGreaterThanOrEqual(20);
    expect(new Set(rows.map((s) => s.country)).size).toBeGreaterThanOrEqual(12);
    expect(rows.filter((s) => !s.bio.en || !s.bio.fr || !s.bio.es).map((s) => s.slug)).toEqual([]);
    expect(rows.flatMap((s) => missingLocales(s.position).map((l) => `${s.slug}: ${l}`))).toEqual([]);
  });

  test('stores each language version of a document as a PDF named after its symbol', async ({ deps }) => {
    await seedDemo(deps.db, deps.clock);

    const files = await deps.db
      .select({ symbol: documents.symbol, file: documentFiles })
      .from(documentFiles)
      .innerJoin(documents, eq(documentFiles.documentId, documents.id));
    const localesOf = (symbol: string) =>
      files
        .filter((f) => f.symbol === symbol)
        .map((f) => f.file.locale)
        .sort();

    const sixLanguages = [...LOCALES].sort();
    expect(localesOf('WIPO/IP/AI/GE/24/INF/1')).toEqual(sixLanguages);
    expect(localesOf('WIPO/IP/AI/2/GE/20/1 REV.')).toEqual(sixLanguages);
    const french = files.find((f) => f.file.fileName === 'wipo_ip_ai_ge_24_inf_1_fr.pdf')!.file;
    expect(french).toMatchObject({
      locale: 'fr',
      mediaType: 'application/pdf',
      byteSize: french.content?.length,
    });
    expect(french.content?.toString('latin1')).toMatch(
      /^%PDF-1\.4\n[\s\S]*Language version: French[\s\S]*%%EOF\n$/,
    );
    expect(files.every((f) => f.file.byteSize === f.file.content?.length)).toBe(true);
    expect(new Set(files.map((f) => f.symbol)).size).toBe(await deps.db.$count(documents));
    expect(files.every((f) => localesOf(f.symbol).includes('en'))).toBe(true);
  });

  test('links the recording only for sessions that have ended by the clock', async ({ deps }) => {
    const duringSessionNine = fixedClock('2024-03-14T10:00:00Z');

    await seedDemo(deps.db, duringSessionNine);

    const rows = await deps.db
      .select({
        number: sessions.number,
        recordingUrl: sessions.recordingUrl,
        livestreamUrl: sessions.livestreamUrl,
      })
      .from(sessions)
      .orderBy(asc(sessions.number));
    expect(rows.filter((s) => s.recordingUrl !== null).map((s) => s.number)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8,
    ]);
    expect(rows.filter((s) => s.livestreamUrl !== null).map((s) => s.number)).toEqual([9]);
  });
});

describe('removeDemo', () => {
  test('removes every demo row and leaves other content alone', async ({ deps }) => {
    const other = await makeSeries(deps.db, { slug: 'another-conversation' });
    const theme = await makeTheme(deps.db, { seriesId: other.id });
    const session = await makeSession(deps.db, { seriesId: other.id, themeId: theme.id, number: 1 });
    const speaker = await makeSpeaker(deps.db);
    await makeAgendaItem(deps.db, { sessionId: session.id, position: 0 }, [{ speakerId: speaker.id }]);
    await makeDocument(deps.db, { seriesId: other.id, sessionId: session.id }, ['en', 'fr']);
    const linksBefore = await deps.db.$count(agendaItemSpeakers);
    await seedDemo(deps.db, deps.clock);
    const demo = await countDemoRows(deps.db);
    const demoLinks = (await deps.db.$count(agendaItemSpeakers)) - linksBefore;

    const { removed } = await removeDemo(deps.db);

    const demoTotal = Object.values(demo).reduce((sum, n) => sum + n, 0);
    expect(removed).toBe(demoTotal + demoLinks);
    expect(await countDemoRows(deps.db)).toEqual({
      series: 0,
      themes: 0,
      sessions: 0,
      agendaItems: 0,
      speakers: 0,
      documents: 0,
      documentFiles: 0,
    });
    expect(await deps.db.select({ slug: series.slug }).from(series)).toEqual([
      { slug: 'another-conversation' },
    ]);
    expect(await deps.db.$count(themes)).toBe(1);
    expect(await deps.db.$count(sessions)).toBe(1);
    expect(await deps.db.$count(speakers)).toBe(1);
    expect(await deps.db.$count(agendaItems)).toBe(1);
    expect(await deps.db.$count(agendaItemSpeakers)).toBe(1);
    expect(await deps.db.$count(documents)).toBe(1);
    expect(await deps.db.$count(documentFiles)).toBe(2);
  });

  test('lets the demo be seeded again after it was removed', async ({ deps }) => {
    await seedDemo(deps.db, deps.clock);
    await removeDemo(deps.db);

    const again = await seedDemo(deps.db, deps.clock);

    expect(again).toEqual({ seeded: true });
    expect(await deps.db.$count(series, eq(series.slug, DEMO_SERIES_SLUG))).toBe(1);
  });

  test('removes nothing when there is no demo content', async ({ deps }) => {
    await makeSeries(deps.db);

    const { removed } = await removeDemo(deps.db);

    expect(removed).toBe(0);
    expect(await deps.db.$count(series)).toBe(1);
  });
});
