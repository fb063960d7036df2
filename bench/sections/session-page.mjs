// Session page throughput: requests/s for one public page served by
//   - Colloquy with its page cache on (every request after the first is a cache hit),
//   - Colloquy with PAGE_CACHE_ENTRIES=0 (every request is routed, queries PostgreSQL, renders the
//     Preact tree to HTML, hashes it for the ETag),
//   - a raw node:http server (bench/raw-server.mjs) answering the very same bytes and headers.
// The raw server is the ceiling for this machine, core and page size; the ratios say how close
// Colloquy gets. Each server runs alone on the server core, PostgreSQL included; the load
// generator has the other core. Each run: a fresh server, a warm-up, then the measured run.
import fs from 'node:fs';
import path from 'node:path';
import { SERVER_CORE } from '../lib/cpu.mjs';
import { measure, assertAllOk } from '../lib/load.mjs';
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

export async function run(ctx) {
  const { dataDir } = await ctx.seededDataDir();
  const { durationS, warmupS, connections, pipelining } = ctx.settings;
  const runs = {};
  let reference;

  /** Starts one Colloquy configuration, checks its page, loads it, stops it. */
  const colloquyRun = async (key, label, env) => {
    const server = await startColloquy({
      dataDir,
      port: await freePort(),
      logFile: ctx.logFile(`session-page-${key}`),
      env,
      nodeFlags: ctx.nodeFlags(`session-page-${key}`),
    });
    try {
      const url = `${server.url}${PAGE}`;
      const first = await httpGet(url);
      if (first.status !== 200) throw new Error(`${label}: GET ${PAGE} answered ${first.status}`);
      reference ??= first; // the bytes the raw server will send
      checkSame(first, reference, label);
      runs[key] = await loadRun(label, url, server.pid);
    } finally {
      await stop(server);
    }
  };

  const loadRun = async (label, url, serverPid) => {
    const result = await measure({ url, connections, pipelining, durationS, warmupS, serverPid });
    assertAllOk(result, label);
    describe(label, result, durationS);
    return { label, ...result };
  };

  // Headline configuration: request logging at warn (so nothing per request is written).
  await colloquyRun('cached', 'Colloquy, page cache on, LOG_LEVEL=warn', { LOG_LEVEL: 'warn' });

  // The baseline, with the bytes and headers Colloquy just sent.
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
  try {
    const url = `${raw.url}${PAGE}`;
    checkSame(await httpGet(url), reference, 'raw node:http');
    runs.raw = await loadRun('raw node:http, same bytes', url, raw.pid);
  } finally {
    await stop(raw);
  }

  // The default configuration: one JSON log line per request, here written to a file.
  await colloquyRun('cachedInfo', 'Colloquy, page cache on, LOG_LEVEL=info to a file', { LOG_LEVEL: 'info' });
  await colloquyRun('uncached', 'Colloquy, PAGE_CACHE_ENTRIES=0, LOG_LEVEL=warn', {
    PAGE_CACHE_ENTRIES: 0,
    LOG_LEVEL: 'warn',
  });
  await colloquyRun('uncachedInfo', 'Colloquy, PAGE_CACHE_ENTRIES=0, LOG_LEVEL=info to a file', {
    PAGE_CACHE_ENTRIES: 0,
    LOG_LEVEL: 'info',
  });

  const rps = (key) => Math.round(runs[key].requestsPerSec);
  const ratio = (key) => Math.round((runs[key].requestsPerSec / runs.raw.requestsPerSec) * 100) / 100;
  const latency = (key) => ({ p50Ms: runs[key].latencyMs.p50, p99Ms: runs[key].latencyMs.p99 });
  const rows = [
    row('raw node:http, same bytes', rps('raw'), 'req/s', undefined, latency('raw')),
    row('cached, LOG_LEVEL=warn', rps('cached'), 'req/s', undefined, latency('cached')),
    row('cached / raw (LOG_LEVEL=warn)', ratio('cached'), '×', { min: 0.6 }),
    row('cached, LOG_LEVEL=info to file', rps('cachedInfo'), 'req/s', undefined, latency('cachedInfo')),
    row('cached / raw (LOG_LEVEL=info to file)', ratio('cachedInfo'), '×', { min: 0.6 }),
    row('uncached, LOG_LEVEL=warn, one core', rps('uncached'), 'req/s', { min: 1000 }, latency('uncached')),
    row(
      'uncached, LOG_LEVEL=info to file, one core',
      rps('uncachedInfo'),
      'req/s',
      { min: 1000 },
      latency('uncachedInfo'),
    ),
    row('uncached / raw (LOG_LEVEL=warn)', ratio('uncached'), '×'),
  ];
  return {
    rows,
    details: {
      page: PAGE,
      pageBytes: reference.body.length,
      contentType: reference.headers['content-type'],
      runs,
    },
  };
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

/** One line per run while the bench goes, with what the summary table leaves out. */
function describe(label, r, durationS) {
  const cpu = r.serverCpu
    ? `server CPU: node ${r.serverCpu.node}, postgres ${r.serverCpu.postgres} cores`
    : 'server CPU: n/a';
  const cores = Object.entries(r.coreBusy)
    .map(([core, busy]) => `${core} ${Math.round(busy * 100)}%`)
    .join(', ');
  const loadCpu = Math.round((r.loadGeneratorCpuS / durationS) * 100);
  console.log(
    `  ${label}: ${Math.round(r.requestsPerSec).toLocaleString('en-US')} req/s, ` +
      `latency p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms; ${cpu}; ` +
      `load generator ${loadCpu}% of a core; cores busy: ${cores}`,
  );
  // The server is alone on its core only if nothing else on the machine ran there meanwhile.
  const serverCore = `cpu${SERVER_CORE}`;
  if (r.serverCpu && r.coreBusy[serverCore] !== undefined) {
    const foreign = r.coreBusy[serverCore] - r.serverCpu.node - r.serverCpu.postgres - r.serverCpu.other;
    if (foreign > 0.1) {
      console.warn(
        `  ! ${Math.round(foreign * 100)}% of core ${SERVER_CORE} went to other processes during this run: ` +
          'the machine is not quiet, this figure is too low',
      );
    }
  }
  if (loadCpu >= 90) {
    console.warn(`  ! the load generator was saturated: ${label} may be able to serve more than measured`);
  }
}
