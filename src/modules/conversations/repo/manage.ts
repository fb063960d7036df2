import { and, asc, count, desc, eq, getTableColumns, max, sql } from 'drizzle-orm';
import { AppError } from '../../../platform/errors';
import type { Locale } from '../../../platform/i18n/locales';
import type {
  SeriesRow,
  ThemeRow,
  AgendaItemRow,
  SpeakerRow,
  DocumentRow,
  DocumentFileInfo,
  ItemSpeaker,
  SessionListRow,
  AgendaItemWithSpeakers,
  DocumentListRow,
  DraftCounts,
} from '../conversations.admin.types';
import { sessionPageFromJson, type SessionPageJson } from '../conversations.repo';
import type { SessionPageData } from '../conversations.types';

export type * from '../conversations.admin.types';
import {
  agendaItems,
  agendaItemSpeakers,
  documentFiles,
  documents,
  series,
  sessions,
  speakers,
  themes,
} from '../conversations.tables';

/**
 * The back office's queries: every row whatever its publication state, and the writes. `db` may be
 * a transaction. Unique violations become AppError CONFLICT naming the constraint, so a form can say
 * which field is taken.
 */
import type { DbOrTransaction } from '../../../db/client';
export type { DbOrTransaction };

/** The constraint a unique violation hit, as AppError CONFLICT; anything else unchanged. */
function conflictOf(error: unknown): unknown {
  const pgError = (error as { cause?: { code?: string; constraint?: string } }).cause ?? error;
  const { code, constraint } = pgError as { code?: string; constraint?: string };
  return code === '23505' ? new AppError('CONFLICT', { constraint }) : error;
}

async function one<T>(query: Promise<T[]>): Promise<T> {
  let rows: T[];
  try {
    rows = await query;
  } catch (error) {
    throw conflictOf(error);
  }
  const [row] = rows;
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** A content table the back office edits by id: every one has `id` and `updatedAt`. */
type EditedTable =
  typeof series | typeof themes | typeof sessions | typeof agendaItems | typeof speakers | typeof documents;

/**
 * Find by id, insert and update (stamping `updatedAt`) for one content table; inserts and updates
 * turn a unique violation into AppError CONFLICT, and an update of no row into NOT_FOUND.
 */
function editedRows<T extends EditedTable>(table: T) {
  type Row = T['$inferSelect'];
  type Insert = T['$inferInsert'];
  // Drizzle's builders do not type-check over a union of tables, so they see one of them; the rows
  // and values in the signatures are still T's own, so each caller gets its table's types.
  const t = table as typeof series;
  return {
    find: async (db: DbOrTransaction, id: string): Promise<Row | undefined> => {
      const [row] = await db.select().from(t).where(eq(t.id, id)).limit(1);
      return row;
    },
    insert: (db: DbOrTransaction, values: Insert): Promise<Row> =>
      one(
        db
          .insert(t)
          .values(values as typeof series.$inferInsert)
          .returning(),
      ),
    update: (db: DbOrTransaction, id: string, values: Partial<Insert>): Promise<Row> =>
      one(
        db
          .update(t)
          .set({ ...(values as Partial<typeof series.$inferInsert>), updatedAt: sql`now()` })
          .where(eq(t.id, id))
          .returning(),
      ),
  };
}

const seriesRows = editedRows(series);
const themeRows = editedRows(themes);
const sessionRows = editedRows(sessions);
const agendaItemRows = editedRows(agendaItems);
const speakerRows = editedRows(speakers);
const documentRows = editedRows(documents);

// Series and themes

export function listAllSeries(db: DbOrTransaction): Promise<SeriesRow[]> {
  return db.select().from(series).orderBy(asc(series.createdAt), asc(series.slug));
}

export const findSeriesById = seriesRows.find;
export const insertSeries = seriesRows.insert;
export const updateSeries = seriesRows.update;

export function listThemesOfSeries(db: DbOrTransaction, seriesId: string): Promise<ThemeRow[]> {
  return db
    .select()
    .from(themes)
    .where(eq(themes.seriesId, seriesId))
    .orderBy(asc(themes.position), asc(themes.slug));
}

export const findThemeById = themeRows.find;
export const insertTheme = themeRows.insert;
export const updateTheme = themeRows.update;

// Sessions and their agenda

export function listAllSessions(db: DbOrTransaction): Promise<SessionListRow[]> {
  return db
    .select({ session: sessions, seriesSlug: series.slug, seriesTitle: series.title })
    .from(sessions)
    .innerJoin(series, eq(series.id, sessions.seriesId))
    .orderBy(asc(series.slug), desc(sessions.number));
}

export const findSessionById = sessionRows.find;
export const insertSession = sessionRows.insert;
export const updateSession = sessionRows.update;

export async function listAgendaOfSession(
  db: DbOrTransaction,
  sessionId: string,
): Promise<AgendaItemWithSpeakers[]> {
  const items = await db
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.sessionId, sessionId))
    .orderBy(asc(agendaItems.position));
  const links = await db
    .select({
      agendaItemId: agendaItemSpeakers.agendaItemId,
      speakerId: agendaItemSpeakers.speakerId,
      role: agendaItemSpeakers.role,
      name: speakers.name,
    })
    .from(agendaItemSpeakers)
    .innerJoin(agendaItems, eq(agendaItems.id, agendaItemSpeakers.agendaItemId))
    .innerJoin(speakers, eq(speakers.id, agendaItemSpeakers.speakerId))
    .where(eq(agendaItems.sessionId, sessionId))
    .orderBy(asc(agendaItemSpeakers.position));
  return items.map((item) => ({
    item,
    speakers: links
      .filter((l) => l.agendaItemId === item.id)
      .map(({ speakerId, name, role }) => ({ speakerId, name, role })),
  }));
}

