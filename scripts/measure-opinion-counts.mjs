// One-off measurement for docs/adr/0027-which-statement-next.md: what the participation page's
// vote-count query costs on a map of ~2 million votes, as a grouped scan of the votes (before
// migration 0016) and from the counter table (after), and what the counting triggers add to vote
// writes. Not part of `npm run bench`. Run: npx tsx scripts/measure-opinion-counts.mjs
// (an embedded PostgreSQL in a temporary directory, removed at the end; takes a few minutes;
// MEASURE_WRITES=0 stops after the count queries).
//
// The map is the one bench/sections/opinions-latency.mjs seeds (its seedMap): 40,000 participants,
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
import { seedMap } from '../bench/sections/opinions-latency.mjs';
import { createLogger } from '../src/platform/logger';

// Smaller for a smoke run: MEASURE_PARTICIPANTS=2000 MEASURE_STATEMENTS=100 MEASURE_VOTES=20000.
const PARTICIPANTS = Number(process.env.MEASURE_PARTICIPANTS ?? 40_000);
const STATEMENTS = Number(process.env.MEASURE_STATEMENTS ?? 1_000);
const VOTES = Number(process.env.MEASURE_VOTES ?? 2_000_000);
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

async function timed(run) {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

function summary(ms) {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `median ${at(0.5).toFixed(2)} ms, p90 ${at(0.9).toFixed(2)} ms, min ${sorted[0].toFixed(2)} ms (${ms.length} runs)`;
}

async function queryTimes(db, sql, mapId) {
  for (let i = 0; i < 2; i++) await db.query(sql, [mapId]); // warm
  const out = [];
  for (let i = 0; i < RUNS; i++) out.push(await timed(() => db.query(sql, [mapId])));
  return out;
}

/** The server's own execution time (EXPLAIN ANALYZE), without the rows' trip to the client. */
async function serverTimes(db, sql, mapId) {
  const out = [];
  for (let i = 0; i < RUNS; i++) {
    const { rows } = await db.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql.replace('$1', `'${mapId}'`)}`);
    out.push(rows[0]['QUERY PLAN'][0]['Execution Time']);
  }
  return out;
}

const TRIGGERS = ['insert', 'update', 'delete', 'truncate'].map((t) => `opinions_votes_count_${t}`);
const setTriggers = (db, on) =>
  Promise.all(
    TRIGGERS.map((t) => db.query(`ALTER TABLE opinions_votes ${on ? 'ENABLE' : 'DISABLE'} TRIGGER ${t}`)),
  );

/** Median time of one vote cast or changed in its own transaction, as participation writes it. */
async function voteTimes(db, mapId, n) {
  const { rows } = await db.query(
    `SELECT (SELECT min(id) FROM opinions_participants WHERE map_id = $1) AS p,
            (SELECT min(id) FROM opinions_statements WHERE map_id = $1) AS s`,
    [mapId],
  );
  const { p, s } = rows[0];
  const out = [];
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
  // The cluster stopping may reach a connection still closing: not an error here.
  db.on('error', () => undefined);
  const line = (text) => process.stdout.write(`${text}\n`);
  try {
    await migrate(drizzle(db, { schema, casing: 'snake_case' }), { migrationsFolder: MIGRATIONS_DIR });
    line(
      `load average at start: ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} (${os.cpus().length} cores)`,
    );

    let started = performance.now();
    const mapId = await seedMap(db, { participants: PARTICIPANTS, statements: STATEMENTS, votes: VOTES });
    await db.query('ANALYZE opinions_statement_counts');
    line(
      `seeded ${VOTES.toLocaleString('en')} votes with the triggers on in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    // Both answers agree.
    const a = (await db.query(GROUPED, [mapId])).rows.map(
      (r) => `${r.id}:${r.agree}:${r.disagree}:${r.pass}`,
    );
    const b = (await db.query(COUNTERS, [mapId])).rows.map(
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
      const other = await seedMap(db, { participants: 10_000, statements: 1_000, votes: 500_000 });
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
