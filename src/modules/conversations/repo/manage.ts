import { and, asc, count, desc, eq, getTableColumns, max, sql } from 'drizzle-orm';
import { AppError } from '../../../platform/errors';
import type { Locale } from '../../../platform/i18n/locales';
import type {
  SeriesRow,
  ThemeRow,
  SessionRow,
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

export type {
  SeriesRow,
  ThemeRow,
  SessionRow,
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

// Series and themes

export function listAllSeries(db: DbOrTransaction): Promise<SeriesRow[]> {
  return db.select().from(series).orderBy(asc(series.createdAt), asc(series.slug));
}

export async function findSeriesById(db: DbOrTransaction, id: string): Promise<SeriesRow | undefined> {
  const [row] = await db.select().from(series).where(eq(series.id, id)).limit(1);
  return row;
}

export function insertSeries(db: DbOrTransaction, values: typeof series.$inferInsert): Promise<SeriesRow> {
  return one(db.insert(series).values(values).returning());
}

export function updateSeries(
  db: DbOrTransaction,
  id: string,
  values: Partial<typeof series.$inferInsert>,
): Promise<SeriesRow> {
  return one(
    db
      .update(series)
      .set({ ...values, updatedAt: sql`now()` })
      .where(eq(series.id, id))
      .returning(),
  );
}

export function listThemesOfSeries(db: DbOrTransaction, seriesId: string): Promise<ThemeRow[]> {
  return db
    .select()
    .from(themes)
    .where(eq(themes.seriesId, seriesId))
    .orderBy(asc(themes.position), asc(themes.slug));
}

export async function findThemeById(db: DbOrTransaction, id: string): Promise<ThemeRow | undefined> {
  const [row] = await db.select().from(themes).where(eq(themes.id, id)).limit(1);
  return row;
}

export function insertTheme(db: DbOrTransaction, values: typeof themes.$inferInsert): Promise<ThemeRow> {
  return one(db.insert(themes).values(values).returning());
}

export function updateTheme(
  db: DbOrTransaction,
  id: string,
  values: Partial<typeof themes.$inferInsert>,
): Promise<ThemeRow> {
  return one(
    db
      .update(themes)
      .set({ ...values, updatedAt: sql`now()` })
      .where(eq(themes.id, id))
      .returning(),
  );
}

// Sessions and their agenda

export function listAllSessions(db: DbOrTransaction): Promise<SessionListRow[]> {
  return db
    .select({ session: sessions, seriesSlug: series.slug, seriesTitle: series.title })
    .from(sessions)
    .innerJoin(series, eq(series.id, sessions.seriesId))
    .orderBy(asc(series.slug), desc(sessions.number));
}

export async function findSessionById(db: DbOrTransaction, id: string): Promise<SessionRow | undefined> {
  const [row] = await db.select().from(sessions).where(eq(sessions.id, id)).limit(1);
  return row;
}

export function insertSession(
  db: DbOrTransaction,
  values: typeof sessions.$inferInsert,
): Promise<SessionRow> {
  return one(db.insert(sessions).values(values).returning());
}

export function updateSession(
  db: DbOrTransaction,
  id: string,
  values: Partial<typeof sessions.$inferInsert>,
): Promise<SessionRow> {
  return one(
    db
      .update(sessions)
      .set({ ...values, updatedAt: sql`now()` })
      .where(eq(sessions.id, id))
      .returning(),
  );
}

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
  return one(
    db
      .insert(agendaItems)
      .values({ ...values, position: (last?.position ?? -1) + 1 })
      .returning(),
  );
}

export function updateAgendaItem(
  db: DbOrTransaction,
  id: string,
  values: Partial<typeof agendaItems.$inferInsert>,
): Promise<AgendaItemRow> {
  return one(
    db
      .update(agendaItems)
      .set({ ...values, updatedAt: sql`now()` })
      .where(eq(agendaItems.id, id))
      .returning(),
  );
}

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

export async function findSpeakerById(db: DbOrTransaction, id: string): Promise<SpeakerRow | undefined> {
  const [row] = await db.select().from(speakers).where(eq(speakers.id, id)).limit(1);
  return row;
}

export function insertSpeaker(
  db: DbOrTransaction,
  values: typeof speakers.$inferInsert,
): Promise<SpeakerRow> {
  return one(db.insert(speakers).values(values).returning());
}

export function updateSpeaker(
  db: DbOrTransaction,
  id: string,
  values: Partial<typeof speakers.$inferInsert>,
): Promise<SpeakerRow> {
  return one(
    db
      .update(speakers)
      .set({ ...values, updatedAt: sql`now()` })
      .where(eq(speakers.id, id))
      .returning(),
  );
}

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

export async function findDocumentById(db: DbOrTransaction, id: string): Promise<DocumentRow | undefined> {
  const [row] = await db.select().from(documents).where(eq(documents.id, id)).limit(1);
  return row;
}

export function insertDocument(
  db: DbOrTransaction,
  values: typeof documents.$inferInsert,
): Promise<DocumentRow> {
  return one(db.insert(documents).values(values).returning());
}

export function updateDocument(
  db: DbOrTransaction,
  id: string,
  values: Partial<typeof documents.$inferInsert>,
): Promise<DocumentRow> {
  return one(
    db
      .update(documents)
      .set({ ...values, updatedAt: sql`now()` })
      .where(eq(documents.id, id))
      .returning(),
  );
}

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
