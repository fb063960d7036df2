// Opinion maps: does the server keep answering while a large map is recomputed?
//
// The bundled server (`npm start`'s command) runs pinned to the server core with the page cache
// off (every public page is rendered, the worst case) and the recompute schedule off. A published
// map of BENCH_OPINIONS_PARTICIPANTS × BENCH_OPINIONS_STATEMENTS with BENCH_OPINIONS_VOTES votes
// (default 40,000 × 1,000 × 2,000,000, three leanings) is written straight into its database. Then
// public pages (the series home and the ninth session's page, alternately) are requested at a
// fixed rate (BENCH_OPINIONS_RATE per second, default 50, open loop: a late answer does not delay
// the next request, and latency counts from when the request was due), for BENCH_DURATION_S
// seconds:
//   1. with nothing else going on;
//   2. while the secretariat's "Recompute now" runs back to back (the whole recompute in the math
//      worker thread, on its own connection: reading the votes, computing, storing the result;
//      the worker and PostgreSQL share the server's one core with the main thread).
// Target: p99 of the page requests under 100 ms during the recomputes.
/* global fetch, URLSearchParams -- Node 24 has both built in */
import crypto from 'node:crypto';
import http from 'node:http';
import { row } from '../lib/report.mjs';
import { connectToDataDir, freePort, httpGet, startColloquy, stop } from '../lib/server.mjs';

export const name = 'opinions-latency';
export const description =
  'public page p99 at a fixed rate, with and without a large opinion map recomputing (bundled worker)';

const PAGES = ['/en/series/ip-frontier-technologies', '/en/series/ip-frontier-technologies/sessions/9'];
const TARGET_P99_MS = 100;

function envInt(name, fallback) {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
}

export async function run(ctx) {
  const size = {
    participants: envInt('BENCH_OPINIONS_PARTICIPANTS', 40_000),
    statements: envInt('BENCH_OPINIONS_STATEMENTS', 1_000),
    votes: envInt('BENCH_OPINIONS_VOTES', 2_000_000),
  };
  const rate = envInt('BENCH_OPINIONS_RATE', 50);
  const seconds = ctx.settings.durationS;
  const dataDir = await ctx.copyOfSeededDataDir('opinions-latency');
  const server = await startColloquy({
    dataDir,
    port: await freePort(),
    logFile: ctx.logFile('opinions-latency'),
    env: { PAGE_CACHE_ENTRIES: 0, OPINIONS_RECOMPUTE_INTERVAL_S: 0, LOG_LEVEL: 'warn' },
    nodeFlags: ctx.nodeFlags('opinions-latency'),
  });
  const db = await connectToDataDir(dataDir);
  try {
    const seedStarted = performance.now();
    const mapId = await seedMap(db, size);
    const seedS = (performance.now() - seedStarted) / 1000;
    const secretariat = await secretariatSession(db);
    for (const page of PAGES) {
      const res = await httpGet(`${server.url}${page}`);
      if (res.status !== 200) throw new Error(`GET ${page}: ${res.status}`);
    }
    const recompute = () => recomputeNow(server.url, mapId, secretariat);
    // A first recompute (cold: no previous map) outside the measurements; it also warms the code.
    const cold = await recompute();
    await load(server.url, rate, 2); // warm-up of the page path

    const quiet = await load(server.url, rate, seconds);
    const during = { recomputes: [] };
    let loading = true;
    const recomputing = (async () => {
      while (loading) during.recomputes.push(await recompute());
    })();
    Object.assign(during, await load(server.url, rate, seconds));
    loading = false;
    await recomputing;

    const mean = (xs) => xs.reduce((a, b) => a + b, 0) / (xs.length || 1);
    const recomputeMs = during.recomputes.map((r) => r.serverMs);
    const rows = [
      row(
        `map: ${size.participants.toLocaleString('en')} × ${size.statements.toLocaleString('en')}, ${size.votes.toLocaleString('en')} votes (seeded in ${seedS.toFixed(1)} s)`,
        cold.serverMs,
        'ms first recompute',
      ),
      row('recompute, warm, as the page reports it (mean while loaded)', Math.round(mean(recomputeMs)), 'ms'),
      row(`recomputes during the ${seconds} s measured`, during.recomputes.length, 'runs'),
      row(`pages at ${rate}/s, no recompute: p50`, quiet.p50, 'ms'),
      row(`pages at ${rate}/s, no recompute: p99`, quiet.p99, 'ms', { below: TARGET_P99_MS }),
      row(`pages at ${rate}/s, during recomputes: p50`, during.p50, 'ms'),
      row(`pages at ${rate}/s, during recomputes: p99`, during.p99, 'ms', { below: TARGET_P99_MS }),
      row('pages during recomputes: max', during.max, 'ms'),
    ];
    for (const [label, r] of [
      ['no recompute', quiet],
      ['during recomputes', during],
    ]) {
      if (r.failed > 0) throw new Error(`${label}: ${r.failed} of ${r.count} page requests failed`);
    }
    return { rows, details: { size, rate, seconds, cold, quiet, during } };
  } finally {
    await db.end();
    await stop(server);
  }
}

