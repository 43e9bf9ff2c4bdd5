import { defineConfig } from 'vitest/config';

// The whole suite runs twice: on the embedded SQLite default and on PostgreSQL.
const engines = ['sqlite', 'postgresql'] as const;

export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: engines.map((engine) => ({
      extends: true,
      test: {
        name: engine,
        env: { TEST_ENGINE: engine, NODE_ENV: 'test' },
        globalSetup: ['tests/setup/global.ts'],
        setupFiles: ['tests/setup/per-file.ts'],
        include: ['tests/**/*.test.ts'],
      },
    })),
  },
});
