// Queries of the results side of opinion maps: loading a map's statements and votes for the math,
// storing its result, finding maps due for a recompute, and what the results pages read. The
// participation side has its own repo (opinions.repo.ts); these are the queries it does not have.
import { eq } from 'drizzle-orm';
import type pg from 'pg';
import type { Db } from '../../../db/client';
import { opinionStatements } from '../opinions.tables';

export interface StatementText {
  id: number;
  body: string;
  language: string;
  status: 'pending' | 'accepted' | 'rejected';
  isMeta: boolean;
  isSeed: boolean;
}

/** Every statement of a map with its text (the results pages pick the ones they show). */
export function listStatementTexts(db: Db, mapId: string): Promise<StatementText[]> {
  return db
    .select({
      id: opinionStatements.id,
      body: opinionStatements.body,
      language: opinionStatements.language,
      status: opinionStatements.status,
      isMeta: opinionStatements.isMeta,
      isSeed: opinionStatements.isSeed,
    })
    .from(opinionStatements)
    .where(eq(opinionStatements.mapId, mapId))
    .orderBy(opinionStatements.id);
}

/** One row per (opinion group, stakeholder group, category, country) with its count of people. */
export interface BreakdownCell {
  group: number;
  stakeholderGroup: string | null;
  category: string | null;
  country: string | null;
  people: number;
}

/**
 * Counts the grouped participants of a map by who they are: the stakeholder group, category and
 * country of their registration for the map's session (any status: it is what they said about
 * themselves), else their account profile's stakeholder group and country (no category there);
 * null where neither says. `participantIds` and `groups` are parallel (the result's assignment).
 */
export async function countPeopleByGroup(
  db: Db,
  args: { mapId: string; sessionId: string | null; participantIds: Int32Array; groups: Int32Array },
): Promise<BreakdownCell[]> {
  const { rows } = await db.$client.query<{
    group: number;
    stakeholder_group: string | null;
    category: string | null;
    country: string | null;
    people: number;
  }>({
    name: 'opinions_results_breakdown',
    text: `
      WITH assigned AS (
        SELECT * FROM unnest($2::int[], $3::int[]) AS a(participant_id, grp)
      )
      SELECT a.grp AS "group",
             COALESCE(r.stakeholder_group::text, u.stakeholder_group::text) AS stakeholder_group,
             r.participant_category::text AS category,
             COALESCE(r.country, u.country) AS country,
             count(*)::int AS people
        FROM assigned a
        JOIN opinions_participants p ON p.id = a.participant_id AND p.map_id = $1
        LEFT JOIN accounts_users u ON u.id = p.user_id
        LEFT JOIN registration_registrations r
          ON r.user_id = p.user_id AND r.session_id = $4::uuid
       GROUP BY 1, 2, 3, 4`,
    // node-postgres writes arrays, not typed arrays.
    values: [args.mapId, Array.from(args.participantIds), Array.from(args.groups), args.sessionId],
  });
  return rows.map((r) => ({
    group: r.group,
    stakeholderGroup: r.stakeholder_group,
    category: r.category,
    country: r.country,
    people: r.people,
  }));
}

// ── Recompute: raw SQL on one pooled connection, inside the recompute's own transaction ─────────

/** Namespace of the advisory locks of recomputes (the first key of the two-key form). */
const RECOMPUTE_LOCK_CLASS = 0x0931_5005;

/**
 * Takes the recompute lock of a map for the rest of the transaction, without waiting: false when
 * another transaction (on any node) holds it. Two maps whose ids hash alike share a lock, which
 * only delays one of them to the next round.
 */
export async function tryLockMapRecompute(client: pg.PoolClient, mapId: string): Promise<boolean> {
  const { rows } = await client.query<{ locked: boolean }>(
    'SELECT pg_try_advisory_xact_lock($1::int, hashtext($2)) AS locked',
    [RECOMPUTE_LOCK_CLASS, mapId],
  );
  return rows[0]?.locked === true;
}

