// One-off measurement for docs/adr/0027-which-statement-next.md: what the participation page's
// vote-count query costs on a map of ~2 million votes, as a grouped scan of the votes (before
// migration 0016) and from the counter table (after), and what the counting triggers add to vote
// writes. Not part of `npm run bench`. Run: npx tsx scripts/measure-opinion-counts.ts
// (an embedded PostgreSQL in a temporary directory, removed at the end; takes a few minutes;
// MEASURE_WRITES=0 stops after the count queries).
//
// The map is the one bench/sections/opinions-latency.mjs seeds (same SQL): 40,000 participants,
// 1,000 statements, 50 votes each.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { startEmbeddedPostgres } from '../src/db/embedded';
import { MIGRATIONS_DIR } from '../src/db/client';
import * as schema from '../src/db/schema';
import { createLogger } from '../src/platform/logger';

const PARTICIPANTS = 40_000;
const STATEMENTS = 1_000;
const VOTES = 2_000_000;
const RUNS = 15;

/** The page's query before: every statement of the map with its votes counted (a grouped join). */
const GROUPED = `SELECT s.*, count(v.*) FILTER (WHERE v.vote = 1)::int AS agree,
    count(v.*) FILTER (WHERE v.vote = -1)::int AS disagree, count(v.*) FILTER (WHERE v.vote = 0)::int AS pass
  FROM opinions_statements s LEFT JOIN opinions_votes v ON v.statement_id = s.id
  WHERE s.map_id = $1 GROUP BY s.id ORDER BY s.id`;
/** After: the counter rows (what listStatementsWithCounts now sends). */
const COUNTERS = `SELECT s.*, coalesce(c.agree, 0) AS agree, coalesce(c.disagree, 0) AS disagree, coalesce(c.pass, 0) AS pass
  FROM opinions_statements s LEFT JOIN opinions_statement_counts c ON c.statement_id = s.id
  WHERE s.map_id = $1 ORDER BY s.id`;

interface CountRow {
  id: number;
  agree: number;
  disagree: number;
  pass: number;
}

async function seedMap(
  db: pg.Pool,
  participants: number,
  statements: number,
  votes: number,
): Promise<string> {
  const perParticipant = Math.min(statements, Math.floor(votes / participants));
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO opinions_maps (slug, topic, opens_at, is_published)
     VALUES ('measure-' || substr(md5(random()::text), 1, 8), '{"en":"Measure"}', now() - interval '1 day', true)
     RETURNING id`,
  );
  const mapId = rows[0]!.id;
  const first = async (sql: string, params: unknown[]) =>
    Number((await db.query<{ first: string }>(sql, params)).rows[0]!.first);
  const p0 = await first(
    `WITH ins AS (INSERT INTO opinions_participants (map_id, external_id)
       SELECT $1, g::text FROM generate_series(0, $2::int - 1) g ORDER BY g RETURNING id)
     SELECT min(id) AS first FROM ins`,
    [mapId, participants],
  );
  const s0 = await first(
    `WITH ins AS (INSERT INTO opinions_statements (map_id, language, body, status, is_seed)
       SELECT $1, 'en', 'Statement ' || g, 'accepted', true FROM generate_series(0, $2::int - 1) g ORDER BY g
       RETURNING id)
     SELECT min(id) AS first FROM ins`,
    [mapId, statements],
  );
  let stride = 131;
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  while (gcd(stride, statements) !== 1) stride++;
  await db.query(
    `INSERT INTO opinions_votes (map_id, participant_id, statement_id, vote, voted_at)
     SELECT $1, $2::int + p, $3::int + s,
            CASE WHEN h % 10 = 0 THEN 0
                 WHEN (h % 10 = 1) <> (s % 3 = p % 3) THEN 1 ELSE -1 END,
            now() - interval '1 hour'
     FROM generate_series(0, $4::int - 1) p
     CROSS JOIN LATERAL generate_series(0, $5::int - 1) k
     CROSS JOIN LATERAL (SELECT (p * 7 + k * $6::int) % $7::int AS s) st
     CROSS JOIN LATERAL (SELECT abs(hashint8(p::bigint * 100003 + k)) AS h) hh
     ORDER BY p, s`,
    [mapId, p0, s0, participants, perParticipant, stride, statements],
  );
  await db.query('ANALYZE opinions_votes');
  await db.query('ANALYZE opinions_statement_counts');
  return mapId;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

function summary(ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return `median ${at(0.5).toFixed(2)} ms, p90 ${at(0.9).toFixed(2)} ms, min ${sorted[0]!.toFixed(2)} ms (${ms.length} runs)`;
}

async function queryTimes(db: pg.Pool, sql: string, mapId: string): Promise<number[]> {
  for (let i = 0; i < 2; i++) await db.query(sql, [mapId]); // warm
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) out.push(await timed(() => db.query(sql, [mapId])));
  return out;
}

/** The server's own execution time (EXPLAIN ANALYZE), without the rows' trip to the client. */
async function serverTimes(db: pg.Pool, sql: string, mapId: string): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const { rows } = await db.query<{ 'QUERY PLAN': { 'Execution Time': number }[] }>(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${sql.replace('$1', `'${mapId}'`)}`,
    );
    out.push(rows[0]!['QUERY PLAN'][0]!['Execution Time']);
  }
  return out;
}

