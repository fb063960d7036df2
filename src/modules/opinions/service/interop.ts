/**
 * Interop with pol.is's open data format (docs/adr/0029): import a conversation (comments.csv and
 * votes.csv or participants-votes.csv) as a new, unpublished opinion map; export a map as the same
 * three files. Parsing is the math engine's (math/polis-csv.ts); this file checks what the engine
 * does not (ids that must match, times, statement lengths), turns its refusals into messages in
 * the secretariat's language, and writes or reads the tables in one go.
 */
import { and, count, eq, sql, type SQL } from 'drizzle-orm';
import type pg from 'pg';
import type { DbOrTransaction, DbTransaction } from '../../../db/client';
import type { Deps } from '../../../deps';
import { AppError } from '../../../platform/errors';
import type { Locale } from '../../../platform/i18n/locales';
import { assertCan, type Actor } from '../../accounts';
import { recordAudit } from '../../audit';
import {
  exportPolisComments,
  exportPolisParticipantsVotes,
  exportPolisVotes,
  importPolisComments,
  importPolisParticipantsVotes,
  importPolisVotes,
  opinionMapFromJson,
  type OpinionMap,
  type PolisComment,
  type VoteTable,
} from '../math';
import {
  opinionMaps,
  opinionParticipants,
  opinionResults,
  opinionStatements,
  opinionVotes,
} from '../opinions.tables';
import {
  FileProblem,
  FileProblems,
  IMPORT_MAX_BYTES,
  problemOf,
  type ImportFile,
  type Problem,
} from './interop-problems';
import { recomputeMap, type RecomputeOutcome } from './recompute';
import { loadMathVotes } from './recompute.repo';

export { IMPORT_MAX_BYTES, problemOf, type ImportFile, type Problem };

/** The table's check on statement length. */
const MAX_BODY = 1000;
/** Times PostgreSQL can store and JavaScript can show: up to the end of year 9999, in ms. */
const MAX_TIME_MS = 253_402_300_799_999;

export interface Upload {
  fileName: string;
  bytes: Buffer;
  /** Cut off at the upload limit. */
  truncated: boolean;
}

/** The upload fields of the import form. */
export const IMPORT_FILES = [
  'comments',
  'votes',
  'participantsVotes',
] as const satisfies readonly ImportFile[];
export const FILE_NAME: Record<ImportFile, string> = {
  comments: 'comments.csv',
  votes: 'votes.csv',
  participantsVotes: 'participants-votes.csv',
};

export interface ImportInput {
  slug: string;
  title: string;
  /** The language the title is written in (the back office's language when importing). */
  titleLocale: Locale;
  /** BCP 47 tag of the statements' language. */
  language: string;
  /** Where the data comes from and whom to credit (CC BY): stored in `importedFrom`. */
  attribution: string;
  files: Partial<Record<ImportFile, Upload>>;
}

export interface ImportCounts {
  participants: number;
  statements: number;
  votes: number;
}

export type ImportResult =
  | { ok: true; mapId: string; counts: ImportCounts }
  | { ok: false; status: 409 | 413 | 422; errors: Record<string, Problem> };

const storable = (ms: number) => ms >= 0 && ms <= MAX_TIME_MS;

/** What the files say, checked: nothing is written before all of it has passed. */
interface ParsedConversation {
  comments: PolisComment[];
  /** The current vote of each (participant, statement): the latest row, as the math engine reads them. */
  votes: VoteTable;
  /** Every participant: authors, voters, and rows of participants-votes.csv without votes. */
  participants: number[];
}

/**
 * Reads the uploads. Throws FileProblems (field → problem) when any file is refused (all files are
 * read, so every problem is reported at once).
 */
