import { defineConfig } from 'vitest/config';

// Browser journeys (e2e/**/*.spec.ts) in Chromium through playwright-core. Each spec starts the
// real server itself (e2e/support/server.ts), so there is no global database setup here; the global
// setup only builds the app once. Two files at a time: each spec runs a server, a PostgreSQL and a
// browser of its own (its own data directory, database, ports and SMTP sink, e2e/support/server.ts),
// and spends much of its time waiting (mail polling, page loads, a map's recompute), so two of them
// share a 2-core machine well; more would starve Chromium. docs/adr/0031-test-suite-time.md.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: ['e2e/**/*.spec.ts'],
    globalSetup: ['e2e/support/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