const TRIGGERS = ['insert', 'update', 'delete', 'truncate'].map((t) => `opinions_votes_count_${t}`);
const setTriggers = (db: pg.Pool, on: boolean) =>
  Promise.all(
    TRIGGERS.map((t) => db.query(`ALTER TABLE opinions_votes ${on ? 'ENABLE' : 'DISABLE'} TRIGGER ${t}`)),
  );

/** Median time of one vote cast or changed in its own transaction, as participation writes it. */
async function voteTimes(db: pg.Pool, mapId: string, n: number): Promise<number[]> {
  const { rows } = await db.query<{ p: number; s: number }>(
    `SELECT (SELECT min(id) FROM opinions_participants WHERE map_id = $1) AS p,
            (SELECT min(id) FROM opinions_statements WHERE map_id = $1) AS s`,
    [mapId],
  );
  const { p, s } = rows[0]!;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    out.push(
      await timed(() =>
        db.query(
          `INSERT INTO opinions_votes (map_id, participant_id, statement_id, vote, voted_at) VALUES ($1, $2, $3, $4, now())
           ON CONFLICT (participant_id, statement_id) DO UPDATE SET vote = excluded.vote, voted_at = excluded.voted_at`,
          [mapId, p + (i % 1000), s + ((i * 7) % 50), (i % 3) - 1],
        ),
      ),
    );
  }
  return out;
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'colloquy-measure-counts-'));
  fs.chmodSync(dir, 0o755);
  const cluster = await startEmbeddedPostgres({
    dataDir: dir,
    port: 0,
    log: createLogger('silent'),
    durable: true,
  });
  const db = new pg.Pool({ connectionString: cluster.url, max: 2 });
  const line = (text: string) => process.stdout.write(`${text}\n`);
  try {
    await migrate(drizzle(db, { schema, casing: 'snake_case' }), { migrationsFolder: MIGRATIONS_DIR });
    line(
      `load average at start: ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} (${os.cpus().length} cores)`,
    );

    let started = performance.now();
    const mapId = await seedMap(db, PARTICIPANTS, STATEMENTS, VOTES);
    line(
      `seeded ${VOTES.toLocaleString('en')} votes with the triggers on in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    // Both answers agree.
    const a = (await db.query<CountRow>(GROUPED, [mapId])).rows.map(
      (r) => `${r.id}:${r.agree}:${r.disagree}:${r.pass}`,
    );
    const b = (await db.query<CountRow>(COUNTERS, [mapId])).rows.map(
      (r) => `${r.id}:${r.agree}:${r.disagree}:${r.pass}`,
    );
    if (a.join() !== b.join()) throw new Error('the counters differ from the grouped count');

    line(`page count query, grouped scan of the votes: ${summary(await queryTimes(db, GROUPED, mapId))}`);
    line(`page count query, counter table: ${summary(await queryTimes(db, COUNTERS, mapId))}`);
    line(`  server execution, grouped scan: ${summary(await serverTimes(db, GROUPED, mapId))}`);
    line(`  server execution, counter table: ${summary(await serverTimes(db, COUNTERS, mapId))}`);
    if (process.env.MEASURE_WRITES === '0') return;

    // The migration's backfill on these votes.
    await db.query('DELETE FROM opinions_statement_counts');
    const backfill = fs.readFileSync(
      path.join(MIGRATIONS_DIR, '0018_opinion_statement_counts_backfill.sql'),
      'utf8',
    );
    line(
      `backfill (migration 0018) of ${VOTES.toLocaleString('en')} votes: ${(await timed(() => db.query(backfill))).toFixed(0)} ms`,
    );

    // What the triggers add to writes: a bulk insert of 500,000 votes and single votes, off then on.
    for (const on of [false, true, false, true]) {
      await setTriggers(db, on);
      started = performance.now();
      const other = await seedMap(db, 10_000, 1_000, 500_000);
      const bulk = performance.now() - started;
      const single = await voteTimes(db, other, 300);
      line(
        `triggers ${on ? 'on ' : 'off'}: 500,000 votes seeded (with 10,000 participants, 1,000 statements) in ${(bulk / 1000).toFixed(2)} s; one vote: ${summary(single)}`,
      );
    }
    await setTriggers(db, true);
    line(
      `load average at end: ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
  } finally {
    await db.end();
    await cluster.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
