import { and, asc, count, countDistinct, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { AppError } from '../../platform/errors';
import {
  agendaItems,
  agendaItemSpeakers,
  documentFiles,
  documents,
  series,
  sessions,
  speakers,
  themes,
} from './conversations.tables';
import type {
  AgendaEntry,
  Document,
  DocumentFile,
  DocumentWithFiles,
  Series,
  SeriesReach,
  Session,
  Speaker,
  SpeakerAppearance,
  Theme,
} from './conversations.types';

// Visibility filters have names here, so callers never re-type them.
const publishedSeries = eq(series.isPublished, true);
const publishedSession = eq(sessions.isPublished, true);
const publishedDocument = eq(documents.isPublished, true);

export async function findPublishedSeries(db: Db, slug: string): Promise<Series | undefined> {
  const [row] = await db
    .select()
    .from(series)
    .where(and(eq(series.slug, slug), publishedSeries))
    .limit(1);
  return row;
}

export async function getPublishedSeries(db: Db, slug: string): Promise<Series> {
  const row = await findPublishedSeries(db, slug);
  if (!row) throw new AppError('NOT_FOUND', { series: slug });
  return row;
}

/** The series the site's home page shows: the first one published. */
export async function findPrimarySeries(db: Db): Promise<Series | undefined> {
  const [row] = await db
    .select()
    .from(series)
    .where(publishedSeries)
    .orderBy(asc(series.createdAt), asc(series.slug))
    .limit(1);
  return row;
}

export function listPublishedSeries(db: Db): Promise<Series[]> {
  return db.select().from(series).where(publishedSeries).orderBy(asc(series.createdAt), asc(series.slug));
}

export function listThemes(db: Db, seriesId: string): Promise<Theme[]> {
  return db
    .select()
    .from(themes)
    .where(eq(themes.seriesId, seriesId))
    .orderBy(asc(themes.position), asc(themes.slug));
}

export async function findTheme(db: Db, seriesId: string, slug: string): Promise<Theme | undefined> {
  const [row] = await db
    .select()
    .from(themes)
    .where(and(eq(themes.seriesId, seriesId), eq(themes.slug, slug)))
    .limit(1);
  return row;
}

export function listPublishedSessions(db: Db, seriesId: string): Promise<Session[]> {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.seriesId, seriesId), publishedSession))
    .orderBy(asc(sessions.number));
}

export async function findPublishedSession(
  db: Db,
  seriesId: string,
  number: number,
): Promise<Session | undefined> {
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.seriesId, seriesId), eq(sessions.number, number), publishedSession))
    .limit(1);
  return row;
}

/** The agenda of a session in order, each item with its speakers: two queries whatever its length. */
export async function listAgenda(db: Db, sessionId: string): Promise<AgendaEntry[]> {
  const items = await db
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.sessionId, sessionId))
    .orderBy(asc(agendaItems.position));
  if (items.length === 0) return [];
  const links = await db
    .select({
      agendaItemId: agendaItemSpeakers.agendaItemId,
      role: agendaItemSpeakers.role,
      speaker: speakers,
    })
    .from(agendaItemSpeakers)
    .innerJoin(speakers, eq(speakers.id, agendaItemSpeakers.speakerId))
    .where(
      inArray(
        agendaItemSpeakers.agendaItemId,
        items.map((i) => i.id),
      ),
    )
    .orderBy(asc(agendaItemSpeakers.position), asc(speakers.name));
  return items.map((item) => ({
    item,
    speakers: links.filter((l) => l.agendaItemId === item.id).map(({ speaker, role }) => ({ speaker, role })),
  }));
}

const fileInfoColumns = {
  id: documentFiles.id,
  documentId: documentFiles.documentId,
  locale: documentFiles.locale,
  fileName: documentFiles.fileName,
  mediaType: documentFiles.mediaType,
  byteSize: documentFiles.byteSize,
  isDemo: documentFiles.isDemo,
  createdAt: documentFiles.createdAt,
};

/** Published documents of a series (or of one session), newest first, with their language versions. */
export async function listPublishedDocuments(
  db: Db,
  filter: { seriesId: string; sessionId?: string; kind?: Document['kind'] },
): Promise<DocumentWithFiles[]> {
  const rows = await db
    .select({
      document: documents,
      session: { id: sessions.id, number: sessions.number, title: sessions.title },
    })
    .from(documents)
    .leftJoin(sessions, and(eq(sessions.id, documents.sessionId), publishedSession))
    .where(
      and(
        eq(documents.seriesId, filter.seriesId),
        publishedDocument,
        filter.sessionId ? eq(documents.sessionId, filter.sessionId) : undefined,
        filter.kind ? eq(documents.kind, filter.kind) : undefined,
      ),
    )
    .orderBy(sql`${documents.publishedOn} DESC`, asc(documents.symbol));
  if (rows.length === 0) return [];
  const files = await db
    .select(fileInfoColumns)
    .from(documentFiles)
    .where(
      inArray(
        documentFiles.documentId,
        rows.map((r) => r.document.id),
      ),
    );
  return rows.map(({ document, session }) => ({
    document,
    session,
    files: files.filter((f) => f.documentId === document.id),
  }));
}

