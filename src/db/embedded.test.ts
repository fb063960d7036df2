import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, test } from 'vitest';
import { createLogger } from '../platform/logger';
import { DataDirInUseError, startEmbeddedPostgres } from './embedded';

const log = createLogger('silent');
const dirs: string[] = [];

function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'colloquy-embedded-test-'));
  fs.chmodSync(dir, 0o755); // as root, PostgreSQL runs as `postgres` and must reach its cluster
  dirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

// Each test creates and starts real clusters (initdb): several seconds each, over 15 s while two
// other test files and a browser run share the 2-core machine (ADR 0031).
describe('embedded PostgreSQL', { timeout: 60_000 }, () => {
  test('starts, serves queries, and a second process on the same data directory is refused', async () => {
    const dataDir = tempDataDir();
    const first = await startEmbeddedPostgres({ dataDir, port: 0, log });

    try {
      const client = new pg.Client({ connectionString: first.url });
      await client.connect();
      const { rows } = await client.query<{ v: number }>(
        "SELECT current_setting('server_version_num')::int AS v",
      );
      await client.end();
      const second = startEmbeddedPostgres({ dataDir, port: 0, log });

      expect(rows[0]!.v).toBeGreaterThanOrEqual(150000);
      await expect(second).rejects.toBeInstanceOf(DataDirInUseError);
      await expect(second).rejects.toThrow(`(pid ${process.pid})`);
    } finally {
      await first.stop();
    }

    expect(fs.existsSync(path.join(dataDir, 'colloquy.pid'))).toBe(false);
  });

  test('takes over a lock left by a process that no longer runs, and keeps the data', async () => {
    const dataDir = tempDataDir();
    const first = await startEmbeddedPostgres({ dataDir, port: 0, log });
    const client = new pg.Client({ connectionString: first.url });
    await client.connect();
    await client.query('CREATE TABLE kept (id int)');
    await client.end();
    await first.stop();
    fs.writeFileSync(path.join(dataDir, 'colloquy.pid'), '999999'); // a pid no process has

    const again = await startEmbeddedPostgres({ dataDir, port: 0, log });
    try {
      const check = new pg.Client({ connectionString: again.url });
      await check.connect();
      const { rowCount } = await check.query("SELECT 1 FROM pg_tables WHERE tablename = 'kept'");
      await check.end();

      expect(rowCount).toBe(1);
    } finally {
      await again.stop();
    }
  });
  // As root, PostgreSQL runs as the `postgres` user (docs/adr/0003); these are about its reach.
  const asRoot = process.getuid?.() === 0;

  test.skipIf(!asRoot)(
    'as root, starts in a 0700 data directory (as mktemp -d makes), opening it to search only',
    async () => {
      const dataDir = tempDataDir();
      fs.chmodSync(dataDir, 0o700);
      const cluster = await startEmbeddedPostgres({ dataDir, port: 0, log });
      await cluster.stop();

      expect(fs.statSync(dataDir).mode & 0o777).toBe(0o701);
      expect(fs.statSync(path.join(dataDir, 'postgres-password')).mode & 0o777).toBe(0o600);
    },
  );

  test.skipIf(!asRoot)(
    'as root, under a directory the postgres user cannot pass, says which and what to do',
    async () => {
      const parent = tempDataDir();
      fs.chmodSync(parent, 0o700);
      const dataDir = path.join(parent, 'data');

      const start = startEmbeddedPostgres({ dataDir, port: 0, log });

      await expect(start).rejects.toThrow(`cannot pass through ${parent} (mode 700)`);
      await expect(start).rejects.toThrow(`chmod o+x ${parent}`);
      expect(fs.existsSync(path.join(dataDir, 'colloquy.pid'))).toBe(false);
    },
  );
});
