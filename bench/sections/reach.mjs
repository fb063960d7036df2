// Reach: the public reach page of a series and of one session at BENCH_REACH_REGISTRATIONS
// registrations (default 100,000; issue 4's target: p95 under 50 ms), and how long the summary
// takes to be recomputed after a change (docs/adr/0021-reach-analytics.md).
//
// On a copy of the seeded demo: the registrations are generated with SQL in the bench's own
// database (people registering for one to several of the series' published sessions, spread over
// 120 countries, every stakeholder group and category, some self-described genders, every status,
// about half attended). The first request finds no summary and computes it inline (timed alone);
// then BENCH_REACH_REQUESTS requests one after the other (default 400, after 20 unmeasured), one
// connection, give p50 and p95 per page. Last, once the summary is 5 s old (the floor between
// refreshes), one registration is changed (bumping the version), the page asked for once, and the
// time until the refreshed summary is stored is the refresh time.
import { processCpuSeconds } from '../lib/cpu.mjs';
import { descendantsOf } from '../lib/proc.mjs';
import { envNumber } from '../lib/context.mjs';
import { row } from '../lib/report.mjs';
import { connectToDataDir, freePort, httpGet, startColloquy, stop } from '../lib/server.mjs';

export const name = 'reach';
export const description = 'reach page p50/p95 at 100,000 registrations; summary refresh time';

const SERIES = 'ip-frontier-technologies';

export async function run(ctx) {
  const registrations = Math.round(envNumber('BENCH_REACH_REGISTRATIONS', 100_000));
  const requests = Math.round(envNumber('BENCH_REACH_REQUESTS', 400));
  const dataDir = await ctx.copyOfSeededDataDir('reach-data');
  const server = await startColloquy({
    dataDir,
    port: await freePort(),
    logFile: ctx.logFile('reach'),
    env: { LOG_LEVEL: 'warn', PAGE_CACHE_ENTRIES: 0 },
    nodeFlags: ctx.nodeFlags('reach'),
    timeoutMs: 120_000,
  });
  const db = await connectToDataDir(dataDir);
  try {
    const { total, sessionNumber } = await generateRegistrations(db, registrations);
    console.log(`  ${total.toLocaleString('en')} registrations in the database`);
    const seriesUrl = `${server.url}/en/series/${SERIES}/reach`;
    const sessionUrl = `${server.url}/ar/series/${SERIES}/sessions/${sessionNumber}/reach`;

    const firstSeries = await timed(seriesUrl);
    const firstSession = await timed(sessionUrl);
    const series = await latencies(seriesUrl, requests, server.pid);
    const session = await latencies(sessionUrl, requests, server.pid);
    const refreshMs = await refreshTime(db, seriesUrl);
    console.log(
      `  series page p50 ${series.p50} ms, p95 ${series.p95} ms (${series.kb} KB); ` +
        `session page p50 ${session.p50} ms, p95 ${session.p95} ms; refresh ${refreshMs} ms`,
    );

    const at = `at ${total.toLocaleString('en')} registrations`;
    return {
      rows: [
        row(`series reach page p50 ${at}`, series.p50, 'ms'),
        row(`series reach page p95 ${at}`, series.p95, 'ms', { below: 50 }),
        row(`session reach page p95 ${at}`, session.p95, 'ms', { below: 50 }),
        row(
          'server CPU per response, series / session page (node + postgres)',
          `${series.cpuMs} / ${session.cpuMs}`,
          'ms',
        ),
        row('first request, no summary yet (computed inline)', firstSeries, 'ms'),
        row('summary refresh after a change (in the background)', refreshMs, 'ms'),
      ],
      details: { registrations: total, requests, series, session, firstSeries, firstSession, refreshMs },
    };
  } finally {
    await db.end();
    await stop(server);
  }
}

/**
 * Tops the database up to `target` registrations on the series' published sessions: person i
 * registers for each session with a probability that makes about 2.5 sessions per person.
 */
