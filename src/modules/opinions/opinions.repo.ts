import { and, asc, count, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTransaction } from '../../db/client';
import type { LocalizedText } from '../../platform/i18n/localized-text';
import {
  opinionMaps,
  opinionParticipants,
  opinionResults,
  opinionStatementCounts,
  opinionStatements,
  opinionVotes,
} from './opinions.tables';
import type {
  MapSession,
  MapSummary,
  OpinionMapRecord,
  Statement,
  StatementWithCounts,
} from './opinions.types';

export type { MapSummary };

export type { DbOrTransaction };

// ── Maps ─────────────────────────────────────────────────────────────────────────────────────────

export async function findMapById(db: DbOrTransaction, id: string): Promise<OpinionMapRecord | undefined> {
  const [row] = await db.select().from(opinionMaps).where(eq(opinionMaps.id, id));
  return row;
}

/** A map by its URL key, published or not (the caller decides who may see a draft). */
export async function findMapBySlug(
  db: DbOrTransaction,
  slug: string,
): Promise<OpinionMapRecord | undefined> {
  const [row] = await db.select().from(opinionMaps).where(eq(opinionMaps.slug, slug));
  return row;
}

export async function insertMap(
  db: DbOrTransaction,
  values: typeof opinionMaps.$inferInsert,
): Promise<OpinionMapRecord> {
  const [row] = await db.insert(opinionMaps).values(values).returning();
  return row!;
}

export async function updateMap(
  db: DbOrTransaction,
  id: string,
  values: Partial<typeof opinionMaps.$inferInsert>,
): Promise<OpinionMapRecord> {
  const [row] = await db.update(opinionMaps).set(values).where(eq(opinionMaps.id, id)).returning();
  return row!;
}

const statementCount = sql<number>`(SELECT count(*)::int FROM opinions_statements s WHERE s.map_id = opinions_maps.id)`;
const pendingCount = sql<number>`(SELECT count(*)::int FROM opinions_statements s WHERE s.map_id = opinions_maps.id AND s.status = 'pending')`;
const participantCount = sql<number>`(SELECT count(*)::int FROM opinions_participants p WHERE p.map_id = opinions_maps.id)`;
const sessionTimeZone = sql<string>`coalesce((SELECT s.time_zone FROM conversations_sessions s WHERE s.id = opinions_maps.session_id), 'UTC')`;

/** Every map (the back office), or only published ones, newest first, with their counts. */
export async function listMaps(db: DbOrTransaction, { publishedOnly }: { publishedOnly: boolean }) {
  const rows = await db
    .select({
      map: opinionMaps,
      statements: statementCount,
      pending: pendingCount,
      participants: participantCount,
      timeZone: sessionTimeZone,
    })
    .from(opinionMaps)
    .where(publishedOnly ? eq(opinionMaps.isPublished, true) : undefined)
    .orderBy(desc(opinionMaps.opensAt), asc(opinionMaps.slug));
  return rows.map((r): MapSummary => ({
    ...r.map,
    statements: r.statements,
    pending: r.pending,
    participants: r.participants,
    timeZone: r.timeZone,
  }));
}

// ── Sessions (read from the conversations module's tables by name: it exports no lookup) ─────────

interface SessionRow extends Record<string, unknown> {
  id: string;
  series_slug: string;
  number: number;
  title: LocalizedText;
  is_published: boolean;
  time_zone: string;
}

const sessionOf = (r: SessionRow): MapSession => ({
  id: r.id,
  seriesSlug: r.series_slug,
  number: r.number,
  title: r.title,
  isPublished: r.is_published,
  timeZone: r.time_zone,
});

const SESSION_SELECT = sql`SELECT s.id, se.slug AS series_slug, s.number, s.title, s.time_zone,
  (s.is_published AND se.is_published) AS is_published
  FROM conversations_sessions s JOIN conversations_series se ON se.id = s.series_id`;

