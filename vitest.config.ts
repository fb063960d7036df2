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
    // A database test does several round trips; the first one in a file also creates its database.
    testTimeout: 15_000,
    hookTimeout: 30_000,
    teardownTimeout: 30_000,
    restoreMocks: true,
    unstubEnvs: true,
  },
});
