// Idle memory: the resident memory of the Colloquy process after a start, 50 requests over 30
// public pages (six locales × five pages, so the page cache holds 30 pages), then nothing. Read
// 5 s after the last request (the young generation the burst grew is still there) and 35 s after
// it: the server runs one full garbage collection after IDLE_GC_AFTER_S (default 30) seconds
// without a request (ADR 0032), and the target is for the idle server, the 35 s figure. The same
// is measured with that collection off.
// The target is for the Node process alone (VmRSS in /proc/<pid>/status). The embedded PostgreSQL
// (the postmaster, its helpers and one backend per pooled connection, all descendants of the
// server) is reported apart: as a sum of RSS, which counts shared memory (shared_buffers,
// libraries) once per process and so over-states it, and as a sum of PSS, which shares it out.
import { setTimeout as sleep } from 'node:timers/promises';
import { row } from '../lib/report.mjs';
import { descendantsOf, MB, processName, pssBytes, rssBytes } from '../lib/proc.mjs';
import { freePort, httpGet, SERVER_ARGS, SERVER_COMMAND, startColloquy, stop } from '../lib/server.mjs';

export const name = 'memory';
export const description = 'RSS of the server after 50 requests, 5 s and 35 s later; PostgreSQL apart';

const LOCALES = ['en', 'fr', 'es', 'ar', 'zh', 'ru'];
const PAGES = [
  '/',
  '/series/ip-frontier-technologies',
  '/series/ip-frontier-technologies/sessions/9',
  '/speakers',
  '/documents',
];
const REQUESTS = 50;
const IDLE_MS = 5_000;
const LATER_MS = 35_000;

export async function run(ctx) {
  const { dataDir } = await ctx.seededDataDir();
  const idle = await idleServer(ctx, dataDir, SERVER_ARGS, 'memory');
  const noIdleGc = await idleServer(ctx, dataDir, SERVER_ARGS, 'memory-no-idle-gc', { IDLE_GC_AFTER_S: 0 });
  const rows = [
    row(`Colloquy (Node) RSS, idle (${LATER_MS / 1000} s without a request)`, idle.laterRssMb, 'MB', {
      below: 150,
    }),
    row(`Colloquy (Node) RSS, ${IDLE_MS / 1000} s after the last request`, idle.nodeRssMb, 'MB'),
    row(
      `Colloquy (Node) RSS, ${LATER_MS / 1000} s without a request, idle collection off (IDLE_GC_AFTER_S=0)`,
      noIdleGc.laterRssMb,
      'MB',
    ),
    row(`embedded PostgreSQL, ${idle.postgresProcesses} processes, sum of RSS`, idle.postgresRssMb, 'MB'),
  ];
  if (idle.postgresPssMb !== null) {
    rows.push(
      row(`embedded PostgreSQL, ${idle.postgresProcesses} processes, sum of PSS`, idle.postgresPssMb, 'MB'),
    );
  }
  const details = { command: SERVER_COMMAND, requests: REQUESTS, idleMs: IDLE_MS, ...idle, noIdleGc };

  // `--enable-source-maps` keeps the parsed source map of the bundle in memory: show what it costs.
  if (SERVER_ARGS.includes('--enable-source-maps')) {
    const without = await idleServer(
      ctx,
      dataDir,
      SERVER_ARGS.filter((arg) => arg !== '--enable-source-maps'),
      'memory-no-source-maps',
    );
    rows.push(row('Colloquy (Node) RSS, idle, without --enable-source-maps', without.nodeRssMb, 'MB'));
    details.withoutSourceMaps = without;
  }
  return { rows, details };
}

/** Starts the server, sends the warm-up requests, waits, reads memory (twice), stops it. */
async function idleServer(ctx, dataDir, serverArgs, name, env = {}) {
  const server = await startColloquy({
    dataDir,
    port: await freePort(),
    logFile: ctx.logFile(name),
    serverArgs,
    env,
  });
  try {
    const urls = LOCALES.flatMap((locale) => PAGES.map((page) => `${server.url}/${locale}${page}`));
    for (let i = 0; i < REQUESTS; i++) {
      const url = urls[i % urls.length];
      const { status } = await httpGet(url);
      if (status !== 200) throw new Error(`memory warm-up: GET ${url} answered ${status}`);
    }
    await sleep(IDLE_MS);

    const postgres = descendantsOf(server.pid).filter((pid) => processName(pid).startsWith('postgres'));
    const pgPssEach = postgres.map(pssBytes);
    const nodePss = pssBytes(server.pid);
    const now = {
      distinctPages: urls.length,
      nodeRssMb: mb(rssBytes(server.pid)),
      nodePssMb: nodePss === null ? null : mb(nodePss),
      postgresProcesses: postgres.length,
      postgresRssMb: mb(postgres.reduce((sum, pid) => sum + rssBytes(pid), 0)),
      postgresPssMb: pgPssEach.includes(null) ? null : mb(pgPssEach.reduce((a, b) => a + b, 0)),
    };
    await sleep(LATER_MS - IDLE_MS);
    return { ...now, laterRssMb: mb(rssBytes(server.pid)) };
  } finally {
    await stop(server);
  }
}

const mb = (bytes) => Math.round((bytes / MB) * 10) / 10;