export interface MathStatementRows {
  id: Int32Array;
  moderated: Int8Array;
  isMeta: Uint8Array;
}

/** The map's statements as the math engine's columns: status → moderated (pending 0, accepted 1, rejected −1). */
export async function loadMathStatements(client: pg.PoolClient, mapId: string): Promise<MathStatementRows> {
  const { rows } = await client.query<[number, number, boolean]>({
    text: `SELECT id, CASE status WHEN 'accepted' THEN 1 WHEN 'rejected' THEN -1 ELSE 0 END, is_meta
             FROM opinions_statements WHERE map_id = $1 ORDER BY id`,
    values: [mapId],
    rowMode: 'array',
  });
  return {
    id: Int32Array.from(rows, (r) => r[0]),
    moderated: Int8Array.from(rows, (r) => r[1]),
    isMeta: Uint8Array.from(rows, (r) => (r[2] ? 1 : 0)),
  };
}

export interface MathVoteRows {
  participant: Int32Array;
  statement: Int32Array;
  vote: Int8Array;
  /** votedAt in epoch milliseconds. */
  time: Float64Array;
  /**
   * The newest votedAt among them, as PostgreSQL's text (a Date would drop the microseconds, and
   * the stored `votesThrough` would then be older than the vote it names); null when there are none.
   */
  newest: string | null;
}

/** Votes per round trip: bounded memory however many votes a map has. */
const VOTE_CHUNK = 200_000;
/** Bytes per vote in a chunk: participant int4, statement int4, vote int2, time float8 (big-endian). */
const PACKED = 18;

/**
 * Every vote of the map into typed arrays, read in chunks of participants (about 200,000 votes
 * each), each chunk one bytea that PostgreSQL packs (`int4send` …): 5 million votes never exist as
 * 5 million row objects, and node-postgres decodes one hex string per chunk instead of parsing four
 * text columns per row (measured on 1 million votes: 0.6–0.9 s of Node CPU against 1.3–2.4 s for
 * rows through a cursor). Rows come ordered by participant, the order the engine uses in place.
 * Call it in a REPEATABLE READ transaction, so the chunks, the newest time and the statements
 * loaded beside them are one snapshot.
 */
export async function loadMathVotes(client: pg.PoolClient, mapId: string): Promise<MathVoteRows> {
  const { rows: head } = await client.query<{
    n: number;
    lo: number | null;
    hi: number | null;
    newest: string | null;
  }>(
    `SELECT count(*)::int AS n, min(participant_id) AS lo, max(participant_id) AS hi, max(voted_at)::text AS newest
       FROM opinions_votes WHERE map_id = $1`,
    [mapId],
  );
  const { n, lo, hi, newest } = head[0]!;
  const out: MathVoteRows = {
    participant: new Int32Array(n),
    statement: new Int32Array(n),
    vote: new Int8Array(n),
    time: new Float64Array(n),
    newest,
  };
  if (n === 0 || lo === null || hi === null) return out;
  const step = Math.max(1, Math.ceil(((hi - lo + 1) * VOTE_CHUNK) / n));
  let at = 0;
  for (let from = lo; from <= hi; from += step) {
    const { rows } = await client.query<{ packed: Buffer | null }>({
      name: 'opinions_votes_packed',
      text: `SELECT string_agg(int4send(participant_id) || int4send(statement_id) || int2send(vote)
                               || float8send((extract(epoch FROM voted_at) * 1000)::float8),
                               ''::bytea ORDER BY participant_id, statement_id) AS packed
               FROM opinions_votes WHERE map_id = $1 AND participant_id BETWEEN $2 AND $3`,
      values: [mapId, from, Math.min(hi, from + step - 1)],
    });
    const packed = rows[0]?.packed;
    if (!packed) continue;
    for (let o = 0; o < packed.length; o += PACKED, at++) {
      out.participant[at] = packed.readInt32BE(o);
      out.statement[at] = packed.readInt32BE(o + 4);
      out.vote[at] = packed.readInt16BE(o + 8);
      out.time[at] = packed.readDoubleBE(o + 10);
    }
  }
  if (at !== n) throw new Error(`opinion map ${mapId}: ${at} votes read of ${n} counted`);
  return out;
}