/**
 * A published map with opinion structure, written with set-based SQL: participant p leans one of
 * three ways (p mod 3); statement s sides with leaning s mod 3 or against it; each participant
 * votes on votes/participants distinct statements (a stride through them), agreeing when the
 * statement sides with their leaning, disagreeing otherwise, one vote in ten a pass or a flip
 * (by a hash, so every run writes the same votes).
 */
export async function seedMap(db, { participants, statements, votes }) {
  const perParticipant = Math.min(statements, Math.floor(votes / participants));
  const { rows } = await db.query(
    `INSERT INTO opinions_maps (slug, topic, opens_at, is_published)
     VALUES ('bench-latency-' || substr(md5(random()::text), 1, 8), '{"en":"Bench map"}', now() - interval '1 day', true)
     RETURNING id`,
  );
  const mapId = rows[0].id;
  const first = async (sql, params) => Number((await db.query(sql, params)).rows[0].first);
  const p0 = await first(
    `WITH ins AS (INSERT INTO opinions_participants (map_id, external_id)
       SELECT $1, g::text FROM generate_series(0, $2::int - 1) g ORDER BY g RETURNING id)
     SELECT min(id) AS first FROM ins`,
    [mapId, participants],
  );
  const s0 = await first(
    `WITH ins AS (INSERT INTO opinions_statements (map_id, language, body, status, is_seed)
       SELECT $1, 'en', 'Bench statement ' || g, 'accepted', true FROM generate_series(0, $2::int - 1) g ORDER BY g
       RETURNING id)
     SELECT min(id) AS first FROM ins`,
    [mapId, statements],
  );
  // A stride coprime with the number of statements visits distinct statements.
  let stride = 131;
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
  // VACUUM as well as ANALYZE: two million fresh rows would otherwise start an autovacuum of the
  // table during the measurements, on the server's core (seen in pg_stat_activity: about 6 s of
  // VACUUM inside the measured 20 s), which is the bulk load's cost, not the recompute's.
  await db.query('VACUUM (ANALYZE) opinions_votes');
  return mapId;
}

function gcd(a, b) {
  return b === 0 ? a : gcd(b, a % b);
}

/** A secretariat account with a session of known token (the cookie's SHA-256 is what is stored). */
async function secretariatSession(db) {
  const token = `bench-opinions-${crypto.randomBytes(8).toString('hex')}`;
  const csrf = `csrf-${token}`;
  const { rows } = await db.query(
    `INSERT INTO accounts_users (email, name) VALUES ($1, 'Bench secretariat') RETURNING id`,
    [`${token}@example.org`],
  );
  await db.query(`INSERT INTO accounts_user_roles (user_id, role) VALUES ($1, 'secretariat')`, [rows[0].id]);
  await db.query(
    `INSERT INTO accounts_sessions (id_hash, user_id, csrf_token, expires_at)
     VALUES (encode(sha256(convert_to($1, 'UTF8')), 'hex'), $2, $3, now() + interval '1 day')`,
    [token, rows[0].id, csrf],
  );
  return { token, csrf };
}

/** "Recompute now", as the secretariat's button posts it; the server's duration is in the redirect. */
async function recomputeNow(baseUrl, mapId, { token, csrf }) {
  const started = performance.now();
  const res = await fetch(`${baseUrl}/en/admin/opinions/${mapId}/math/recompute`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: `colloquy_session=${token}`,
      origin: baseUrl,
    },
    body: new URLSearchParams({ _csrf: csrf }),
  });
  const location = res.headers.get('location') ?? '';
  const ms = /done=recomputed&ms=(\d+)/.exec(location);
  if (res.status !== 303 || !ms) throw new Error(`recompute: ${res.status} ${location}`);
  return { serverMs: Number(ms[1]), wallMs: Math.round(performance.now() - started) };
}

/**
 * Requests the pages at a fixed rate for `seconds` (open loop, keep-alive connections as many as
 * needed). Latency is from when each request was due to the end of its answer.
 */
async function load(baseUrl, rate, seconds) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const latencies = [];
  let failed = 0;
  const total = Math.round(rate * seconds);
  const start = performance.now() + 20;
  const pending = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(
      get(`${baseUrl}${PAGES[i % PAGES.length]}`, agent).then(
        (status) => {
          if (status === 200) latencies.push(performance.now() - due);
          else failed++;
        },
        () => failed++,
      ),
    );
  }
  await Promise.all(pending);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] * 10) / 10;
  return { count: total, failed, p50: at(0.5), p99: at(0.99), max: at(1) };
}

function get(url, agent) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, timeout: 10_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}