function parseUploads(files: ImportInput['files']): ParsedConversation {
  const errors = new Map<ImportFile, FileProblem>();
  for (const field of IMPORT_FILES) {
    if (files[field]?.truncated) {
      errors.set(
        field,
        new FileProblem(
          { key: 'opinions.import.error.tooLarge', params: { mb: IMPORT_MAX_BYTES / 1024 / 1024 } },
          413,
        ),
      );
    }
  }
  if (!files.comments)
    errors.set('comments', new FileProblem({ key: 'opinions.import.error.commentsMissing' }));
  if (!files.votes && !files.participantsVotes) {
    errors.set('votes', new FileProblem({ key: 'opinions.import.error.votesMissing' }));
  }
  if (errors.size > 0) throw new FileProblems(errors);

  let comments: PolisComment[] = [];
  try {
    comments = importPolisComments(files.comments!.bytes, { maxBytes: IMPORT_MAX_BYTES }).comments;
    for (const c of comments) {
      const length = [...c.body].length;
      if (length < 1 || length > MAX_BODY || c.body.trim() === '') {
        throw new FileProblem({ key: 'opinions.import.error.body', params: { id: c.id, max: MAX_BODY } });
      }
      if (!storable(c.timestamp)) {
        throw new FileProblem({ key: 'opinions.import.error.commentTime', params: { id: c.id } });
      }
    }
  } catch (error) {
    errors.set('comments', problemOf(error));
  }

  // votes.csv is preferred when both are given: it has the times of the votes.
  const votesField: ImportFile = files.votes ? 'votes' : 'participantsVotes';
  let rows: VoteTable | undefined;
  let listed: Int32Array = new Int32Array(0);
  try {
    if (votesField === 'votes') {
      rows = importPolisVotes(files.votes!.bytes, { maxBytes: IMPORT_MAX_BYTES });
      for (let r = 0; r < rows.time.length; r++) {
        if (!storable(rows.time[r]!)) {
          throw new FileProblem({ key: 'opinions.import.error.time', params: { line: r + 2 } });
        }
      }
    } else {
      const pv = importPolisParticipantsVotes(files.participantsVotes!.bytes, { maxBytes: IMPORT_MAX_BYTES });
      rows = pv.votes;
      listed = pv.participants;
      if (!errors.has('comments')) {
        const known = new Set(comments.map((c) => c.id));
        const unknown = Array.from(pv.commentIds).find((id) => !known.has(id));
        if (unknown !== undefined) {
          throw new FileProblem({ key: 'opinions.import.error.unknownColumn', params: { id: unknown } });
        }
      }
    }
    if (!errors.has('comments')) {
      const known = new Set(comments.map((c) => c.id));
      for (let r = 0; r < rows.statement.length; r++) {
        if (!known.has(rows.statement[r]!)) {
          throw new FileProblem({
            key: 'opinions.import.error.unknownStatement',
            params: { line: r + 2, id: rows.statement[r]! },
          });
        }
      }
    }
  } catch (error) {
    errors.set(votesField, problemOf(error));
  }
  if (errors.size > 0) throw new FileProblems(errors);

  const votes = latestVotes(rows!);
  const participants = new Set<number>(listed);
  for (const c of comments) participants.add(c.authorId);
  for (const p of votes.participant) participants.add(p);
  return { comments, votes, participants: [...participants].sort((a, b) => a - b) };
}

/**
 * One row per (participant, statement): the latest, and on equal times the higher value (the
 * math engine's rule, docs/adr/0023), in participant then statement order.
 */
export function latestVotes(rows: VoteTable): VoteTable {
  // participants-votes.csv gives one row per pair, usually already in this order: no sort then.
  let ordered = true;
  for (let r = 1; r < rows.vote.length && ordered; r++) {
    const dp = rows.participant[r]! - rows.participant[r - 1]!;
    ordered = dp > 0 || (dp === 0 && rows.statement[r]! > rows.statement[r - 1]!);
  }
  if (ordered) return rows;
  const order = Array.from(rows.vote.keys()).sort(
    (a, b) =>
      rows.participant[a]! - rows.participant[b]! ||
      rows.statement[a]! - rows.statement[b]! ||
      rows.time[b]! - rows.time[a]! ||
      rows.vote[b]! - rows.vote[a]!,
  );
  const keep = order.filter(
    (r, i) =>
      i === 0 ||
      rows.participant[order[i - 1]!] !== rows.participant[r] ||
      rows.statement[order[i - 1]!] !== rows.statement[r],
  );
  return {
    participant: Int32Array.from(keep, (r) => rows.participant[r]!),
    statement: Int32Array.from(keep, (r) => rows.statement[r]!),
    vote: Int8Array.from(keep, (r) => rows.vote[r]!),
    time: Float64Array.from(keep, (r) => rows.time[r]!),
  };
}

const STATUS = { '-1': 'rejected', '0': 'pending', '1': 'accepted' } as const;
/** Rows per INSERT … SELECT FROM unnest(…): bounded parameter literals (a few MB each). */
const CHUNK = 100_000;

/**
 * Creates an unpublished opinion map from pol.is open data files, with its participants (no
 * accounts; `externalId` = pol.is participant id), statements (`externalId` = comment id) and
 * current votes, in one transaction: either all of it is there, or nothing.
 *
 * The map opens at the conversation's first comment or vote and is closed at the time of the
 * import (its votes are pol.is's; the secretariat can reopen it on the map's page).
 */
