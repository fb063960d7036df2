import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { Config } from '../config';
import type { Logger } from '../platform/logger';
import { startEmbeddedPostgres } from './embedded';
import * as schema from './schema';

/** Drizzle over a pool; `$client` is the pool itself, for the few hand-written hot-path queries. */
export type Db = NodePgDatabase<typeof schema> & { $client: pg.Pool };

export interface Database {
  db: Db;
  pool: pg.Pool;
  /** The connection string in use (embedded or external); for LISTEN clients and tools. */
  url: string;
  isEmbedded: boolean;
  close(): Promise<void>;
}

/** A transaction of the app's database, as Drizzle hands it to `db.transaction(async (tx) => …)`. */
export type DbTransaction = Parameters<Parameters<Db['transaction']>[0]>[0];
/** The pool or one of its transactions: what a repo function writes with. */
export type DbOrTransaction = Db | DbTransaction;

/** Beside this file in src/, copied beside the bundle in dist/ by scripts/build.mjs. */
export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Any number unique to this app: migrations from two processes at once run one after the other. */
const MIGRATION_LOCK = 7_303_461_017;

/**
 * Opens the database: the server at DATABASE_URL, or else an embedded PostgreSQL under DATA_DIR,
 * and brings its schema up to date. `close()` ends the pool and stops the embedded server.
 */
export async function openDb(config: Config, log: Logger): Promise<Database> {
  const embedded = config.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({ dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT, log });
  const url = config.DATABASE_URL ?? embedded!.url;
  try {
    const pool = new pg.Pool({
      connectionString: url,
      max: config.DB_POOL_SIZE ?? (embedded ? 2 * availableParallelism() + 1 : 10),
      application_name: 'colloquy',
    });
    pool.on('error', (error) => log.error({ err: error }, 'idle database connection failed'));
    const db = drizzle(pool, { schema, casing: 'snake_case' });
    await runMigrations(pool);
    return {
      db,
      pool,
      url,
      isEmbedded: embedded !== undefined,
      async close() {
        await pool.end();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

/** Migrates on the connection that holds the lock, so it works with a pool of one. */
async function runMigrations(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migrate(drizzle(client, { schema, casing: 'snake_case' }), { migrationsFolder: MIGRATIONS_DIR });
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
