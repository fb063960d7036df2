import { eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import type { Locale } from '../../../platform/i18n/locales';
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
import {
  DEMO_SERIES,
  DEMO_SESSIONS,
  DEMO_SPEAKERS,
  DEMO_THEMES,
  DEMO_TIME_ZONE,
  type DemoDocument,
} from './demo-content';
import { makeDemoPdf } from './demo-pdf';

const LANGUAGE_NAMES_EN: Record<Locale, string> = {
  ar: 'Arabic',
  zh: 'Chinese',
  en: 'English',
  fr: 'French',
  ru: 'Russian',
  es: 'Spanish',
};

/**
 * Writes the demo series (themes, speakers, twelve sessions with agendas, documents and a PDF per
 * language version) in one transaction, every row marked `isDemo` so removeDemo can take it out
 * again. Does nothing when a series with the demo slug is already there, so it is safe to run on
 * every start and from two processes at once. A session gets its recording link only once it has
 * ended by `clock`, as it would in real life.
 */
export async function seedDemo(db: Db, clock: { now(): Date }): Promise<{ seeded: boolean }> {
  const now = clock.now();
  const stamps = { isDemo: true, createdAt: now };
  const stamped = { ...stamps, updatedAt: now };

  return db.transaction(async (tx) => {
    // ON CONFLICT rather than a look-up first: a second seeder racing this one waits on the unique
    // index and then finds the row, instead of failing the whole start.
    const [seriesRow] = await tx
      .insert(series)
      .values({ ...DEMO_SERIES, isPublished: true, ...stamped })
      .onConflictDoNothing({ target: series.slug })
      .returning({ id: series.id });
    if (!seriesRow) return { seeded: false };
    const seriesId = seriesRow.id;

    const themeRows = await tx
      .insert(themes)
      .values(DEMO_THEMES.map((theme, position) => ({ ...theme, seriesId, position, ...stamped })))
      .returning({ id: themes.id, slug: themes.slug });
    const themeIds = new Map(themeRows.map((row) => [row.slug, row.id]));

    const speakerRows = await tx
      .insert(speakers)
      .values(DEMO_SPEAKERS.map((speaker) => ({ ...speaker, ...stamped })))
      .returning({ id: speakers.id, slug: speakers.slug });
    const speakerIds = new Map(speakerRows.map((row) => [row.slug, row.id]));

    const sessionRows = await tx
      .insert(sessions)
      .values(
        DEMO_SESSIONS.map((session) => ({
          seriesId,
          themeId: required(themeIds, session.theme),
          number: session.number,
          title: session.title,
          subject: session.subject,
          description: session.description,
          startsAt: session.startsAt,
          endsAt: session.endsAt,
          timeZone: DEMO_TIME_ZONE,
          format: session.format,
          venue: session.venue,
          livestreamUrl: session.livestreamUrl ?? null,
          recordingUrl: session.endsAt <= now ? session.recordingUrl : null,
          isPublished: true,
          ...stamped,
        })),
      )
      .returning({ id: sessions.id, number: sessions.number });
    const sessionIds = new Map(sessionRows.map((row) => [row.number, row.id]));

    const itemRows = await tx
      .insert(agendaItems)
      .values(
        DEMO_SESSIONS.flatMap((session) =>
          session.agenda.map((item, position) => ({
            sessionId: required(sessionIds, session.number),
            position,
            kind: item.kind,
            startsAt: item.startsAt,
            endsAt: item.endsAt,
            title: item.title,
            description: item.description,
            ...stamped,
          })),
        ),
      )
      .returning({ id: agendaItems.id, sessionId: agendaItems.sessionId, position: agendaItems.position });
    const itemIds = new Map(itemRows.map((row) => [`${row.sessionId}/${row.position}`, row.id]));

    await tx.insert(agendaItemSpeakers).values(
      DEMO_SESSIONS.flatMap((session) =>
        session.agenda.flatMap((item, itemPosition) =>
          item.speakers.map(({ speaker, role }, position) => ({
            agendaItemId: required(itemIds, `${required(sessionIds, session.number)}/${itemPosition}`),
            speakerId: required(speakerIds, speaker),
            role,
            position,
          })),
        ),
      ),
    );

    const documentRows = await tx
      .insert(documents)
      .values(
        DEMO_SESSIONS.flatMap((session) =>
          session.documents.map((document) => ({
            seriesId,
            sessionId: required(sessionIds, session.number),
            symbol: document.symbol,
            kind: document.kind,
            title: document.title,
            publishedOn: document.publishedOn,
            isPublished: true,
            ...stamped,
          })),
        ),
      )
      .returning({ id: documents.id, symbol: documents.symbol });
    const documentIds = new Map(documentRows.map((row) => [row.symbol, row.id]));

    await tx.insert(documentFiles).values(
      DEMO_SESSIONS.flatMap((session) =>
        session.documents.flatMap((document) =>
          document.locales.map((locale) => {
            const content = makeDemoPdf(demoPdfLines(document, locale));
            return {
              documentId: required(documentIds, document.symbol),
              locale,
              fileName: demoFileName(document.symbol, locale),
              mediaType: 'application/pdf',
              byteSize: content.length,
              content,
              ...stamps,
            };
          }),
        ),
      ),
    );

    return { seeded: true };
  });
}

/**
 * Deletes every row marked as demo content, children before parents so no cascade removes a row
 * uncounted, all in one transaction. Agenda speaker links carry no flag of their own: those that
 * touch a demo agenda item or a demo speaker go too. Returns how many rows were deleted in all.
 * Non-demo rows are left alone, except what the foreign keys themselves do: anything an organiser
 * added inside the demo series is deleted with it.
 */
export async function removeDemo(db: Db): Promise<{ removed: number }> {
  return db.transaction(async (tx) => {
    const demoItemIds = tx
      .select({ id: agendaItems.id })
      .from(agendaItems)
      .where(eq(agendaItems.isDemo, true));
    const demoSpeakerIds = tx.select({ id: speakers.id }).from(speakers).where(eq(speakers.isDemo, true));
    const counts = [
      await tx
        .delete(agendaItemSpeakers)
        .where(
          or(
            inArray(agendaItemSpeakers.agendaItemId, demoItemIds),
            inArray(agendaItemSpeakers.speakerId, demoSpeakerIds),
          ),
        ),
      await tx.delete(documentFiles).where(eq(documentFiles.isDemo, true)),
      await tx.delete(documents).where(eq(documents.isDemo, true)),
      await tx.delete(agendaItems).where(eq(agendaItems.isDemo, true)),
      await tx.delete(sessions).where(eq(sessions.isDemo, true)),
      await tx.delete(speakers).where(eq(speakers.isDemo, true)),
      await tx.delete(themes).where(eq(themes.isDemo, true)),
      await tx.delete(series).where(eq(series.isDemo, true)),
    ].map((result) => result.rowCount ?? 0);
    return { removed: counts.reduce((sum, count) => sum + count, 0) };
  });
}

/** "WIPO/IP/AI/GE/24/INF/1", "fr" → "wipo_ip_ai_ge_24_inf_1_fr.pdf". */
export function demoFileName(symbol: string, locale: Locale): string {
  const stem = symbol
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
  return `${stem}_${locale}.pdf`;
}

function demoPdfLines(document: DemoDocument, locale: Locale): string[] {
  const lines = ['DEMO DOCUMENT — not an official WIPO document', '', document.symbol, document.title.en];
  // The standard PDF fonts can show French and Spanish titles; the other scripts would be dropped.
  if (locale === 'fr' || locale === 'es') lines.push(document.title[locale]);
  lines.push(
    '',
    `Language version: ${LANGUAGE_NAMES_EN[locale]}`,
    `Published: ${document.publishedOn}`,
    '',
    'This file is demo content generated by Colloquy. It stands in for the document named above',
    'and does not reproduce its text.',
  );
  return lines;
}

/** Looks up an id the seed itself has just inserted; a miss means the demo data is inconsistent. */
function required<K, V>(ids: Map<K, V>, key: K): V {
  const id = ids.get(key);
  if (id === undefined) throw new Error(`Demo content refers to ${String(key)}, which it does not define.`);
  return id;
}
