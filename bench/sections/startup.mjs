// Startup: from spawning the server to its first 200 on /en/, on an existing data directory (the
// cluster created, migrated and seeded by an earlier start, as on every start after the first).
// Measured BENCH_STARTS times (default 5) for the command `npm start` runs after building
// (`node … dist/server.js`, read from package.json), and for the whole `npm start`, build
// included. The server is pinned to the server core as in the other sections; the probe (this
// process) polls GET /en/ every 10 ms on a fresh connection, so a figure is at most ~10 ms late.
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { row } from '../lib/report.mjs';
import { commandLine, descendantsOf, processName } from '../lib/proc.mjs';
import {
  colloquyEnv,
  freePort,
  httpGet,
  launch,
  ROOT,
  SERVER_COMMAND,
  spawnColloquy,
  stop,
  waitFor,
} from '../lib/server.mjs';

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

  // `npm start` as a user types it: build, then the server. scripts/build.mjs skips the build when
  // dist/ is newer than its inputs (which it is: `npm run bench` has just built), so it is measured
  // twice: once with the build's stamp removed, which forces a full build as after a code change,
  // and once as is, as on a restart with nothing changed.
  fs.rmSync(path.join(ROOT, 'dist', '.built-at'), { force: true });
  const full = await npmStart(ctx, dataDir, 'full-build');
  console.log(`  npm start, full build: ${Math.round(full.ms)} ms`);
  const again = await npmStart(ctx, dataDir, 'up-to-date');
  // Someone editing src/ meanwhile makes the second build run too: say so rather than mislabel it.
  const againLabel = again.built
    ? 'npm start again, build ran (sources changed meanwhile)'
    : 'npm start, build up to date';
  console.log(`  ${againLabel}: ${Math.round(again.ms)} ms`);
  const npmFullBuildMs = full.ms;
  const npmUpToDateMs = again.ms;

  const sorted = [...times].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  const seconds = (ms) => Math.round(ms / 10) / 100;
  return {
    rows: [
      row(`${SERVER_COMMAND} → first 200, median of ${times.length}`, seconds(median), 's', { below: 3 }),
      row(`${SERVER_COMMAND} → first 200, max of ${times.length}`, seconds(sorted.at(-1)), 's', {
        below: 3,
      }),
      row('npm start, full build → first 200, once', seconds(npmFullBuildMs), 's'),
      row(`${againLabel} → first 200, once`, seconds(npmUpToDateMs), 's'),
      row('first start ever (initdb + migrate + seed) → listening', seconds(firstStartMs), 's'),
    ],
    details: {
      command: SERVER_COMMAND,
      startsMs: times.map(Math.round),
      npmStartFullBuildMs: Math.round(npmFullBuildMs),
      npmStartAgainMs: Math.round(npmUpToDateMs),
      npmStartAgainBuilt: again.built,
      firstStartMs: Math.round(firstStartMs),
    },
  };
}

/**
 * Runs `npm start` (npm and the shell it starts in their own process group, so a failure can stop
 * the whole tree) until GET /en/ answers 200, then stops it. Returns the milliseconds to that 200,
 * and whether the build step really built (scripts/build.mjs prints "built dist/" then, and
 * "dist/ is up to date" when it skips).
 */
async function npmStart(ctx, dataDir, name) {
  const port = await freePort();
  const started = performance.now();
  const npm = launch({
    name: 'npm start',
    command: 'npm',
    args: ['start'],
    env: colloquyEnv({ DATA_DIR: dataDir, PORT: port }),
    logFile: ctx.logFile(`startup-npm-start-${name}`),
    detached: true,
  });
  try {
    await firstOk(npm, `http://127.0.0.1:${port}/en/`);
    const ms = performance.now() - started;
    return { ms, built: !fs.readFileSync(npm.logFile, 'utf8').includes('is up to date') };
  } finally {
    // SIGTERM to the server itself (the node process, not the shell whose command line names it
    // too), as Ctrl-C would; npm exits after it. stop() then waits for, or ends, anything left in
    // npm's process group (the server, its PostgreSQL).
    const server = descendantsOf(npm.pid).find(
      (pid) => processName(pid) === 'node' && commandLine(pid).includes('dist/server.js'),
    );
    if (server) {
      process.kill(server, 'SIGTERM');
      await Promise.race([npm.exited, sleep(20_000)]);
    }
    await stop(npm);
  }
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