export async function findSession(db: DbOrTransaction, id: string): Promise<MapSession | undefined> {
  const { rows } = await db.execute<SessionRow>(sql`${SESSION_SELECT} WHERE s.id = ${id}`);
  return rows[0] ? sessionOf(rows[0]) : undefined;
}

/** Every session, for the map form's select: by series, then number. */
export async function listSessions(db: DbOrTransaction): Promise<MapSession[]> {
  const { rows } = await db.execute<SessionRow>(sql`${SESSION_SELECT} ORDER BY se.slug, s.number`);
  return rows.map(sessionOf);
}

// ── Statements ───────────────────────────────────────────────────────────────────────────────────

export async function findStatement(db: DbOrTransaction, id: number): Promise<Statement | undefined> {
  const [row] = await db.select().from(opinionStatements).where(eq(opinionStatements.id, id));
  return row;
}

export async function insertStatement(
  db: DbOrTransaction,
  values: typeof opinionStatements.$inferInsert,
): Promise<Statement> {
  const [row] = await db.insert(opinionStatements).values(values).returning();
  return row!;
}

export async function updateStatement(
  db: DbOrTransaction,
  id: number,
  values: Partial<typeof opinionStatements.$inferInsert>,
): Promise<Statement> {
  const [row] = await db
    .update(opinionStatements)
    .set(values)
    .where(eq(opinionStatements.id, id))
    .returning();
  return row!;
}

/** Whether the map already has a statement with this text (case and spacing aside). */
export async function hasStatementText(db: DbOrTransaction, mapId: string, body: string): Promise<boolean> {
  const { rows } = await db.execute(sql`SELECT 1 FROM opinions_statements WHERE map_id = ${mapId}
    AND lower(regexp_replace(body, '\\s+', ' ', 'g')) = lower(regexp_replace(${body}, '\\s+', ' ', 'g')) LIMIT 1`);
  return rows.length > 0;
}

/**
 * Every statement of a map with its vote counts, in the order they were written. The counts are
 * the counter rows that triggers keep with every vote write (opinions_statement_counts, ADR 0027):
 * one primary-key lookup per statement, however many votes the map has.
 */
export async function listStatementsWithCounts(
  db: DbOrTransaction,
  mapId: string,
): Promise<StatementWithCounts[]> {
  const rows = await db
    .select({
      statement: opinionStatements,
      agree: sql<number>`coalesce(${opinionStatementCounts.agree}, 0)`,
      disagree: sql<number>`coalesce(${opinionStatementCounts.disagree}, 0)`,
      pass: sql<number>`coalesce(${opinionStatementCounts.pass}, 0)`,
    })
    .from(opinionStatements)
    .leftJoin(opinionStatementCounts, eq(opinionStatementCounts.statementId, opinionStatements.id))
    .where(eq(opinionStatements.mapId, mapId))
    .orderBy(asc(opinionStatements.id));
  return rows.map((r) => ({ ...r.statement, agree: r.agree, disagree: r.disagree, pass: r.pass }));
}

export async function countVotesOnStatement(db: DbOrTransaction, statementId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(opinionVotes)
    .where(eq(opinionVotes.statementId, statementId));
  return row?.n ?? 0;
}

// ── Participants and votes ───────────────────────────────────────────────────────────────────────

export async function findParticipantOfUser(
  db: DbOrTransaction,
  mapId: string,
  userId: string,
): Promise<number | undefined> {
  const [row] = await db
    .select({ id: opinionParticipants.id })
    .from(opinionParticipants)
    .where(and(eq(opinionParticipants.mapId, mapId), eq(opinionParticipants.userId, userId)));
  return row?.id;
}

/** The account's participant id in the map, made on its first vote or statement. */
export async function ensureParticipantOfUser(
  db: DbOrTransaction,
  mapId: string,
  userId: string,
): Promise<number> {
  await db.insert(opinionParticipants).values({ mapId, userId }).onConflictDoNothing();
  return (await findParticipantOfUser(db, mapId, userId))!;
}