export async function importPolisConversation(
  deps: Deps,
  { actor, input }: { actor: Actor | null; input: ImportInput },
): Promise<ImportResult> {
  assertCan(actor, 'content.manage');
  let parsed: ParsedConversation;
  try {
    parsed = parseUploads(input.files);
  } catch (error) {
    if (!(error instanceof FileProblems)) throw error;
    const problems = error.problems;
    const status = [...problems.values()].some((p) => p.status === 413) ? 413 : 422;
    return {
      ok: false,
      status,
      errors: Object.fromEntries([...problems].map(([field, p]) => [field, p.problem])),
    };
  }
  const { comments, votes, participants } = parsed;
  const now = deps.clock.now();
  const opensAt = new Date(
    Math.min(now.getTime() - 1, earliest(comments.map((c) => c.timestamp)), earliest(votes.time)),
  );

  try {
    const mapId = await deps.db.transaction(async (tx) => {
      const [map] = await tx
        .insert(opinionMaps)
        .values({
          slug: input.slug,
          topic: { [input.titleLocale]: input.title },
          moderation: 'post',
          allowStatements: false,
          opensAt,
          closesAt: now,
          isPublished: false,
          importedFrom: input.attribution,
        })
        .returning({ id: opinionMaps.id });
      const id = map!.id;
      const participantId = await insertParticipants(tx, id, participants);
      const statementId = await insertStatements(tx, id, input.language, comments, participantId);
      await insertVotes(tx, id, votes, participantId, statementId);
      await recordAudit(deps, tx, actor, {
        action: 'opinions.import',
        subjectType: 'opinion_map',
        subjectId: id,
        after: {
          slug: input.slug,
          importedFrom: input.attribution,
          files: Object.fromEntries(
            IMPORT_FILES.filter((f) => input.files[f]).map((f) => [f, input.files[f]!.fileName]),
          ),
          participants: participants.length,
          statements: comments.length,
          votes: votes.vote.length,
        },
      });
      return id;
    });
    return {
      ok: true,
      mapId,
      counts: { participants: participants.length, statements: comments.length, votes: votes.vote.length },
    };
  } catch (error) {
    const pgError = (error as { cause?: { code?: string; constraint?: string } }).cause ?? error;
    const { code, constraint } = pgError as { code?: string; constraint?: string };
    if (code === '23505' && constraint === 'opinions_maps_slug_key') {
      return { ok: false, status: 409, errors: { slug: { key: 'admin.error.slugTaken' } } };
    }
    throw error;
  }
}

/** The earliest known time (0 means unknown), without spreading 100,000s of values as arguments. */
function earliest(times: ArrayLike<number>): number {
  let min = Infinity;
  for (let i = 0; i < times.length; i++) if (times[i]! > 0 && times[i]! < min) min = times[i]!;
  return min;
}

function chunks(n: number): [number, number][] {
  const out: [number, number][] = [];
  for (let a = 0; a < n; a += CHUNK) out.push([a, Math.min(n, a + CHUNK)]);
  return out;
}

/**
 * Runs an INSERT … RETURNING id, external_id over `n` rows, CHUNK rows at a time (`query(a, b)`
 * inserts rows a to b); returns external id → our id.
 */
async function insertReturningIds(
  tx: DbTransaction,
  n: number,
  query: (a: number, b: number) => SQL,
): Promise<Map<number, number>> {
  const ids = new Map<number, number>();
  for (const [a, b] of chunks(n)) {
    const result = await tx.execute<{ id: number; external_id: string }>(query(a, b));
    for (const row of result.rows) ids.set(Number(row.external_id), row.id);
  }
  return ids;
}

/** Inserts the participants; returns pol.is id → our id. */
function insertParticipants(tx: DbTransaction, mapId: string, pids: number[]): Promise<Map<number, number>> {
  return insertReturningIds(
    tx,
    pids.length,
    (a, b) => sql`
      INSERT INTO ${opinionParticipants} (map_id, external_id)
      SELECT ${mapId}::uuid, e
      FROM unnest(${sql.param(pids.slice(a, b).map(String))}::text[]) WITH ORDINALITY AS r(e, n)
      ORDER BY n
      RETURNING id, external_id`,
  );
}

