// The recompute's queries: raw SQL on one connection, inside the recompute's own transaction. This
// file imports nothing but \`pg\`'s types and the packed vote format: the recompute's worker thread
// runs it (worker.ts), and what it imports is bundled into the worker.
import type pg from 'pg';
import type { Db } from '../../../db/client';
import { decodePackedVotes, emptyVoteTable } from '../math/packed-votes';

/** Namespace of the advisory locks of recomputes (the first key of the two-key form). */
const RECOMPUTE_LOCK_CLASS = 0x0931_5005;

/**
 * Takes the recompute lock of a map for the rest of the transaction, without waiting: false when
 * another transaction (on any node) holds it. Two maps whose ids hash alike share a lock, which
 * only delays one of them to the next round.
 */
export async function tryLockMapRecompute(client: pg.ClientBase, mapId: string): Promise<boolean> {
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
export async function loadMathStatements(client: pg.ClientBase, mapId: string): Promise<MathStatementRows> {
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

export interface VoteChunks {
  /** Votes in all the chunks. */
  count: number;
  /** As MathVoteRows.newest. */
  newest: string | null;
  /** Each chunk's votes packed (math/packed-votes.ts), base64; read as iterated. */
  chunks: AsyncIterable<string>;
}

/**
 * Votes per round trip: memory bounded however many votes a map has (the chunk's text and its
 * decoded bytes, beside the vote table being filled). At 8,000 a chunk's text is about 107 KB,
 * under V8's largest ordinary object (128 KB), so it is born in the young generation and dies
 * there, where collecting it is cheap. The size was chosen when the chunks went through the main
 * thread (docs/benchmarks.md); the recompute now reads them in its worker thread (ADR 0028).
 */
const VOTE_CHUNK = 8_000;

/**
 * Every vote of the map in chunks of participants (about 8,000 votes each), each chunk one bytea
 * that PostgreSQL packs (`int4send` …, the format of math/packed-votes.ts) and sends as base64: 5
 * million votes never exist as 5 million row objects, and each chunk reaches the caller as one
 * string, decoded as it comes (math/packed-votes.ts; measured on 1 million votes, decoding packed
 * chunks cost 0.6–0.9 s of Node CPU against 1.3–2.4 s for rows through a cursor). Rows come ordered by participant, the order the engine uses in place. `withTime` adds
 * each vote's time (the export; the math does not need it). Call it in a REPEATABLE READ
 * transaction and read the chunks before it ends, so the count, the newest time, the chunks and
 * the statements loaded beside them are one snapshot.
 */
export async function openVoteChunks(
  client: pg.ClientBase,
  mapId: string,
  { withTime = false }: { withTime?: boolean } = {},
): Promise<VoteChunks> {
  const { rows: head } = await client.query<{
    n: number;
    lo: number | null;
    hi: number | null;
    newest: string | null;
  }>(
    // None of these reads the map's votes: the count is the sum of the statements' counters (kept
    // with the votes, in their transactions: ADR 0027), the participant range comes from the
    // participants' rows, the newest vote from the end of opinions_votes_map_voted_at_idx.
    // Counting the votes themselves took about 1.9 s of the server's core at 2 million.
    `SELECT (SELECT coalesce(sum(c.agree + c.disagree + c.pass), 0)::int
               FROM opinions_statement_counts c JOIN opinions_statements s ON s.id = c.statement_id
              WHERE s.map_id = $1) AS n,
            (SELECT min(p.id) FROM opinions_participants p WHERE p.map_id = $1) AS lo,
            (SELECT max(p.id) FROM opinions_participants p WHERE p.map_id = $1) AS hi,
            (SELECT max(v.voted_at)::text FROM opinions_votes v WHERE v.map_id = $1) AS newest`,
    [mapId],
  );
  const { n, lo, hi, newest } = head[0]!;
  const time = withTime ? `|| float8send((extract(epoch FROM voted_at) * 1000)::float8)` : '';
  async function* chunks(): AsyncGenerator<string> {
    if (n === 0 || lo === null || hi === null) return;
    const step = Math.max(1, Math.ceil(((hi - lo + 1) * VOTE_CHUNK) / n));
    for (let from = lo; from <= hi; from += step) {
      const { rows } = await client.query<{ packed: string | null }>({
        name: withTime ? 'opinions_votes_packed_timed' : 'opinions_votes_packed',
        text: `SELECT encode(string_agg(int4send(participant_id) || int4send(statement_id) || int2send(vote) ${time},
                                        ''::bytea ORDER BY participant_id, statement_id), 'base64') AS packed
                 FROM opinions_votes WHERE map_id = $1 AND participant_id BETWEEN $2 AND $3`,
        values: [mapId, from, Math.min(hi, from + step - 1)],
      });
      const packed = rows[0]?.packed;
      if (packed) yield packed;
    }
  }
  return { count: n, newest, chunks: chunks() };
}

/** Every vote of the map with its time, decoded in this thread (the pol.is export; the recompute uses openVoteChunks). */
export async function loadMathVotes(client: pg.ClientBase, mapId: string): Promise<MathVoteRows> {
  const { count, newest, chunks } = await openVoteChunks(client, mapId, { withTime: true });
  const votes = emptyVoteTable(count);
  let at = 0;
  for await (const packed of chunks) at = decodePackedVotes(packed, votes, at, { withTime: true });
  if (at !== count) throw new Error(`opinion map ${mapId}: ${at} votes read of ${count} counted`);
  return { ...votes, newest };
}

/** The stored result's bytes as base64 (decoded by the recompute's worker), if any. */
export async function loadStoredResultBase64(
  client: pg.ClientBase,
  mapId: string,
): Promise<string | undefined> {
  const { rows } = await client.query<{ result: string }>(
    `SELECT encode(result, 'base64') AS result FROM opinions_results WHERE map_id = $1`,
    [mapId],
  );
  return rows[0]?.result;
}

/** Writes the map's latest result (one row per map). */
export async function upsertResult(
  client: pg.ClientBase,
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
  client: pg.ClientBase,
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