/** Casts or changes a vote (the newest one counts). */
export async function upsertVote(
  db: DbOrTransaction,
  values: { mapId: string; participantId: number; statementId: number; vote: number; votedAt: Date },
): Promise<void> {
  await db
    .insert(opinionVotes)
    .values(values)
    .onConflictDoUpdate({
      target: [opinionVotes.participantId, opinionVotes.statementId],
      set: { vote: values.vote, votedAt: values.votedAt },
    });
}

export interface OwnVote {
  statementId: number;
  vote: number;
  votedAt: Date;
  body: string;
  language: string;
  status: Statement['status'];
  isOwn: boolean;
}

/** A participant's votes with their statements, newest first. */
export async function listVotesOfParticipant(db: DbOrTransaction, participantId: number): Promise<OwnVote[]> {
  return db
    .select({
      statementId: opinionVotes.statementId,
      vote: opinionVotes.vote,
      votedAt: opinionVotes.votedAt,
      body: opinionStatements.body,
      language: opinionStatements.language,
      status: opinionStatements.status,
      isOwn: sql<boolean>`coalesce(${opinionStatements.authorParticipantId} = ${participantId}, false)`,
    })
    .from(opinionVotes)
    .innerJoin(opinionStatements, eq(opinionStatements.id, opinionVotes.statementId))
    .where(eq(opinionVotes.participantId, participantId))
    .orderBy(desc(opinionVotes.votedAt), desc(opinionVotes.statementId));
}

// ── Stored results (written by the recompute, read here for the priority rule) ──────────────────

export async function findResultStamp(db: DbOrTransaction, mapId: string): Promise<Date | undefined> {
  const [row] = await db
    .select({ computedAt: opinionResults.computedAt })
    .from(opinionResults)
    .where(eq(opinionResults.mapId, mapId));
  return row?.computedAt;
}

export async function findResultBytes(
  db: DbOrTransaction,
  mapId: string,
): Promise<{ computedAt: Date; result: Buffer } | undefined> {
  const [row] = await db
    .select({ computedAt: opinionResults.computedAt, result: opinionResults.result })
    .from(opinionResults)
    .where(eq(opinionResults.mapId, mapId));
  return row;
}

// ── Personal data ────────────────────────────────────────────────────────────────────────────────

export async function listParticipationsOfUser(db: DbOrTransaction, userId: string) {
  return db
    .select({
      participantId: opinionParticipants.id,
      mapId: opinionMaps.id,
      slug: opinionMaps.slug,
      joinedAt: opinionParticipants.createdAt,
    })
    .from(opinionParticipants)
    .innerJoin(opinionMaps, eq(opinionMaps.id, opinionParticipants.mapId))
    .where(eq(opinionParticipants.userId, userId))
    .orderBy(asc(opinionParticipants.createdAt));
}

export async function listStatementsByParticipant(
  db: DbOrTransaction,
  participantId: number,
): Promise<Statement[]> {
  return db
    .select()
    .from(opinionStatements)
    .where(
      and(
        isNotNull(opinionStatements.authorParticipantId),
        eq(opinionStatements.authorParticipantId, participantId),
      ),
    )
    .orderBy(asc(opinionStatements.id));
}

/** Detaches the account from its participants: their votes and statements stay, without it. */
export async function detachParticipantsOfUser(db: DbOrTransaction, userId: string): Promise<number> {
  const rows = await db
    .update(opinionParticipants)
    .set({ userId: null })
    .where(eq(opinionParticipants.userId, userId))
    .returning({ id: opinionParticipants.id });
  return rows.length;
}

export async function countParticipants(db: DbOrTransaction, mapId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(opinionParticipants)
    .where(eq(opinionParticipants.mapId, mapId));
  return row?.n ?? 0;
}
