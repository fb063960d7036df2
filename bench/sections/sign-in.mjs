// Sign-in: how many password sign-ins one core completes per second. A sign-in here is what
// POST /{locale}/sign-in/password costs beyond the HTTP layer: `signInWithPassword` (look the
// person up, one scrypt verification with the stored parameters, N = 2^15, r = 8, p = 1, on
// libuv's thread pool; write lastSignInAt) and `createSession` (one INSERT into accounts_sessions).
// The HTTP route itself is rate-limited per IP and per address, so it cannot be loaded from one
// client; its other work (form parsing, CSRF check, redirect) is small beside scrypt.
//
// The measurement runs in a child process (this file with --worker, TypeScript sources loaded
// through tsx) pinned to the server core, on its own copy of the seeded data directory: that process
// starts the embedded PostgreSQL, which inherits the pinning, so "one core" is Node, its thread pool
// and PostgreSQL together, as for the server figures.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { processCpuSeconds } from '../lib/cpu.mjs';
import { descendantsOf } from '../lib/proc.mjs';
import { row } from '../lib/report.mjs';
import { colloquyEnv, launch, logTail, NODE, stop } from '../lib/server.mjs';

export const name = 'sign-in';
export const description = 'password sign-ins per second (scrypt verification + session row), one core';

const SELF = fileURLToPath(import.meta.url);
/** Sign-ins in flight at once: libuv's default thread pool has 4 threads for scrypt. */
const CONCURRENCY = 4;

export async function run(ctx) {
  const dataDir = await ctx.copyOfSeededDataDir('sign-in');
  const resultFile = path.join(ctx.scratch, 'sign-in-result.json');
  const worker = launch({
    name: 'sign-in worker',
    command: NODE,
    args: ['--import', 'tsx', SELF, '--worker'],
    env: colloquyEnv({
      DATA_DIR: dataDir,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      BENCH_SIGN_IN_SECONDS: ctx.settings.durationS,
      BENCH_SIGN_IN_WARMUP_S: ctx.settings.warmupS,
      BENCH_SIGN_IN_RESULT: resultFile,
    }),
    logFile: ctx.logFile('sign-in'),
  });
  const exit = await worker.exited;
  if (exit !== 0 || !fs.existsSync(resultFile)) {
    await stop(worker);
    throw new Error(`sign-in worker failed (${exit}):\n${logTail(worker, 30)}`);
  }
  const result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
  console.log(
    `  ${result.signIns} sign-ins in ${result.seconds.toFixed(1)} s (${CONCURRENCY} at once): ${result.signInsPerSecond}/s on the pinned core, ` +
      `${result.signInsPerCpuSecond} per CPU-second (Node + PostgreSQL); one alone ${result.singleMedianMs} ms median; ` +
      `scrypt alone ${result.verificationsPerCpuSecond} per CPU-second; load average ${result.loadAverage.join(' ')}`,
  );
  return {
    rows: [
      row(
        'password sign-ins per CPU-second (scrypt + session; Node + PostgreSQL)',
        result.signInsPerCpuSecond,
        '/s',
      ),
      row(
        `password sign-ins per second on the pinned core, ${CONCURRENCY} at once`,
        result.signInsPerSecond,
        '/s',
      ),
      row('one sign-in alone, median (wall clock)', result.singleMedianMs, 'ms'),
      row('scrypt verifications alone per CPU-second', result.verificationsPerCpuSecond, '/s'),
    ],
    details: result,
  };
}

// ── The worker ─────────────────────────────────────────────────────────────────────────────────────

async function worker() {
  const seconds = Number(process.env.BENCH_SIGN_IN_SECONDS ?? 10);
  const warmupS = Number(process.env.BENCH_SIGN_IN_WARMUP_S ?? 2);
  const { loadConfig } = await import('../../src/config.ts');
  const { createLogger } = await import('../../src/platform/logger.ts');
  const { openRuntime } = await import('../../src/runtime.ts');
  const { users } = await import('../../src/modules/accounts/accounts.tables.ts');
  const accounts = await import('../../src/modules/accounts/index.ts');
  /** CPU seconds of this process (its thread pool included) and its PostgreSQL, so far. */
  const cpuSeconds = () =>
    [process.pid, ...descendantsOf(process.pid)].reduce((sum, pid) => sum + processCpuSeconds(pid), 0);

  const config = loadConfig();
  const runtime = await openRuntime(config, createLogger('warn'), { mailWorker: false });
  const { deps } = runtime;
  try {
    const email = 'bench-sign-in@example.org';
    const password = 'correct horse battery staple';
    await deps.db.insert(users).values({ email, passwordHash: await accounts.hashPassword(password) });

    const signInOnce = async () => {
      const result = await accounts.signInWithPassword(deps, { email, password });
      if (!result.ok) throw new Error(`sign-in refused: ${result.reason}`);
      await accounts.createSession(deps, result.userId);
    };
    /** Runs `task` with CONCURRENCY in flight for `forS` seconds; returns how many finished. */
    const load = async (task, forS) => {
      const until = performance.now() + forS * 1000;
      let done = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (performance.now() < until) {
            await task();
            done++;
          }
        }),
      );
      return done;
    };

    await load(signInOnce, warmupS);
    const started = performance.now();
    const cpuBefore = cpuSeconds();
    const signIns = await load(signInOnce, seconds);
    const signInCpuS = cpuSeconds() - cpuBefore;
    const elapsedS = (performance.now() - started) / 1000;

    const single = [];
    for (let i = 0; i < 15; i++) {
      const t = performance.now();
      await signInOnce();
      single.push(performance.now() - t);
    }
    single.sort((a, b) => a - b);

    const hash = await accounts.hashPassword(password);
    const verifyS = Math.min(3, seconds);
    const verifyCpuBefore = cpuSeconds();
    const verifications = await load(() => accounts.verifyPassword(password, hash), verifyS);
    const verifyCpuS = cpuSeconds() - verifyCpuBefore;

    const result = {
      concurrency: CONCURRENCY,
      seconds: elapsedS,
      signIns,
      signInsPerSecond: Math.round((signIns / elapsedS) * 10) / 10,
      singleMedianMs: Math.round(single[Math.floor(single.length / 2)] * 10) / 10,
      verificationsPerSecond: Math.round((verifications / verifyS) * 10) / 10,
      cpuSeconds: Math.round(signInCpuS * 100) / 100,
      signInsPerCpuSecond: Math.round((signIns / signInCpuS) * 10) / 10,
      verificationsPerCpuSecond: Math.round((verifications / verifyCpuS) * 10) / 10,
      loadAverage: os.loadavg().map((n) => Math.round(n * 100) / 100),
      scrypt: 'N=32768 r=8 p=1, 32-byte key',
      threadPool: Number(process.env.UV_THREADPOOL_SIZE ?? 4),
    };
    fs.writeFileSync(process.env.BENCH_SIGN_IN_RESULT, JSON.stringify(result));
  } finally {
    await runtime.close();
  }
}

if (process.argv.includes('--worker')) {
  await worker();
}