export async function findAgendaItemById(
  db: DbOrTransaction,
  id: string,
): Promise<AgendaItemWithSpeakers | undefined> {
  const [item] = await db.select().from(agendaItems).where(eq(agendaItems.id, id)).limit(1);
  if (!item) return undefined;
  const links = await db
    .select({ speakerId: agendaItemSpeakers.speakerId, role: agendaItemSpeakers.role, name: speakers.name })
    .from(agendaItemSpeakers)
    .innerJoin(speakers, eq(speakers.id, agendaItemSpeakers.speakerId))
    .where(eq(agendaItemSpeakers.agendaItemId, id))
    .orderBy(asc(agendaItemSpeakers.position));
  return { item, speakers: links };
}

/** A new agenda item goes last. */
export async function insertAgendaItem(
  db: DbOrTransaction,
  values: Omit<typeof agendaItems.$inferInsert, 'position'>,
): Promise<AgendaItemRow> {
  const [last] = await db
    .select({ position: max(agendaItems.position) })
    .from(agendaItems)
    .where(eq(agendaItems.sessionId, values.sessionId));
  return agendaItemRows.insert(db, { ...values, position: (last?.position ?? -1) + 1 });
}

export const updateAgendaItem = agendaItemRows.update;

export async function deleteAgendaItem(db: DbOrTransaction, id: string): Promise<void> {
  await db.delete(agendaItems).where(eq(agendaItems.id, id));
}

/** The item's speakers become exactly these, in this order. */
export async function replaceAgendaItemSpeakers(
  db: DbOrTransaction,
  agendaItemId: string,
  list: { speakerId: string; role: ItemSpeaker['role'] }[],
): Promise<void> {
  await db.delete(agendaItemSpeakers).where(eq(agendaItemSpeakers.agendaItemId, agendaItemId));
  if (list.length === 0) return;
  try {
    await db
      .insert(agendaItemSpeakers)
      .values(list.map((s, position) => ({ agendaItemId, speakerId: s.speakerId, role: s.role, position })));
  } catch (error) {
    throw conflictOf(error);
  }
}

/** Swaps the places of two items of one session (through a free place: the pair is unique). */
export async function swapAgendaItemPositions(db: DbOrTransaction, a: AgendaItemRow, b: AgendaItemRow) {
  await db
    .update(agendaItems)
    .set({ position: -1 - a.position })
    .where(eq(agendaItems.id, a.id));
  await db.update(agendaItems).set({ position: a.position }).where(eq(agendaItems.id, b.id));
  await db.update(agendaItems).set({ position: b.position }).where(eq(agendaItems.id, a.id));
}

