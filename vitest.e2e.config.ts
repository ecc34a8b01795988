import { defineConfig } from 'vitest/config';

/**
 * End-to-end suite: the real server in-process, the built web app, and
 * Debian's Chromium driven by playwright-core. One file at a time, one
 * worker: each file owns a server, a database and a browser.
 */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 60_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest-e2e.json' },
  },
});
