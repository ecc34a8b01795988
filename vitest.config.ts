import { defineConfig } from 'vitest/config';

/**
 * Unit and integration tests. The integration suite always runs on the
 * embedded database (PGlite); when TEST_DATABASE_URL is set it runs a second
 * time against that PostgreSQL server, each test file in a fresh database.
 */
const common = { testTimeout: 60_000, hookTimeout: 120_000, pool: 'forks' as const };
const pgUrl = process.env.TEST_DATABASE_URL;

export default defineConfig({
  test: {
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    projects: [
      {
        test: {
          ...common,
          name: 'pglite',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**', 'web/**'],
          env: { JK_TEST_ENGINE: 'pglite' },
        },
      },
      ...(pgUrl
        ? [
            {
              test: {
                ...common,
                name: 'postgres',
                include: ['test/integration/**/*.test.ts', 'src/**/*.db.test.ts'],
                env: { JK_TEST_ENGINE: 'pg' },
              },
            },
          ]
        : []),
    ],
  },
});