// Speakers

export function listAllSpeakers(db: DbOrTransaction): Promise<SpeakerRow[]> {
  return db.select().from(speakers).orderBy(asc(speakers.name));
}

export const findSpeakerById = speakerRows.find;
export const insertSpeaker = speakerRows.insert;
export const updateSpeaker = speakerRows.update;

// Documents and their language versions

export function listAllDocuments(db: DbOrTransaction): Promise<DocumentListRow[]> {
  return db
    .select({ document: documents, sessionNumber: sessions.number, seriesSlug: series.slug })
    .from(documents)
    .innerJoin(series, eq(series.id, documents.seriesId))
    .leftJoin(sessions, eq(sessions.id, documents.sessionId))
    .orderBy(desc(documents.publishedOn), asc(documents.symbol));
}

export function listDocumentsOfSession(db: DbOrTransaction, sessionId: string): Promise<DocumentRow[]> {
  return db
    .select()
    .from(documents)
    .where(eq(documents.sessionId, sessionId))
    .orderBy(desc(documents.publishedOn), asc(documents.symbol));
}

export const findDocumentById = documentRows.find;
export const insertDocument = documentRows.insert;
export const updateDocument = documentRows.update;

const { content: _content, ...fileInfoColumns } = getTableColumns(documentFiles);

export function listFilesOfDocument(db: DbOrTransaction, documentId: string): Promise<DocumentFileInfo[]> {
  return db
    .select(fileInfoColumns)
    .from(documentFiles)
    .where(eq(documentFiles.documentId, documentId))
    .orderBy(sql`array_position(ARRAY['ar','zh','en','fr','ru','es'], ${documentFiles.locale})`);
}

export async function findFileOfDocument(
  db: DbOrTransaction,
  documentId: string,
  locale: string,
): Promise<typeof documentFiles.$inferSelect | undefined> {
  const [row] = await db
    .select()
    .from(documentFiles)
    .where(and(eq(documentFiles.documentId, documentId), eq(documentFiles.locale, locale)))
    .limit(1);
  return row;
}

/** Puts a language version in place, replacing the one there was. */
export function upsertDocumentFile(
  db: DbOrTransaction,
  values: Omit<typeof documentFiles.$inferInsert, 'content'> & { storageKey: string },
): Promise<DocumentFileInfo> {
  return one(
    db
      .insert(documentFiles)
      .values({ ...values, content: null })
      .onConflictDoUpdate({
        target: [documentFiles.documentId, documentFiles.locale],
        set: {
          fileName: values.fileName,
          mediaType: values.mediaType,
          byteSize: values.byteSize,
          storageKey: values.storageKey,
          content: null,
          isDemo: false,
          createdAt: sql`now()`,
        },
      })
      .returning(fileInfoColumns),
  );
}

export async function deleteDocumentFile(db: DbOrTransaction, documentId: string, locale: string) {
  await db
    .delete(documentFiles)
    .where(and(eq(documentFiles.documentId, documentId), eq(documentFiles.locale, locale)));
}

// The back office's home and preview

export async function countDrafts(db: DbOrTransaction): Promise<DraftCounts> {
  const [[s], [se], [d]] = await Promise.all([
    db.select({ n: count() }).from(series).where(eq(series.isPublished, false)),
    db.select({ n: count() }).from(sessions).where(eq(sessions.isPublished, false)),
    db.select({ n: count() }).from(documents).where(eq(documents.isPublished, false)),
  ]);
  return { series: s?.n ?? 0, sessions: se?.n ?? 0, documents: d?.n ?? 0 };
}

/**
 * What the public session page would show of this session in this language, published or not:
 * built by the read model's own function (conversations_session_page_json, migration 0006), so the
 * preview is exactly the page publishing would make.
 */
export async function previewSessionPage(
  db: DbOrTransaction,
  sessionId: string,
  locale: Locale,
): Promise<SessionPageData | undefined> {
  const result = await db.execute<{ page: SessionPageJson | null }>(
    sql`SELECT conversations_session_page_json(${sessionId}::uuid, ${locale}) AS page`,
  );
  const page = result.rows[0]?.page;
  return page ? sessionPageFromJson(page) : undefined;
}
