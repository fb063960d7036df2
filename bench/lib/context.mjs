// What every section receives: settings from the environment, a scratch directory, a seeded data
// directory shared by the sections, and a place to record facts for the report header.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectToDataDir, freePort, startColloquy, stop } from './server.mjs';

/** A positive number from the environment (unset or empty: the default); throws naming the variable. */
export function envNumber(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive number (got "${raw}")`);
  return value;
}

/**
 * Settings, all overridable from the environment:
 *   BENCH_DURATION_S     measured seconds per throughput figure (default 10)
 *   BENCH_ROUNDS         slices those seconds are cut into, alternating between servers (default 5)
 *   BENCH_WARMUP_S       seconds of load before each measured run (default 2)
 *   BENCH_CONNECTIONS    concurrent connections (default 10)
 *   BENCH_PIPELINING     requests in flight per connection (default 1)
 *   BENCH_STARTS         measured starts in the startup section (default 5)
 *   BENCH_CPU_PROF=1     run Colloquy with --cpu-prof; profiles go to bench/results/profiles/
 *   BENCH_KEEP=1         keep the scratch directory (data directories and server logs)
 */
export function readSettings() {
  return {
    durationS: envNumber('BENCH_DURATION_S', 10),
    rounds: Math.round(envNumber('BENCH_ROUNDS', 5)),
    warmupS: envNumber('BENCH_WARMUP_S', 2),
    connections: envNumber('BENCH_CONNECTIONS', 10),
    pipelining: envNumber('BENCH_PIPELINING', 1),
    starts: envNumber('BENCH_STARTS', 5),
    cpuProf: process.env.BENCH_CPU_PROF === '1',
    keep: process.env.BENCH_KEEP === '1',
  };
}

export function createContext({ settings, resultsDir }) {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'colloquy-bench-'));
  // Run as root, Colloquy starts PostgreSQL as the `postgres` user, which must reach DATA_DIR.
  fs.chmodSync(scratch, 0o755);
  const facts = {};
  let seeded;

  const ctx = {
    settings,
    scratch,
    resultsDir,
    facts,

    /** A path for a process's log in the scratch directory. */
    logFile(name) {
      return path.join(scratch, `${name}.log`);
    },

    /** A new, empty directory to use as DATA_DIR. */
    newDataDir(name) {
      const dir = path.join(scratch, name);
      fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
      return dir;
    },

    /**
     * A data directory with the cluster created, migrated and the demo seeded, shared by every
     * section (each starts its own server on it, one at a time). Made on first use by one start of
     * Colloquy, which is timed (`firstStartMs`: spawn to the listening line, initdb and seed
     * included) and used to read the PostgreSQL version.
     */
    async seededDataDir() {
      seeded ??= (async () => {
        const dataDir = ctx.newDataDir('data');
        const started = performance.now();
        const server = await startColloquy({
          dataDir,
          port: await freePort(),
          logFile: ctx.logFile('first-start'),
          timeoutMs: 120_000,
        });
        const firstStartMs = performance.now() - started;
        try {
          facts.postgresVersion = await postgresVersion(dataDir);
        } finally {
          await stop(server);
        }
        return { dataDir, firstStartMs };
      })();
      return seeded;
    },

    /**
     * A copy of the seeded data directory, for a server that runs at the same time as others (one
     * data directory serves one server at a time). `cp -a` keeps the cluster's owner and modes,
     * which PostgreSQL checks.
     */
    async copyOfSeededDataDir(name) {
      const { dataDir } = await ctx.seededDataDir();
      const copy = path.join(scratch, name);
      execFileSync('cp', ['-a', dataDir, copy]);
      return copy;
    },

    /** Extra node flags for Colloquy: --cpu-prof into bench/results/profiles/<name> when asked. */
    nodeFlags(name) {
      if (!settings.cpuProf) return [];
      const dir = path.join(resultsDir, 'profiles', name);
      fs.mkdirSync(dir, { recursive: true });
      return ['--cpu-prof', `--cpu-prof-dir=${dir}`];
    },

    /** Removes the scratch directory (data directories, logs) unless BENCH_KEEP=1. */
    cleanup() {
      if (settings.keep) {
        console.log(`\nKept ${scratch} (BENCH_KEEP=1): data directories and server logs.`);
        return;
      }
      fs.rmSync(scratch, { recursive: true, force: true });
    },
  };
  return ctx;
}

/**
 * `SHOW server_version` on the embedded PostgreSQL of a Colloquy running on `dataDir`.
 */
export async function postgresVersion(dataDir) {
  const client = await connectToDataDir(dataDir);
  try {
    const { rows } = await client.query('SHOW server_version');
    return rows[0].server_version;
  } finally {
    await client.end();
  }
}
