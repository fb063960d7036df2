import { sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, inject } from 'vitest';
import { sessions } from '../src/modules/conversations/conversations.tables';
import { createTestDeps, dbTest as test, TEST_NOW, useTestDeps, type TestDeps } from './test-deps';

async function currentDatabase(deps: TestDeps): Promise<string> {
  const { rows } = await deps.pool.query<{ name: string }>('SELECT current_database() AS name');
  return rows[0]!.name;
}

async function databaseExists(name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return rowCount === 1;
  } finally {
    await client.end();
  }
}

describe('the deps fixture', () => {
  test('gives the file a migrated database of its own, with test config and a fixed clock', async ({
    deps,
  }) => {
    const { rows } = await deps.pool.query<{ table: string | null }>(
      "SELECT to_regclass('conversations_sessions')::text AS table",
    );
    const listed = await deps.db.select().from(sessions);

    expect(rows).toEqual([{ table: 'conversations_sessions' }]);
    expect(listed).toEqual([]);
    expect(await currentDatabase(deps)).toMatch(new RegExp(`^${inject('pgTestDbPrefix')}[0-9a-f]{12}$`));
    expect(deps.config).toMatchObject({ DATABASE_URL: deps.url, SEED_DEMO: false });
    expect(deps.clock.now()).toEqual(new Date(TEST_NOW));
  });

  test('is the same database for every test in the file', async ({ deps }) => {
    await deps.db.execute(sql`CREATE TABLE IF NOT EXISTS fixture_marker (id int)`);

    const again = await deps.db.execute(sql`SELECT to_regclass('fixture_marker')::text AS t`);

    expect(again.rows).toEqual([{ t: 'fixture_marker' }]);
  });
});

// Each test file calls createTestDeps once, through one of the helpers; two calls here stand for
// two files running side by side.
describe('two test files', () => {
  const first = useTestDeps();
  const second = useTestDeps();

  test('get separate databases that do not see each other’s writes', async () => {
    await first().pool.query('CREATE TABLE only_in_first (id int)');

    const seenBySecond = await second().pool.query<{ t: string | null }>(
      "SELECT to_regclass('only_in_first')::text AS t",
    );

    expect(await currentDatabase(first())).not.toEqual(await currentDatabase(second()));
    expect(seenBySecond.rows).toEqual([{ t: null }]);
  });
});

describe('close()', () => {
  test('ends the pool and drops the database, and may be called twice', async () => {
    const deps = await createTestDeps();
    const name = await currentDatabase(deps);
    expect(await databaseExists(name)).toBe(true);

    await deps.close();
    await deps.close();

    expect(await databaseExists(name)).toBe(false);
    expect(deps.pool.ended).toBe(true);
  });

  test('drops the database even while another client is still connected to it', async () => {
    const deps = await createTestDeps();
    const name = await currentDatabase(deps);
    const listener = new pg.Client({ connectionString: deps.url });
    await listener.connect();
    listener.on('error', () => undefined); // the drop terminates it

    await deps.close();

    expect(await databaseExists(name)).toBe(false);
    await listener.end().catch(() => undefined);
  });
});