/** Inserts the statements; returns pol.is comment id → our id. */
function insertStatements(
  tx: DbTransaction,
  mapId: string,
  language: string,
  comments: PolisComment[],
  participantId: Map<number, number>,
): Promise<Map<number, number>> {
  const sorted = [...comments].sort((a, b) => a.id - b.id);
  return insertReturningIds(tx, sorted.length, (a, b) => {
    const part = sorted.slice(a, b);
    return sql`
      INSERT INTO ${opinionStatements}
        (map_id, language, body, author_participant_id, is_meta, status, external_id, created_at)
      SELECT ${mapId}::uuid, ${language}, r.body, r.author, r.meta, r.status::opinions_statement_status,
             r.external_id, to_timestamp(r.ms / 1000.0)
      FROM unnest(
        ${sql.param(part.map((c) => c.body))}::text[],
        ${sql.param(part.map((c) => participantId.get(c.authorId)!))}::int[],
        ${sql.param(part.map((c) => c.isMeta))}::boolean[],
        ${sql.param(part.map((c) => STATUS[c.moderated]))}::text[],
        ${sql.param(part.map((c) => String(c.id)))}::text[],
        ${sql.param(part.map((c) => c.timestamp))}::float8[]
      ) WITH ORDINALITY AS r(body, author, meta, status, external_id, ms, n)
      ORDER BY r.n
      RETURNING id, external_id`;
  });
}

/**
 * A PostgreSQL array literal of numbers, `{1,2,3}`, sent as one text parameter. node-pg's own
 * array serialisation (escaping each element) took 8 times as long as this join for 4 × 225,000
 * numbers (4.2 s against 0.5 s on a loaded machine), all of it blocking the event loop.
 */
function numberArray(values: ArrayLike<number>): string {
  return `{${Array.prototype.join.call(values, ',')}}`;
}

async function insertVotes(
  tx: DbTransaction,
  mapId: string,
  votes: VoteTable,
  participantId: Map<number, number>,
  statementId: Map<number, number>,
): Promise<void> {
  for (const [a, b] of chunks(votes.vote.length)) {
    const p = Int32Array.from(votes.participant.subarray(a, b), (pid) => participantId.get(pid)!);
    const s = Int32Array.from(votes.statement.subarray(a, b), (tid) => statementId.get(tid)!);
    await tx.execute(sql`
      INSERT INTO ${opinionVotes} (map_id, participant_id, statement_id, vote, voted_at)
      SELECT ${mapId}::uuid, r.p, r.s, r.v, CASE WHEN r.ms > 0 THEN to_timestamp(r.ms / 1000.0) ELSE now() END
      FROM unnest(
        ${numberArray(p)}::int[],
        ${numberArray(s)}::int[],
        ${numberArray(votes.vote.subarray(a, b))}::smallint[],
        ${numberArray(votes.time.subarray(a, b))}::float8[]
      ) AS r(p, s, v, ms)`);
  }
}

// ── Export ─────────────────────────────────────────────────────────────────────────────────────

export const EXPORT_FILES = ['comments.csv', 'votes.csv', 'participants-votes.csv'] as const;
export type ExportFile = (typeof EXPORT_FILES)[number];

interface MapData {
  slug: string;
  comments: PolisComment[];
  votes: VoteTable;
  /** Our participant id → exported id, for the map's groups. */
  participantOut: Map<number, number>;
  result?: Buffer;
}

/**
 * The ids the export uses: a row imported from pol.is keeps its pol.is id (`externalId`); the
 * others get ids above the largest of those, in the order of our ids. A map made here therefore
 * exports ids 0, 1, 2… in order of arrival, as pol.is numbers them.
 */
export function exportIds(rows: readonly { id: number; externalId: string | null }[]): Map<number, number> {
  const external = (e: string | null) => (e !== null && /^\d+$/.test(e) ? Number(e) : undefined);
  let next = 0;
  for (const r of rows) {
    const e = external(r.externalId);
    if (e !== undefined && e >= next) next = e + 1;
  }
  const out = new Map<number, number>();
  for (const r of [...rows].sort((a, b) => a.id - b.id)) out.set(r.id, external(r.externalId) ?? next++);
  return out;
}

