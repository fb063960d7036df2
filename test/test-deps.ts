// The database fixture for service and route tests (STYLE.md §10). Each test file gets its own
// database, copied from the template that test/global-setup.ts migrated once for the whole run
// (CREATE DATABASE … TEMPLATE …, tens of milliseconds). Files run in parallel without seeing each
// other's rows; tests inside one file share the database, so make your own data with factories and
// assert on it, never on table totals.
//
// Three ways to use it, pick one per file:
//
//   // 1. A fixture, as in STYLE.md: `deps` is created once per file, closed after its last test.
//   import { dbTest as test } from '../../../test/test-deps';
//   test('approves the question', async ({ deps }) => {
//     const question = await askQuestion(deps, { ... });
//     expect(question.status).toBe('approved');
//   });
//
//   // 1b. `isolatedDbTest`: the same, but a fresh database for every test (slower: ~0.1 s each).
//   // For tests of site-wide answers (totals, "the primary series") that a neighbour's rows would change.
//
//   // 2. Hooks: beforeAll creates, afterAll closes; call the getter inside tests.
//   const deps = useTestDeps();
//   test('approves the question', async () => { await askQuestion(deps(), { ... }); });
//
//   // 3. By hand, when a test needs a database of its own (e.g. two app instances):
//   const deps = await createTestDeps({ env: { PAGE_CACHE_ENTRIES: '0' } });
//   try { ... } finally { await deps.close(); }
//
// Mail: `deps.mailer` keeps every message in the outbox as `held` (no SMTP_URL), which a test can
// read with the functions of src/platform/mail/outbox.repo.ts. To receive mail for real, start an
// SMTP server on loopback (test/smtp-sink.ts) and pass its URL: the queue and the mail worker then
// run for this database until `close()`.
//   const deps = await createTestDeps({ env: { SMTP_URL: sink.url, MAIL_POLL_INTERVAL_S: '0.5' } });
import { randomBytes } from 'node:crypto';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { afterAll, beforeAll, inject, test } from 'vitest';
import { loadConfig } from '../src/config';
import type { Db } from '../src/db/client';
import * as schema from '../src/db/schema';
import type { Deps } from '../src/deps';
import { fixedClock, type Clock } from '../src/platform/clock';
import { createLogger, type Logger } from '../src/platform/logger';
import { startMail, type Mail } from '../src/platform/mail/start-mail';

/** The moment every test's clock stands still at, unless a test passes its own. */
export const TEST_NOW = '2026-11-25T10:00:00Z';

export interface TestDeps extends Deps {
  pool: pg.Pool;
  /** The mail queue and worker behind `mailer` (they do nothing without SMTP_URL). */
  mail: Mail;
  /** Connection string of this file's database, e.g. for a LISTEN client or a second app. */
  url: string;
  /** Ends the pool and drops the database. Safe to call twice. */
  close(): Promise<void>;
}

export interface TestDepsOverrides {
  /** Extra environment for loadConfig, on top of the test defaults. */
  env?: Record<string, string>;
  clock?: Clock;
  log?: Logger;
  /** With SMTP_URL: run the mail worker (default), or only queue, to look at queued mail. */
  mailWorker?: boolean;
}

/** Creates a fresh, migrated database and the Deps to use it. Call `close()` when done. */
export async function createTestDeps(overrides: TestDepsOverrides = {}): Promise<TestDeps> {
  const adminUrl = inject('pgAdminUrl');
  const template = inject('pgTemplate');
  const name = `${inject('pgTestDbPrefix')}${randomBytes(6).toString('hex')}`;
  await adminQuery(
    adminUrl,
    `CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(template)}`,
  );

  const url = withDatabase(adminUrl, name);
  const config = loadConfig({
    DATABASE_URL: url,
    SEED_DEMO: 'false',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DB_POOL_SIZE: '5',
    // No hourly outbox sweep behind a test's back; retention.test.ts turns it on where it is tested.
    MAIL_RETENTION_DAYS: '0',
    ...overrides.env,
  });
  const pool = new pg.Pool({
    connectionString: url,
    max: config.DB_POOL_SIZE,
    application_name: 'colloquy-test',
  });
  // pool.end() resolves once it has told its clients to end, not once their connections have
  // closed: a DROP … WITH (FORCE) in between terminates them, and the terminated client throws an
  // uncaught 57P01 ("terminating connection due to administrator command") into the test file.
  // Count the pool's connections so that close() can wait for the last one.
  let openClients = 0;
  let lastClosed: (() => void) | undefined;
  pool.on('connect', () => openClients++);
  pool.on('remove', () => {
    if (--openClients === 0) lastClosed?.();
  });
  const db: Db = drizzle(pool, { schema, casing: 'snake_case' });
  const clock = overrides.clock ?? fixedClock(TEST_NOW);
  const log = overrides.log ?? createLogger(config.LOG_LEVEL);
  const dropDatabase = () =>
    // FORCE: a test that left a LISTEN client or a transaction open must not block the drop.
    adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  const mail = await startMail({
    config,
    db,
    url,
    clock,
    log,
    worker: overrides.mailWorker ?? true,
  }).catch(async (error: unknown) => {
    await pool.end();
    await dropDatabase();
    throw error;
  });

  let closed = false;
  return {
    config,
    db,
    pool,
    clock,
    log,
    mailer: mail.mailer,
    mail,
    url,
    async close() {
      if (closed) return;
      closed = true;
      await mail.stop(1_000);
      const closedAll = new Promise<void>((resolve) => (lastClosed = resolve));
      await pool.end();
      if (openClients > 0) {
        await Promise.race([closedAll, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
      }
      await dropDatabase();
    },
  };
}

/**
 * Registers beforeAll/afterAll for the calling file and returns a getter for its TestDeps.
 * The getter throws if called outside a test (before beforeAll has run).
 */
export function useTestDeps(overrides?: TestDepsOverrides): () => TestDeps {
  let deps: TestDeps | undefined;
  beforeAll(async () => {
    deps = await createTestDeps(overrides);
  });
  afterAll(async () => {
    await deps?.close();
  });
  return () => {
    if (!deps) throw new Error('useTestDeps(): the database is ready only inside tests and hooks.');
    return deps;
  };
}

/** `test` with a `deps` fixture: one database per file, created on first use, dropped at the end. */
export const dbTest = test.extend('deps', { scope: 'file' }, async ({}, { onCleanup }) => {
  const deps = await createTestDeps();
  onCleanup(() => deps.close());
  return deps;
});

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, application_name: 'colloquy-test-setup' });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * `test` with a `deps` fixture of its own for every test: for tests whose subject is site-wide
 * (the primary series, totals), where rows from a neighbouring test would change the answer.
 */
export const isolatedDbTest = test.extend('deps', { scope: 'test' }, async ({}, { onCleanup }) => {
  const deps = await createTestDeps();
  onCleanup(() => deps.close());
  return deps;
});
