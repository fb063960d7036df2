// Session page throughput: requests/s for one public page served by
//   - Colloquy with its page cache on (every request after the first is a cache hit),
//   - Colloquy with PAGE_CACHE_ENTRIES=0 (every request is routed, queries PostgreSQL, renders the
//     Preact tree to HTML, hashes it for the ETag),
//   - a raw node:http server (bench/raw-server.mjs) answering the very same bytes and headers.
// The raw server is the ceiling for this machine, core and page size; the ratios say how close
// Colloquy gets.
//
// All five servers are started first, each Colloquy on its own copy of the seeded data directory
// (so with its own embedded PostgreSQL), all pinned to the server core. Only one is loaded at a
// time; the idle ones use next to no CPU. Each gets a warm-up, then the measured seconds are cut
// into BENCH_ROUNDS slices taken in turn (raw, cached, …, raw, cached, …), so that a burst of
// activity from another process on the machine lowers every figure a little rather than one
// figure a lot, and the ratios stay fair.
import fs from 'node:fs';
import path from 'node:path';
import { LOAD_CORE, SERVER_CORE } from '../lib/cpu.mjs';
import { assertAllOk, measure } from '../lib/load.mjs';
import { row } from '../lib/report.mjs';
import { freePort, httpGet, startColloquy, startRawServer, stop } from '../lib/server.mjs';

export const name = 'session-page';
export const description = 'requests/s for the session page: cached, uncached, raw node:http';

export const PAGE = '/en/series/ip-frontier-technologies/sessions/9';

/** Headers that change per request or per connection; node:http sets its own where they apply. */
const PER_RESPONSE_HEADERS = [
  'date',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
  'x-request-id',
];

/** The Colloquy configurations measured, besides the raw server. */
const COLLOQUY_CONFIGS = [
  // Headline configuration: nothing is logged per request.
  { key: 'cached', label: 'Colloquy, page cache on, LOG_LEVEL=warn', env: { LOG_LEVEL: 'warn' } },
  // The default configuration: one JSON log line per request, here written to a file.
  {
    key: 'cachedInfo',
    label: 'Colloquy, page cache on, LOG_LEVEL=info to a file',
    env: { LOG_LEVEL: 'info' },
  },
  {
    key: 'uncached',
    label: 'Colloquy, PAGE_CACHE_ENTRIES=0, LOG_LEVEL=warn',
    env: { PAGE_CACHE_ENTRIES: 0, LOG_LEVEL: 'warn' },
  },
  {
    key: 'uncachedInfo',
    label: 'Colloquy, PAGE_CACHE_ENTRIES=0, LOG_LEVEL=info to a file',
    env: { PAGE_CACHE_ENTRIES: 0, LOG_LEVEL: 'info' },
  },
];