/** The stored result's bytes and bookkeeping, read inside the recompute's transaction. */
export async function loadStoredResult(
  client: pg.PoolClient,
  mapId: string,
): Promise<{ result: Buffer; votesThrough: Date | null; computedAt: Date } | undefined> {
  const { rows } = await client.query<{ result: Buffer; votes_through: Date | null; computed_at: Date }>(
    'SELECT result, votes_through, computed_at FROM opinions_results WHERE map_id = $1',
    [mapId],
  );
  const row = rows[0];
  return row && { result: row.result, votesThrough: row.votes_through, computedAt: row.computed_at };
}

/** Writes the map's latest result (one row per map). */
export async function upsertResult(
  client: pg.PoolClient,
  row: { mapId: string; computedAt: Date; votesThrough: string | null; durationMs: number; result: Buffer },
): Promise<void> {
  await client.query(
    `INSERT INTO opinions_results (map_id, computed_at, votes_through, duration_ms, result)
     VALUES ($1, $2, $3::timestamptz, $4, $5)
     ON CONFLICT (map_id) DO UPDATE
       SET computed_at = excluded.computed_at, votes_through = excluded.votes_through,
           duration_ms = excluded.duration_ms, result = excluded.result`,
    [row.mapId, row.computedAt, row.votesThrough, row.durationMs, row.result],
  );
}

/**
 * The SQL condition "map m (with result r, maybe null) is due", for $1 = now and $2 = the settle
 * margin in milliseconds. Due when a vote is newer than the votes the result saw; when a statement
 * was added or moderated after the result; and once more when the result was computed within the
 * settle margin of its newest vote, after that margin (a vote written in a transaction still open
 * then may carry an earlier time than the newest one seen, and would otherwise wait for the next
 * vote). Uses opinions_votes_map_voted_at_idx.
 */
const DUE_CONDITION = `(
  EXISTS (SELECT 1 FROM opinions_votes v
           WHERE v.map_id = m.id AND v.voted_at > COALESCE(r.votes_through, '-infinity'::timestamptz))
  OR (r.map_id IS NOT NULL AND EXISTS (
        SELECT 1 FROM opinions_statements s
         WHERE s.map_id = m.id AND (s.created_at > r.computed_at OR s.moderated_at > r.computed_at)))
  OR (r.votes_through IS NOT NULL
      AND r.computed_at < r.votes_through + make_interval(secs => $2::float8 / 1000)
      AND $1::timestamptz >= r.votes_through + make_interval(secs => $2::float8 / 1000))
)`;

/** Published maps due for a recompute, in id order. */
export async function listDueMapIds(db: Db, now: Date, settleMs: number): Promise<string[]> {
  const { rows } = await db.$client.query<{ id: string }>(
    `SELECT m.id FROM opinions_maps m LEFT JOIN opinions_results r ON r.map_id = m.id
      WHERE m.is_published AND ${DUE_CONDITION} ORDER BY m.id`,
    [now, settleMs],
  );
  return rows.map((r) => r.id);
}

/** True when this one map is due (checked again under the lock: another node may just have done it). */
export async function isMapDue(
  client: pg.PoolClient,
  mapId: string,
  now: Date,
  settleMs: number,
): Promise<boolean> {
  const { rows } = await client.query<{ due: boolean }>(
    `SELECT ${DUE_CONDITION} AS due FROM opinions_maps m LEFT JOIN opinions_results r ON r.map_id = m.id
      WHERE m.id = $3`,
    [now, settleMs, mapId],
  );
  return rows[0]?.due === true;
}