async function loadMap(db: DbOrTransaction, pool: pg.Pool, mapId: string): Promise<MapData> {
  const [map] = await db
    .select({ slug: opinionMaps.slug })
    .from(opinionMaps)
    .where(eq(opinionMaps.id, mapId));
  if (!map) throw new AppError('NOT_FOUND');
  const participants = await db
    .select({ id: opinionParticipants.id, externalId: opinionParticipants.externalId })
    .from(opinionParticipants)
    .where(eq(opinionParticipants.mapId, mapId));
  const statements = await db
    .select({
      id: opinionStatements.id,
      externalId: opinionStatements.externalId,
      author: opinionStatements.authorParticipantId,
      body: opinionStatements.body,
      isMeta: opinionStatements.isMeta,
      status: opinionStatements.status,
      createdAt: opinionStatements.createdAt,
    })
    .from(opinionStatements)
    .where(eq(opinionStatements.mapId, mapId));
  const participantOut = exportIds(participants);
  const statementOut = exportIds(statements);
  // A seed statement has no author among the participants; pol.is always names one: the map's
  // owner, given the next free participant id.
  const owner = participantOut.size === 0 ? 0 : Math.max(...participantOut.values()) + 1;
  const moderated = { rejected: -1, pending: 0, accepted: 1 } as const;
  const comments: PolisComment[] = statements.map((s) => ({
    id: statementOut.get(s.id)!,
    authorId: s.author === null ? owner : participantOut.get(s.author)!,
    timestamp: s.createdAt.getTime(),
    moderated: moderated[s.status],
    isMeta: s.isMeta,
    body: s.body,
    agrees: 0,
    disagrees: 0,
  }));
  // Packed chunks, as the recompute loads them: no row object per vote (a large map has millions).
  const client = await pool.connect();
  let stored: Awaited<ReturnType<typeof loadMathVotes>>;
  try {
    stored = await loadMathVotes(client, mapId);
  } finally {
    client.release();
  }
  const votes: VoteTable = {
    participant: Int32Array.from(stored.participant, (p) => participantOut.get(p)!),
    statement: Int32Array.from(stored.statement, (s) => statementOut.get(s)!),
    vote: stored.vote,
    // pol.is's timestamps are whole milliseconds; ours may carry microseconds.
    time: Float64Array.from(stored.time, Math.floor),
  };
  const [result] = await db
    .select({ result: opinionResults.result })
    .from(opinionResults)
    .where(eq(opinionResults.mapId, mapId));
  return { slug: map.slug, comments, votes, participantOut, result: result?.result };
}

/** The latest computed map with the exported participant ids, or undefined if none can be read. */
function mapWithExportIds(data: MapData): OpinionMap | undefined {
  if (!data.result) return undefined;
  let map: OpinionMap;
  try {
    map = opinionMapFromJson(data.result.toString('utf8'));
  } catch {
    return undefined; // a result stored in a format this reader does not know: no group-id column
  }
  const id = Int32Array.from(map.participants.id, (p) => data.participantOut.get(p) ?? -1);
  return { ...map, participants: { ...map.participants, id } };
}

/**
 * One of pol.is's three files for a map (`content.manage`). votes.csv holds the current vote of
 * each participant on each statement (we keep no history of changed votes); participants-votes.csv
 * has the group of each participant from the latest computed map.
 */
export async function exportPolisFile(
  deps: Deps,
  { actor, mapId, file }: { actor: Actor | null; mapId: string; file: ExportFile },
): Promise<{ slug: string; csv: string }> {
  assertCan(actor, 'content.manage');
  const data = await loadMap(deps.db, deps.db.$client, mapId);
  return { slug: data.slug, csv: polisFile(data, file) };
}

function polisFile(data: MapData, file: ExportFile): string {
  return file === 'comments.csv'
    ? exportPolisComments(data.comments, data.votes)
    : file === 'votes.csv'
      ? exportPolisVotes(data.votes)
      : exportPolisParticipantsVotes(data.comments, data.votes, mapWithExportIds(data));
}

/**
 * The same files without what the secretariat has not accepted: only accepted statements (their
 * text, and the votes on them). Participants are the export's anonymous numbers; no account data
 * is ever read.
 */
function acceptedOnly(data: MapData): MapData {
  const comments = data.comments.filter((c) => c.moderated === 1);
  const keep = new Set(comments.map((c) => c.id));
  const rows: number[] = [];
  for (let r = 0; r < data.votes.statement.length; r++) if (keep.has(data.votes.statement[r]!)) rows.push(r);
  // A typed array of the same kind, with only the kept rows.
  const pick = <A extends Int32Array | Int8Array | Float64Array>(a: A): A => {
    const out = new (a.constructor as new (n: number) => A)(rows.length);
    rows.forEach((r, i) => (out[i] = a[r]!));
    return out;
  };
  const { participant, statement, vote, time } = data.votes;
  return {
    ...data,
    comments,
    votes: { participant: pick(participant), statement: pick(statement), vote: pick(vote), time: pick(time) },
  };
}