export async function run(ctx) {
  const { durationS, warmupS, connections, pipelining, rounds } = ctx.settings;
  const servers = [];
  try {
    // ── Start everything ──────────────────────────────────────────────────────────────────────
    for (const config of COLLOQUY_CONFIGS) {
      const server = await startColloquy({
        dataDir: await ctx.copyOfSeededDataDir(`data-${config.key}`),
        port: await freePort(),
        logFile: ctx.logFile(`session-page-${config.key}`),
        env: config.env,
        nodeFlags: ctx.nodeFlags(`session-page-${config.key}`),
      });
      servers.push({ ...config, server, url: `${server.url}${PAGE}` });
    }

    // The page as Colloquy sends it (the first request renders it): the raw server's bytes.
    const reference = await httpGet(servers[0].url);
    if (reference.status !== 200) throw new Error(`GET ${PAGE} answered ${reference.status}, not 200`);
    const bodyFile = path.join(ctx.scratch, 'session-page.html');
    const headersFile = path.join(ctx.scratch, 'session-page.headers.json');
    fs.writeFileSync(bodyFile, reference.body);
    const headers = Object.fromEntries(
      Object.entries(reference.headers).filter(([header]) => !PER_RESPONSE_HEADERS.includes(header)),
    );
    fs.writeFileSync(headersFile, JSON.stringify(headers));
    const raw = await startRawServer({
      port: await freePort(),
      bodyFile,
      headersFile,
      logFile: ctx.logFile('session-page-raw'),
    });
    servers.unshift({
      key: 'raw',
      label: 'raw node:http, same bytes',
      server: raw,
      url: `${raw.url}${PAGE}`,
    });

    for (const s of servers) checkSame(await httpGet(s.url), reference, s.label);

    // ── Warm up each, then measure in alternating slices ──────────────────────────────────────
    const load = (s, seconds) =>
      measure({
        url: s.url,
        connections,
        pipelining,
        durationS: seconds,
        warmupS: 0,
        serverPid: s.server.pid,
      });
    for (const s of servers) assertAllOk(await load(s, warmupS), `${s.label}, warm-up`);
    const slices = Object.fromEntries(servers.map((s) => [s.key, []]));
    const sliceS = durationS / rounds;
    for (let round = 0; round < rounds; round++) {
      // Rotate the order every round, so no server always follows the same one.
      const order = servers.map((_, i) => servers[(i + round) % servers.length]);
      for (const s of order) {
        const result = await load(s, sliceS);
        assertAllOk(result, `${s.label}, slice ${round + 1}`);
        slices[s.key].push(result);
      }
    }
    const runs = Object.fromEntries(
      servers.map((s) => [s.key, { label: s.label, ...combine(slices[s.key]), slices: slices[s.key] }]),
    );
    for (const s of servers) describe(s.label, runs[s.key]);
    return { rows: rowsOf(runs), details: { page: PAGE, pageBytes: reference.body.length, headers, runs } };
  } finally {
    for (const s of servers) await stop(s.server);
  }
}

/** The figures of several slices of one server as one run: totals over the total time. */
function combine(slices) {
  const sum = (f) => slices.reduce((total, s) => total + f(s), 0);
  const durationS = sum((s) => s.durationS);
  const requestsTotal = sum((s) => s.requestsTotal);
  const weighted = (f) => sum((s) => f(s) * s.durationS) / durationS;
  return {
    requestsPerSec: requestsTotal / durationS,
    requestsTotal,
    durationS: Math.round(durationS * 100) / 100,
    latencyMs: {
      p50: median(slices.map((s) => s.latencyMs.p50)),
      p99: Math.max(...slices.map((s) => s.latencyMs.p99)),
    },
    loadGeneratorCpuS: sum((s) => s.loadGeneratorCpuS),
    serverCpu: {
      node: round2(weighted((s) => s.serverCpu.node)),
      postgres: round2(weighted((s) => s.serverCpu.postgres)),
      other: round2(weighted((s) => s.serverCpu.other)),
    },
    serverCpuMicrosPerRequest: Math.round(
      sum((s) => s.serverCpuMicrosPerRequest * s.requestsTotal) / requestsTotal,
    ),
    coreBusy: Object.fromEntries(
      Object.keys(slices[0].coreBusy).map((core) => [core, round2(weighted((s) => s.coreBusy[core]))]),
    ),
  };
}

