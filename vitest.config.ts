import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Unit, service and route tests (STYLE.md §10). Service and route tests get a real PostgreSQL:
// test/global-setup.ts prepares one migrated template, test/test-deps.ts copies it per file.
// Browser journeys have their own config: vitest.e2e.config.ts.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Separate processes: native modules (pg) and module state never leak between files.
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: a single worker on a 2-core machine (CI's
    // size), which then spends most of its time waiting on PostgreSQL. Three files at a time there
    // ran a 24-file service/route subset in 290 s against 535 s with one (loaded machine, same
    // conditions). VITEST_MAX_WORKERS still overrides it. docs/adr/0031-test-suite-time.md.
    maxWorkers: Math.max(3, availableParallelism() - 1),
    // A database test does several round trips; the first one in a file also creates its database.
    testTimeout: 15_000,
    hookTimeout: 30_000,
    teardownTimeout: 30_000,
    restoreMocks: true,
    unstubEnvs: true,
  },
});