/**
 * One of pol.is's three files of a published map whose secretariat chose to publish its open data
 * (ADR 0030), for anyone: accepted statements and the votes on them, anonymous participant numbers.
 *
 * @throws AppError NOT_FOUND when there is no such map, it is not published, or its data is not open.
 */
export async function exportOpenDataFile(
  deps: Deps,
  { slug, file }: { slug: string; file: ExportFile },
): Promise<{ slug: string; csv: string }> {
  const [map] = await deps.db
    .select({ id: opinionMaps.id, isPublished: opinionMaps.isPublished, open: opinionMaps.publishOpenData })
    .from(opinionMaps)
    .where(eq(opinionMaps.slug, slug));
  if (!map || !map.isPublished || !map.open) throw new AppError('NOT_FOUND', { map: slug });
  const data = acceptedOnly(await loadMap(deps.db, deps.db.$client, map.id));
  return { slug: data.slug, csv: polisFile(data, file) };
}

// ── Recompute status ───────────────────────────────────────────────────────────────────────────

/**
 * "Recompute now" (`content.manage`): the results engine's recomputeMap, published map or not, due
 * or not. Not audited: it changes no content, only the derived result (recomputeMap logs it).
 */
export async function recomputeNow(
  deps: Deps,
  { actor, mapId }: { actor: Actor | null; mapId: string },
): Promise<RecomputeOutcome> {
  assertCan(actor, 'content.manage');
  const [map] = await deps.db
    .select({ id: opinionMaps.id })
    .from(opinionMaps)
    .where(eq(opinionMaps.id, mapId));
  if (!map) throw new AppError('NOT_FOUND');
  return recomputeMap(deps, mapId);
}

export interface MathStatus {
  map: {
    id: string;
    slug: string;
    topic: Record<string, string>;
    isPublished: boolean;
    importedFrom: string | null;
  };
  counts: { participants: number; statements: number; votes: number };
  /** The latest computation, if any. */
  result?: {
    computedAt: Date;
    durationMs: number;
    votesThrough: Date | null;
    votesSince: number;
    groups?: number;
  };
}

/** What the secretariat's math page shows (`content.manage`). */
export async function getMathStatus(
  deps: Deps,
  { actor, mapId }: { actor: Actor | null; mapId: string },
): Promise<MathStatus> {
  assertCan(actor, 'content.manage');
  const db = deps.db;
  const [map] = await db
    .select({
      id: opinionMaps.id,
      slug: opinionMaps.slug,
      topic: opinionMaps.topic,
      isPublished: opinionMaps.isPublished,
      importedFrom: opinionMaps.importedFrom,
    })
    .from(opinionMaps)
    .where(eq(opinionMaps.id, mapId));
  if (!map) throw new AppError('NOT_FOUND');
  const countOf = async (
    table: typeof opinionParticipants | typeof opinionStatements | typeof opinionVotes,
  ) => (await db.select({ n: count() }).from(table).where(eq(table.mapId, mapId)))[0]!.n;
  const counts = {
    participants: await countOf(opinionParticipants),
    statements: await countOf(opinionStatements),
    votes: await countOf(opinionVotes),
  };
  const [stored] = await db
    .select({
      computedAt: opinionResults.computedAt,
      durationMs: opinionResults.durationMs,
      votesThrough: opinionResults.votesThrough,
      result: opinionResults.result,
    })
    .from(opinionResults)
    .where(eq(opinionResults.mapId, mapId));
  if (!stored) return { map, counts };
  const since = stored.votesThrough
    ? (
        await db
          .select({ n: count() })
          .from(opinionVotes)
          // votesThrough went through a JS Date (milliseconds); voted_at has microseconds.
          .where(
            and(
              eq(opinionVotes.mapId, mapId),
              sql`date_trunc('milliseconds', ${opinionVotes.votedAt}) > ${stored.votesThrough}`,
            ),
          )
      )[0]!.n
    : counts.votes;
  let groups: number | undefined;
  try {
    groups = opinionMapFromJson(stored.result.toString('utf8')).groups.length;
  } catch {
    groups = undefined;
  }
  return {
    map,
    counts,
    result: {
      computedAt: stored.computedAt,
      durationMs: stored.durationMs,
      votesThrough: stored.votesThrough,
      votesSince: since,
      groups,
    },
  };
}