function rowsOf(runs) {
  const rps = (key) => Math.round(runs[key].requestsPerSec);
  const ratio = (key) => round2(runs[key].requestsPerSec / runs.raw.requestsPerSec);
  const latency = (key) => ({ p50Ms: runs[key].latencyMs.p50, p99Ms: runs[key].latencyMs.p99 });
  const micros = (key) => runs[key].serverCpuMicrosPerRequest;
  // The same comparisons by server CPU per response: they hold even when the load generator, not
  // the server, was the limit (as it can be for raw and cached, see docs/benchmarks.md).
  const cpuRatio = (key) => round2(micros('raw') / micros(key));
  return [
    row('raw node:http, same bytes', rps('raw'), 'req/s', undefined, latency('raw')),
    row('cached, LOG_LEVEL=warn', rps('cached'), 'req/s', undefined, latency('cached')),
    row('cached / raw, req/s (LOG_LEVEL=warn)', ratio('cached'), '×', { min: 0.6 }),
    row('cached, LOG_LEVEL=info to file', rps('cachedInfo'), 'req/s', undefined, latency('cachedInfo')),
    row('cached / raw, req/s (LOG_LEVEL=info to file)', ratio('cachedInfo'), '×', { min: 0.6 }),
    row('uncached, LOG_LEVEL=warn, one core', rps('uncached'), 'req/s', { min: 1000 }, latency('uncached')),
    row(
      'uncached, LOG_LEVEL=info to file, one core',
      rps('uncachedInfo'),
      'req/s',
      { min: 1000 },
      latency('uncachedInfo'),
    ),
    row('uncached / raw, req/s (LOG_LEVEL=warn)', ratio('uncached'), '×'),
    row('server CPU per response: raw', micros('raw'), 'µs'),
    row('server CPU per response: cached, warn', micros('cached'), 'µs'),
    row('server CPU per response: cached, info to file', micros('cachedInfo'), 'µs'),
    row('server CPU per response: uncached, warn (node + postgres)', micros('uncached'), 'µs'),
    row('cached / raw, by CPU per response (LOG_LEVEL=warn)', cpuRatio('cached'), '×', { min: 0.6 }),
    row('cached / raw, by CPU per response (LOG_LEVEL=info to file)', cpuRatio('cachedInfo'), '×', {
      min: 0.6,
    }),
    row(
      'uncached, one full core, from CPU per response (warn)',
      Math.round(1e6 / micros('uncached')),
      'req/s',
      {
        min: 1000,
      },
    ),
  ];
}

const round2 = (n) => Math.round(n * 100) / 100;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Fails unless a response has the status and content type of the reference; warns if its bytes differ. */
function checkSame(response, reference, label) {
  if (response.status !== 200) throw new Error(`${label}: answered ${response.status}, not 200`);
  if (response.headers['content-type'] !== reference.headers['content-type']) {
    throw new Error(
      `${label}: content-type ${response.headers['content-type']}, expected ${reference.headers['content-type']}`,
    );
  }
  if (!response.body.equals(reference.body)) {
    console.warn(
      `  ! ${label}: the page's bytes differ from the first fetch (${response.body.length} vs ${reference.body.length} bytes)`,
    );
  }
}

/** One line per server, with what the summary table leaves out, and warnings about the machine. */
function describe(label, r) {
  const cpu =
    `server CPU: node ${r.serverCpu.node}, postgres ${r.serverCpu.postgres} cores, ` +
    `${r.serverCpuMicrosPerRequest} µs per response`;
  const cores = Object.entries(r.coreBusy)
    .map(([core, busy]) => `${core} ${Math.round(busy * 100)}%`)
    .join(', ');
  const loadCpu = Math.round((r.loadGeneratorCpuS / r.durationS) * 100);
  console.log(
    `  ${label}: ${Math.round(r.requestsPerSec).toLocaleString('en-US')} req/s, ` +
      `latency p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms; ${cpu}; ` +
      `load generator ${loadCpu}% of a core; cores busy: ${cores}`,
  );
  // The server is alone on its core only if nothing else on the machine ran there meanwhile.
  const serverCore = r.coreBusy[`cpu${SERVER_CORE}`];
  const foreign = serverCore - r.serverCpu.node - r.serverCpu.postgres - r.serverCpu.other;
  if (foreign > 0.1) {
    console.warn(
      `  ! ${Math.round(foreign * 100)}% of core ${SERVER_CORE} went to other processes meanwhile: ` +
        'the machine was not quiet, this figure is too low',
    );
  }
  const loadCore = r.coreBusy[`cpu${LOAD_CORE}`] ?? 0;
  if (loadCpu >= 70 || loadCore >= 0.9) {
    console.warn(
      `  ! the load generator's core was ${Math.round(loadCore * 100)}% busy (autocannon ${loadCpu}%): ` +
        'it may be the limit, and the server able to serve more than measured',
    );
  }
}
