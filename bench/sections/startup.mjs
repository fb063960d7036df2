// Startup: from spawning the server to its first 200 on /en/, on an existing data directory (the
// cluster created, migrated and seeded by an earlier start, as on every start after the first).
// Measured BENCH_STARTS times (default 5) for `node dist/server.js`, which is what `npm start` runs
// after building, and once for the whole `npm start`, build included. The server is pinned to the
// server core as in the other sections; the probe (this process) polls GET /en/ every 10 ms on a
// fresh connection, so a figure is at most ~10 ms late.
import { row } from '../lib/report.mjs';
import { commandLine, descendantsOf } from '../lib/proc.mjs';
import { colloquyEnv, freePort, httpGet, launch, spawnColloquy, stop, waitFor } from '../lib/server.mjs';

export const name = 'startup';
export const description = 'time from spawn to the first 200 on /en/, existing data directory';

const POLL_MS = 10;

export async function run(ctx) {
  const { dataDir, firstStartMs } = await ctx.seededDataDir();

  const times = [];
  for (let i = 0; i < ctx.settings.starts; i++) {
    const port = await freePort();
    const started = performance.now();
    const server = spawnColloquy({ dataDir, port, logFile: ctx.logFile(`startup-${i + 1}`) });
    try {
      await firstOk(server, `http://127.0.0.1:${port}/en/`);
      times.push(performance.now() - started);
    } finally {
      await stop(server);
    }
    console.log(`  start ${i + 1}: ${Math.round(times.at(-1))} ms`);
  }

  // `npm start` as a user types it: build, then node dist/server.js. npm and the shell it starts
  // get their own process group (detached), so a failure can stop the whole tree.
  const port = await freePort();
  const started = performance.now();
  const npm = launch({
    name: 'npm start',
    command: 'npm',
    args: ['start'],
    env: colloquyEnv({ DATA_DIR: dataDir, PORT: port }),
    logFile: ctx.logFile('startup-npm-start'),
    detached: true,
  });
  let npmStartMs;
  try {
    await firstOk(npm, `http://127.0.0.1:${port}/en/`);
    npmStartMs = performance.now() - started;
  } finally {
    // SIGTERM to the server itself, as Ctrl-C would, then npm exits with it.
    const server = descendantsOf(npm.pid).find((pid) => commandLine(pid).includes('dist/server.js'));
    if (server) process.kill(server, 'SIGTERM');
    await stop(npm);
  }
  console.log(`  npm start: ${Math.round(npmStartMs)} ms`);

  const sorted = [...times].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  const seconds = (ms) => Math.round(ms / 10) / 100;
  return {
    rows: [
      row(`node dist/server.js → first 200, median of ${times.length}`, seconds(median), 's', { below: 3 }),
      row(`node dist/server.js → first 200, max of ${times.length}`, seconds(sorted.at(-1)), 's', {
        below: 3,
      }),
      row('npm start (build + start) → first 200, once', seconds(npmStartMs), 's'),
      row('first start ever (initdb + migrate + seed) → listening', seconds(firstStartMs), 's'),
    ],
    details: {
      startsMs: times.map(Math.round),
      npmStartMs: Math.round(npmStartMs),
      firstStartMs: Math.round(firstStartMs),
    },
  };
}

/** Waits until GET url answers 200 (connection refused and other statuses mean "not yet"). */
async function firstOk(handle, url) {
  await waitFor(
    handle,
    async () => (await httpGet(url, 5_000).catch(() => undefined))?.status === 200,
    60_000,
    POLL_MS,
  );
}
