import { and, asc, count, countDistinct, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { AppError } from '../../platform/errors';
import type { Locale } from '../../platform/i18n/locales';
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
  SeriesSummary,
  Session,
  SessionPageAgendaEntry,
  SessionPageData,
  Speaker,
  SpeakerAppearance,
  SpeakerSummary,
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

/**
 * The themes of every published series, in series order (oldest first) then theme order, each
 * with its series' title: the topics a newsletter subscriber can choose.
 */
export function listThemesOfPublishedSeries(
  db: Db,
): Promise<{ id: string; title: Theme['title']; seriesTitle: Series['title'] }[]> {
  return db
    .select({ id: themes.id, title: themes.title, seriesTitle: series.title })
    .from(themes)
    .innerJoin(series, eq(series.id, themes.seriesId))
    .where(publishedSeries)
    .orderBy(asc(series.createdAt), asc(series.slug), asc(themes.position), asc(themes.slug));
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

/**
 * Where a speaker speaks, newest first: in published sessions of published series only, or, for the
 * back office's preview (`'any'`), in every session.
 */
export function listSpeakerAppearances(
  db: Db,
  speakerId: string,
  scope: 'published' | 'any' = 'published',
): Promise<SpeakerAppearance[]> {
  const onlyPublished = scope === 'published';
  return db
    .select({ session: sessions, seriesSlug: series.slug, item: agendaItems, role: agendaItemSpeakers.role })
    .from(agendaItemSpeakers)
    .innerJoin(agendaItems, eq(agendaItems.id, agendaItemSpeakers.agendaItemId))
    .innerJoin(
      sessions,
      and(eq(sessions.id, agendaItems.sessionId), onlyPublished ? publishedSession : undefined),
    )
    .innerJoin(series, and(eq(series.id, sessions.seriesId), onlyPublished ? publishedSeries : undefined))
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
export async function countSeriesReach(
  db: Db,
  seriesId: string,
): Promise<Omit<SeriesReach, 'people' | 'countries'>> {
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

/** One session with everything about it in all six languages, as one row (the read API's). */
export interface SessionDetailRow {
  series: SeriesSummary;
  session: Session;
  theme: Theme | undefined;
  agenda: AgendaEntry[];
  documents: DocumentWithFiles[];
  previousNumber: number | undefined;
  nextNumber: number | undefined;
}

// One round trip: PostgreSQL assembles the session, its agenda with speakers and its documents with
// their language versions as JSON (eight separate Drizzle queries cost ~4 ms of CPU). The read API
// uses it; the session page reads its read model instead (findSessionPage). A named statement is
// prepared once per connection.
const SESSION_DETAIL_SQL = `
SELECT json_build_object(
  'series', json_build_object('id', sr.id, 'slug', sr.slug, 'title', sr.title, 'short_title', sr.short_title),
  'session', to_jsonb(se),
  'theme', (SELECT to_jsonb(th) FROM conversations_themes th WHERE th.id = se.theme_id),
  'previousNumber', (SELECT max(p.number) FROM conversations_sessions p
                     WHERE p.series_id = se.series_id AND p.is_published AND p.number < se.number),
  'nextNumber', (SELECT min(n.number) FROM conversations_sessions n
                 WHERE n.series_id = se.series_id AND n.is_published AND n.number > se.number),
  'agenda', COALESCE((
    SELECT json_agg(json_build_object(
      'item', to_jsonb(ai),
      'speakers', COALESCE((
        SELECT json_agg(json_build_object(
                 'speaker', json_build_object('id', sp.id, 'slug', sp.slug, 'name', sp.name,
                                              'organisation', sp.organisation, 'country', sp.country),
                 'role', ais.role) ORDER BY ais.position, sp.name)
        FROM conversations_agenda_item_speakers ais
        JOIN conversations_speakers sp ON sp.id = ais.speaker_id
        WHERE ais.agenda_item_id = ai.id), '[]'::json)
    ) ORDER BY ai.position)
    FROM conversations_agenda_items ai WHERE ai.session_id = se.id), '[]'::json),
  'documents', COALESCE((
    SELECT json_agg(json_build_object(
      'document', to_jsonb(d),
      'files', COALESCE((
        SELECT json_agg(to_jsonb(f) - 'content' - 'storage_key' ORDER BY f.locale)
        FROM conversations_document_files f WHERE f.document_id = d.id), '[]'::json)
    ) ORDER BY d.published_on DESC, d.symbol)
    FROM conversations_documents d WHERE d.session_id = se.id AND d.is_published), '[]'::json)
) AS page
FROM conversations_sessions se
JOIN conversations_series sr ON sr.id = se.series_id AND sr.is_published
WHERE sr.slug = $1 AND se.number = $2 AND se.is_published`;

interface SessionDetailJson {
  series: Record<string, unknown>;
  session: Record<string, unknown>;
  theme: Record<string, unknown> | null;
  previousNumber: number | null;
  nextNumber: number | null;
  agenda: { item: Record<string, unknown>; speakers: { speaker: Record<string, unknown>; role: string }[] }[];
  documents: { document: Record<string, unknown>; files: Record<string, unknown>[] }[];
}

/** A session in all six languages, or undefined when the series or session is not published. */
export async function findSessionDetail(
  db: Db,
  seriesSlug: string,
  number: number,
): Promise<SessionDetailRow | undefined> {
  const { rows } = await db.$client.query<{ page: SessionDetailJson }>({
    name: 'conversations_session_detail',
    text: SESSION_DETAIL_SQL,
    values: [seriesSlug, number],
  });
  const page = rows[0]?.page;
  if (!page) return undefined;
  const session = fromJsonRow<Session>(page.session);
  return {
    series: fromJsonRow<SeriesSummary>(page.series),
    session,
    theme: page.theme ? fromJsonRow<Theme>(page.theme) : undefined,
    previousNumber: page.previousNumber ?? undefined,
    nextNumber: page.nextNumber ?? undefined,
    agenda: page.agenda.map(({ item, speakers }) => ({
      item: fromJsonRow<AgendaEntry['item']>(item),
      speakers: speakers.map(({ speaker, role }) => ({
        speaker: fromJsonRow<SpeakerSummary>(speaker),
        role: role as AgendaEntry['speakers'][number]['role'],
      })),
    })),
    documents: page.documents.map(({ document, files }) => ({
      document: fromJsonRow<DocumentWithFiles['document']>(document),
      session: { id: session.id, number: session.number, title: session.title },
      files: files.map((f) => fromJsonRow<DocumentWithFiles['files'][number]>(f)),
    })),
  };
}

// The session page's read model: one primary-key lookup. The row's JSON is built by the database
// (conversations_session_page_json, migration 0006) whenever the content under it changes.
const SESSION_PAGE_SQL =
  'SELECT page FROM conversations_session_pages WHERE series_slug = $1 AND number = $2 AND locale = $3';

/**
 * What the session page shows in one language (texts already picked for it), or undefined when
 * the series or the session is not published.
 */
export async function findSessionPage(
  db: Db,
  seriesSlug: string,
  number: number,
  locale: Locale,
): Promise<SessionPageData | undefined> {
  const { rows } = await db.$client.query<{ page: SessionPageJson }>({
    name: 'conversations_session_page',
    text: SESSION_PAGE_SQL,
    values: [seriesSlug, number, locale],
  });
  const page = rows[0]?.page;
  return page ? sessionPageFromJson(page) : undefined;
}

/** A session page as the read model's JSON has it (conversations_session_page_json), with Dates. */
export function sessionPageFromJson(page: SessionPageJson): SessionPageData {
  const { session, agenda } = page;
  return {
    series: page.series,
    session: {
      ...session,
      startsAt: new Date(session.startsAt),
      endsAt: new Date(session.endsAt),
      updatedAt: new Date(session.updatedAt),
    },
    theme: page.theme ?? undefined,
    agenda: agenda.map(({ item, speakers }) => ({
      item: { ...item, startsAt: new Date(item.startsAt), endsAt: new Date(item.endsAt) },
      speakers,
    })),
    documents: page.documents,
    previousNumber: page.previousNumber ?? undefined,
    nextNumber: page.nextNumber ?? undefined,
    parts: page.parts,
  };
}

type Instants<T, K extends keyof T> = Omit<T, K> & Record<K, number>;

/** SessionPageData as the read model's JSON has it: instants in epoch milliseconds, null for none. */
export interface SessionPageJson {
  series: SessionPageData['series'];
  session: Instants<SessionPageData['session'], 'startsAt' | 'endsAt' | 'updatedAt'>;
  theme: NonNullable<SessionPageData['theme']> | null;
  agenda: {
    item: Instants<SessionPageAgendaEntry['item'], 'startsAt' | 'endsAt'>;
    speakers: SessionPageAgendaEntry['speakers'];
  }[];
  documents: SessionPageData['documents'];
  previousNumber: number | null;
  nextNumber: number | null;
  parts: SessionPageData['parts'];
}

/**
 * A row as `to_jsonb` gives it, in the shape Drizzle gives it: snake_case keys to camelCase, and
 * timestamps (the `…_at` columns) to Dates. Dates without time (`published_on`) stay strings, as
 * Drizzle's `mode: 'string'` keeps them.
 */
function fromJsonRow<T>(json: Record<string, unknown>): T {
  const row: Record<string, unknown> = {};
  for (const key in json) {
    const value = json[key];
    row[camelCase(key)] = key.endsWith('_at') && typeof value === 'string' ? new Date(value) : value;
  }
  return row as T;
}

const camelKeys = new Map<string, string>(); // column names: a few dozen, converted once each
function camelCase(key: string): string {
  let camel = camelKeys.get(key);
  if (camel === undefined) {
    camel = key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    camelKeys.set(key, camel);
  }
  return camel;
}