async function generateRegistrations(db, target) {
  const { rows: sessions } = await db.query(
    `SELECT s.id, s.number FROM conversations_sessions s JOIN conversations_series sr ON sr.id = s.series_id
      WHERE sr.slug = $1 AND s.is_published ORDER BY s.number`,
    [SERIES],
  );
  if (sessions.length === 0) throw new Error(`the demo has no published session in ${SERIES}`);
  const { rows: existing } = await db.query('SELECT count(*)::int AS n FROM registration_registrations');
  const missing = target - existing[0].n;
  if (missing > 0) {
    const perSession = Math.min(1, 2.5 / sessions.length);
    const people = Math.ceil(missing / (perSession * sessions.length));
    await db.query(
      `INSERT INTO registration_registrations
         (session_id, person_key, mode, status, participant_category, stakeholder_group, country, gender,
          locale, check_in_code, checked_in_at, is_demo)
       SELECT s.id, p.key, CASE WHEN p.i % 3 = 0 THEN 'onsite' ELSE 'online' END::registration_mode,
              (ARRAY['confirmed','confirmed','confirmed','confirmed','confirmed','waitlisted','pending_approval','cancelled'])[1 + (p.i + s.number) % 8]::registration_status,
              (ARRAY['member_state','igo_observer','ngo_observer','other'])[1 + (p.i * 7) % 4]::registration_participant_category,
              (ARRAY['government','ip_office','academia','ip_professional','enterprise','creator','civil_society','media','individual','other'])[1 + (p.i * 13) % 10]::registration_stakeholder_group,
              c.codes[1 + floor(power(((p.i * 7919) % 1000) / 1000.0, 2.2) * array_length(c.codes, 1))::int],
              CASE WHEN p.i % 11 = 0 THEN 'woman' WHEN p.i % 13 = 0 THEN 'man' WHEN p.i % 97 = 0 THEN 'non-binary' END,
              'en', 'B' || p.i || '-' || s.number,
              CASE WHEN (p.i + s.number) % 2 = 0 THEN now() END, true
         FROM (SELECT i, md5('bench-person-' || i)::uuid AS key FROM generate_series(1, $2::int) AS i) p
         CROSS JOIN (SELECT id, number FROM conversations_sessions WHERE id = ANY($1::uuid[])) s
         CROSS JOIN (SELECT ARRAY['CH','FR','US','BR','CN','IN','NG','EG','JP','MX','KE','RU','DE','GB','IT','ES','CA','AR','CL','CO',
                                  'PE','ZA','GH','SN','CI','MA','DZ','TN','SA','AE','IR','TR','PK','BD','LK','TH','VN','ID','MY','PH',
                                  'KR','AU','NZ','FJ','PG','SE','NO','FI','DK','PL','CZ','HU','RO','BG','UA','GR','PT','NL','BE','AT',
                                  'IE','IL','JO','LB','QA','KW','OM','KZ','UZ','MN','NP','MM','KH','LA','SG','ET','TZ','UG','RW','ZM',
                                  'ZW','MZ','AO','CM','CD','CG','GA','ML','BF','NE','TD','SD','LY','CU','DO','HT','JM','TT','PA','CR',
                                  'GT','HN','SV','NI','BO','PY','UY','VE','EC','GY','SR','IS','LU','MT','CY','EE','LV','LT','SK','SI'] AS codes) c
        WHERE ((p.i * 2654435761::bigint + s.number * 40503) % 1000) < $3::float8 * 1000
        LIMIT $4::int`,
      [sessions.map((s) => s.id), people, perSession, missing],
    );
    await db.query('ANALYZE registration_registrations');
  }
  const { rows: count } = await db.query('SELECT count(*)::int AS n FROM registration_registrations');
  return { total: count[0].n, sessionNumber: sessions[Math.floor(sessions.length / 2)].number };
}

async function timed(url) {
  const started = performance.now();
  const res = await httpGet(url, 60_000);
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
  return Math.round(performance.now() - started);
}

/** CPU seconds used so far by the server and everything under it (its PostgreSQL). */
function serverCpuSeconds(pid) {
  return [pid, ...descendantsOf(pid)].reduce((sum, p) => sum + (processCpuSeconds(p) || 0), 0);
}

async function latencies(url, n, serverPid) {
  for (let i = 0; i < 20; i++) await httpGet(url);
  const cpuBefore = serverCpuSeconds(serverPid);
  const times = [];
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    const res = await httpGet(url);
    times.push(performance.now() - started);
    if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
    bytes = res.body.length;
  }
  times.sort((a, b) => a - b);
  const at = (q) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))] * 10) / 10;
  // What a response costs the server (Node + PostgreSQL), whatever else runs on its core.
  const cpuMs = Math.round(((serverCpuSeconds(serverPid) - cpuBefore) / n) * 10_000) / 10;
  return { p50: at(0.5), p95: at(0.95), max: at(1), kb: Math.round(bytes / 1024), cpuMs };
}

/** A change, then a request (served from the old summary; it starts the refresh), then the wait. */
async function refreshTime(db, url) {
  const { rows } = await db.query(
    `SELECT computed_at FROM analytics_reach_summaries WHERE scope = (SELECT 'series:' || id FROM conversations_series WHERE slug = $1)`,
    [SERIES],
  );
  const before = rows[0]?.computed_at?.getTime();
  // A changed summary is recomputed only once it is 5 s old (REACH_MIN_REFRESH_MS): wait for that.
  const wait = 5_100 - (Date.now() - (before ?? 0));
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  await db.query(
    `UPDATE registration_registrations SET checked_in_at = now()
      WHERE id = (SELECT id FROM registration_registrations WHERE checked_in_at IS NULL LIMIT 1)`,
  );
  const started = performance.now();
  await httpGet(url);
  for (;;) {
    const { rows: now } = await db.query(
      `SELECT computed_at FROM analytics_reach_summaries WHERE scope = (SELECT 'series:' || id FROM conversations_series WHERE slug = $1)`,
      [SERIES],
    );
    if (now[0]?.computed_at?.getTime() !== before) break;
    if (performance.now() - started > 60_000)
      throw new Error('the reach summary was not refreshed within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return Math.round(performance.now() - started);
}
