// Vitest global setup: one PostgreSQL for the whole run, and one migrated template database that
// every test file copies (see test/test-deps.ts). Runs once, in Vitest's main process.
//
// - DATABASE_URL set: that server is used. Its database (usually `postgres`) is only used to create
//   and drop ours; nothing is written into it.
// - Otherwise: an embedded PostgreSQL is started in a fresh temporary directory and removed after.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import {
  isAlive,
  isPostgres,
  readPid,
  startEmbeddedPostgres,
  type EmbeddedCluster,
} from '../src/db/embedded';
import * as schema from '../src/db/schema';
import { createLogger } from '../src/platform/logger';
import { installMailQueue } from '../src/platform/mail/mail-queue';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A connection string to the test server, for CREATE/DROP DATABASE only. */
    pgAdminUrl: string;
    /** The migrated template database each test file copies. */
    pgTemplate: string;
    /** Every database this run creates starts with it, so teardown can find leftovers. */
    pgTestDbPrefix: string;
  }
}

const MIGRATIONS_FOLDER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/db/migrations');
const TEMP_DIR_PREFIX = 'colloquy-test-pg-';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  const runId = randomBytes(4).toString('hex');
  const template = `colloquy_tpl_${runId}`;
  const testDbPrefix = `colloquy_test_${runId}_`;

  let embedded: EmbeddedCluster | undefined;
  let tempDir: string | undefined;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    await removeStaleTempDirs();
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), TEMP_DIR_PREFIX));
    // When we run as root, PostgreSQL runs as the `postgres` user and must reach its cluster inside.
    fs.chmodSync(tempDir, 0o755);
    embedded = await startEmbeddedPostgres({
      dataDir: tempDir,
      port: 0,
      log: createLogger('silent'),
      durable: false,
    });
    adminUrl = embedded.url;
  }

  const stopServer = async () => {
    await embedded?.stop();
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  };

  try {
    await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${template}`));
    const pool = new pg.Pool({ connectionString: withDatabase(adminUrl, template), max: 1 });
    try {
      await migrate(drizzle(pool, { schema, casing: 'snake_case' }), { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      // A template must have no open connections, or CREATE DATABASE … TEMPLATE refuses it.
      await pool.end();
    }
    // pg-boss's schema (the mail queue) goes in the template too, as the app's first start would
    // install it. Measured on embedded PostgreSQL: it adds about 10 ms to each copy of the
    // template, and saves about 65 ms in each test database that starts the mail queue
    // (docs/adr/0014-mail-outbox-and-durable-queue.md). It closes its connections when done.
    await installMailQueue(withDatabase(adminUrl, template), createLogger('silent'));
  } catch (error) {
    await dropDatabases(adminUrl, template, testDbPrefix).catch(() => undefined);
    await stopServer();
    throw new Error(
      `Test database setup failed on ${embedded ? 'the embedded PostgreSQL' : 'DATABASE_URL'}: ${String(error)}`,
      { cause: error },
    );
  }

  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplate', template);
  project.provide('pgTestDbPrefix', testDbPrefix);
  if (process.env.CI === 'true' || process.env.DEBUG_TEST_DB) {
    console.log(
      `test database: template ${template} on ${embedded ? 'embedded PostgreSQL' : 'DATABASE_URL'} ready in ${Date.now() - started} ms`,
    );
  }

  return async function teardown() {
    try {
      await dropDatabases(adminUrl, template, testDbPrefix);
    } finally {
      await stopServer();
    }
  };
}

/** Drops the template and every test database of this run that a test file did not close. */
async function dropDatabases(adminUrl: string, template: string, testDbPrefix: string): Promise<void> {
  await withClient(adminUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE left(datname, length($1)) = $1',
      [testDbPrefix],
    );
    for (const name of [...rows.map((row) => row.datname), template]) {
      await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    }
  });
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: 'colloquy-test-setup' });
  await client.connect();
  try {
    return await fn(client);
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
 * A run that was killed (kill -9, a closed terminal) leaves its temporary cluster behind, maybe
 * still running. Clean up those whose owning test process is gone; leave other runs' alone.
 */
async function removeStaleTempDirs(): Promise<void> {
  for (const entry of fs.readdirSync(os.tmpdir())) {
    if (!entry.startsWith(TEMP_DIR_PREFIX)) continue;
    const dir = path.join(os.tmpdir(), entry);
    const owner = readPid(path.join(dir, 'colloquy.pid'));
    if (owner === undefined || isAlive(owner)) continue;
    const postmaster = readPid(path.join(dir, 'postgres', 'postmaster.pid'));
    if (postmaster !== undefined && isAlive(postmaster) && isPostgres(postmaster)) {
      try {
        process.kill(postmaster, 'SIGQUIT'); // immediate shutdown: its data is thrown away anyway
      } catch {
        continue; // not ours to stop
      }
      for (let waited = 0; waited < 5_000 && isAlive(postmaster); waited += 50) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    try {
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // Still busy: the next run tries again.
    }
  }
}
