// Registration: registrations per second sustained by BENCH_REGISTRATION_CLIENTS concurrent clients
// (default 50, issue 4) for BENCH_REGISTRATION_S seconds (default 15), each request a different
// signed-in person registering online for the same session, through the real app
// (POST /en/series/…/sessions/12/register, CSRF token and all). Twice: on the embedded PostgreSQL
// (a copy of the seeded data directory) and on the machine's PostgreSQL server
// (BENCH_PG_URL, default postgres://postgres@127.0.0.1:5432/postgres: a database is created for the
// run and dropped after; skipped with a note when the server cannot be reached).
//
// Every registration for one session takes the session's settings row lock (ADR 0022), so this is
// the worst case: all clients contend for one lock. The capacity is set so the run fills it and the
// rest go on the waitlist (both paths are measured). Accounts and their sessions are inserted with
// SQL beforehand (session cookie = a known token, its SHA-256 in accounts_sessions).
/* global fetch, URLSearchParams -- Node 24 has both built in */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { envNumber } from '../lib/context.mjs';
import { row } from '../lib/report.mjs';
import { connectToDataDir, freePort, startColloquy, stop } from '../lib/server.mjs';

export const name = 'registration';
export const description =
  'registrations/s with 50 concurrent clients, embedded PostgreSQL and the PostgreSQL server';

const SERIES = 'ip-frontier-technologies';
const SESSION = 12;
const PEOPLE = 40_000;

export async function run(ctx) {
  const seconds = envNumber('BENCH_REGISTRATION_S', 15);
  const clients = Math.round(envNumber('BENCH_REGISTRATION_CLIENTS', 50));
  const rows = [];
  const details = {};

  // 1. Embedded PostgreSQL.
  {
    const dataDir = await ctx.copyOfSeededDataDir('registration-data');
    const port = await freePort();
    const server = await startColloquy({
      dataDir,
      port,
      logFile: ctx.logFile('registration-embedded'),
      env: { LOG_LEVEL: 'warn', PUBLIC_URL: `http://127.0.0.1:${port}` },
      nodeFlags: ctx.nodeFlags('registration'),
      timeoutMs: 120_000,
    });
    const db = await connectToDataDir(dataDir);
    try {
      details.embedded = await measure(server.url, db, { seconds, clients });
    } finally {
      await db.end();
      await stop(server);
    }
    rows.push(...rowsOf('embedded PostgreSQL', details.embedded, clients));
  }

  // 2. The machine's PostgreSQL server, in a database made for the run.
  const adminUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: adminUrl });
  const reachable = await admin.connect().then(
    () => true,
    (err) => {
      console.log(`  PostgreSQL server at ${redact(adminUrl)} not reachable (${err.message}): skipped`);
      return false;
    },
  );
  if (reachable) {
    const database = `colloquy_bench_registration_${randomBytes(4).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${database}`);
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    const port = await freePort();
    let server;
    let db;
    try {
      server = await startColloquy({
        dataDir: ctx.newDataDir('registration-server-pg'),
        port,
        logFile: ctx.logFile('registration-server-pg'),
        env: {
          LOG_LEVEL: 'warn',
          PUBLIC_URL: `http://127.0.0.1:${port}`,
          DATABASE_URL: url.toString(),
          SEED_DEMO: 'true',
        },
        nodeFlags: ctx.nodeFlags('registration-server-pg'),
        timeoutMs: 180_000,
      });
      db = new pg.Client({ connectionString: url.toString() });
      await db.connect();
      const { rows: version } = await db.query('SHOW server_version');
      details.serverVersion = version[0].server_version;
      details.server = await measure(server.url, db, { seconds, clients });
      rows.push(
        ...rowsOf(`PostgreSQL ${details.serverVersion.split(' ')[0]} server`, details.server, clients),
      );
    } finally {
      await db?.end();
      if (server) await stop(server);
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
    }
  }
  return { rows, details };
}

function rowsOf(where, m, clients) {
  return [
    row(`registrations/s, ${clients} clients, one session, ${where}`, m.perSecond, 'reg/s'),
    row(`registration p95, ${where}`, m.p95, 'ms'),
  ];
}