export async function findPublishedDocument(db: Db, id: string): Promise<DocumentWithFiles | undefined> {
  const [row] = await db
    .select()
    .from(documents)
    .where(and(eq(documents.id, id), publishedDocument))
    .limit(1);
  if (!row) return undefined;
  const [withSession] = await db
    .select({ id: sessions.id, number: sessions.number, title: sessions.title })
    .from(sessions)
    .where(and(eq(sessions.id, row.sessionId ?? sql`NULL`), publishedSession))
    .limit(1);
  const files = await db.select(fileInfoColumns).from(documentFiles).where(eq(documentFiles.documentId, id));
  return { document: row, session: withSession ?? null, files };
}

/** One language version with its bytes, only if the document is published. */
export async function findPublishedDocumentFile(
  db: Db,
  documentId: string,
  locale: string,
): Promise<DocumentFile | undefined> {
  const [row] = await db
    .select({ file: documentFiles })
    .from(documentFiles)
    .innerJoin(documents, eq(documents.id, documentFiles.documentId))
    .where(and(eq(documentFiles.documentId, documentId), eq(documentFiles.locale, locale), publishedDocument))
    .limit(1);
  return row?.file;
}

export async function findSpeaker(db: Db, slug: string): Promise<Speaker | undefined> {
  const [row] = await db.select().from(speakers).where(eq(speakers.slug, slug)).limit(1);
  return row;
}

/** Where a speaker speaks, in published sessions only, newest first. */
export function listSpeakerAppearances(db: Db, speakerId: string): Promise<SpeakerAppearance[]> {
  return db
    .select({ session: sessions, seriesSlug: series.slug, item: agendaItems, role: agendaItemSpeakers.role })
    .from(agendaItemSpeakers)
    .innerJoin(agendaItems, eq(agendaItems.id, agendaItemSpeakers.agendaItemId))
    .innerJoin(sessions, and(eq(sessions.id, agendaItems.sessionId), publishedSession))
    .innerJoin(series, and(eq(series.id, sessions.seriesId), publishedSeries))
    .where(eq(agendaItemSpeakers.speakerId, speakerId))
    .orderBy(sql`${sessions.startsAt} DESC`, asc(agendaItems.position));
}

/** Speakers who appear in the published sessions of a series, by name. */
export function listSeriesSpeakers(db: Db, seriesId: string): Promise<Speaker[]> {
  return db
    .selectDistinct({ speaker: speakers })
    .from(speakers)
    .innerJoin(agendaItemSpeakers, eq(agendaItemSpeakers.speakerId, speakers.id))
    .innerJoin(agendaItems, eq(agendaItems.id, agendaItemSpeakers.agendaItemId))
    .innerJoin(sessions, and(eq(sessions.id, agendaItems.sessionId), publishedSession))
    .where(eq(sessions.seriesId, seriesId))
    .orderBy(asc(speakers.name))
    .then((rows) => rows.map((r) => r.speaker));
}

/** The reach figures of a series that exist before registration does: counted, never typed in. */
export async function countSeriesReach(db: Db, seriesId: string): Promise<SeriesReach> {
  const [sessionCount] = await db
    .select({ sessions: count(), themes: countDistinct(sessions.themeId) })
    .from(sessions)
    .where(and(eq(sessions.seriesId, seriesId), publishedSession));
  const [speakerCount] = await db
    .select({ speakers: countDistinct(speakers.id), countries: countDistinct(speakers.country) })
    .from(speakers)
    .innerJoin(agendaItemSpeakers, eq(agendaItemSpeakers.speakerId, speakers.id))
    .innerJoin(agendaItems, eq(agendaItems.id, agendaItemSpeakers.agendaItemId))
    .innerJoin(sessions, and(eq(sessions.id, agendaItems.sessionId), publishedSession))
    .where(and(eq(sessions.seriesId, seriesId), isNotNull(speakers.id)));
  return {
    sessions: sessionCount?.sessions ?? 0,
    themes: sessionCount?.themes ?? 0,
    speakers: speakerCount?.speakers ?? 0,
    speakerCountries: speakerCount?.countries ?? 0,
  };
}
