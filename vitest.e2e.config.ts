import { defineConfig } from 'vitest/config';

// Browser journeys (e2e/**/*.spec.ts) in Chromium through playwright-core. Each spec starts the
// real server itself (e2e/support/server.ts), so there is no global database setup here; the global
// setup only builds the app once. One file at a time: each spec runs a server, a PostgreSQL and a
// browser, which is plenty for a small machine.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: ['e2e/**/*.spec.ts'],
    globalSetup: ['e2e/support/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