function redact(url) {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

/**
 * Opens registration for the session (upcoming, online capacity 1,000), makes PEOPLE accounts with
 * sessions, then runs the clients for `seconds`, each registering the next person.
 */
async function measure(baseUrl, db, { seconds, clients }) {
  const { rows: found } = await db.query(
    `SELECT s.id FROM conversations_sessions s JOIN conversations_series se ON se.id = s.series_id
      WHERE se.slug = $1 AND s.number = $2`,
    [SERIES, SESSION],
  );
  if (!found[0]) throw new Error(`the demo has no session ${SESSION} in ${SERIES}`);
  const sessionId = found[0].id;
  await db.query(
    `UPDATE conversations_sessions SET starts_at = now() + interval '30 days', ends_at = now() + interval '30 days 3 hours',
       is_published = true WHERE id = $1`,
    [sessionId],
  );
  await db.query(
    `INSERT INTO registration_settings (session_id, is_enabled, onsite_capacity, online_capacity)
     VALUES ($1, true, 100, 1000)
     ON CONFLICT (session_id) DO UPDATE SET is_enabled = true, opens_at = NULL, closes_at = NULL,
       onsite_capacity = 100, online_capacity = 1000, online_approval_categories = '{}'`,
    [sessionId],
  );
  const tag = randomBytes(4).toString('hex');
  await db.query(
    `WITH people AS (
       INSERT INTO accounts_users (email, name, country)
       SELECT 'bench-' || $1 || '-' || i || '@example.org', 'Bench person ' || i, 'CH' FROM generate_series(1, $2::int) i
       RETURNING id, email)
     INSERT INTO accounts_sessions (id_hash, user_id, csrf_token, expires_at)
     SELECT encode(sha256(convert_to('bench-token-' || email, 'UTF8')), 'hex'), id, 'csrf-' || email, now() + interval '1 day'
       FROM people`,
    [tag, PEOPLE],
  );

  const url = `${baseUrl}/en/series/${SERIES}/sessions/${SESSION}/register`;
  let next = 0;
  const latencies = [];
  const statuses = {};
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  const worker = async () => {
    while (performance.now() < deadline && next < PEOPLE) {
      const email = `bench-${tag}-${++next}@example.org`;
      const body = new URLSearchParams({
        _csrf: `csrf-${email}`,
        mode: 'online',
        participantCategory: 'other',
        stakeholderGroup: 'individual',
        country: 'CH',
        displayName: 'Bench person',
        consentPublicList: 'on',
      });
      const t0 = performance.now();
      const res = await fetch(url, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: `colloquy_session=bench-token-${email}`,
          origin: baseUrl,
        },
        body,
      });
      await res.arrayBuffer();
      latencies.push(performance.now() - t0);
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: clients }, worker));
  const elapsedS = (performance.now() - started) / 1000;

  const { rows: counts } = await db.query(
    `SELECT status::text, count(*)::int AS n FROM registration_registrations
      WHERE session_id = $1 AND user_id IS NOT NULL GROUP BY status`,
    [sessionId],
  );
  const byStatus = Object.fromEntries(counts.map((c) => [c.status, c.n]));
  const ok = statuses[303] ?? 0;
  if (ok !== latencies.length) throw new Error(`registrations answered ${JSON.stringify(statuses)}`);
  const stored = (byStatus.confirmed ?? 0) + (byStatus.waitlisted ?? 0);
  if (stored !== ok) throw new Error(`${ok} registrations answered 303 but ${stored} are stored`);
  if ((byStatus.confirmed ?? 0) > 1000) throw new Error(`capacity exceeded: ${byStatus.confirmed} confirmed`);
  latencies.sort((a, b) => a - b);
  const at = (q) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] * 10) / 10;
  const result = {
    requests: ok,
    seconds: Math.round(elapsedS * 10) / 10,
    perSecond: Math.round(ok / elapsedS),
    p50: at(0.5),
    p95: at(0.95),
    byStatus,
  };
  console.log(
    `  ${result.requests} registrations in ${result.seconds} s: ${result.perSecond}/s, p50 ${result.p50} ms, p95 ${result.p95} ms ` +
      `(${byStatus.confirmed ?? 0} confirmed, ${byStatus.waitlisted ?? 0} waitlisted)`,
  );
  return result;
}
