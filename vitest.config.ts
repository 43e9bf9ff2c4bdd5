import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// The whole suite runs twice: on the embedded SQLite default and on PostgreSQL.
const engines = ['sqlite', 'postgresql'] as const;

export default defineConfig({
  // One graphql for everyone: Pothos, loaded by Node, gets graphql's CommonJS entry; without this
  // alias Vite would give our files the ESM entry, and the two copies reject each other's types.
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: engines.map((engine) => ({
      extends: true,
      test: {
        name: engine,
        // Every document compiled on its first run, so the whole suite runs on graphql-jit.
        env: { TEST_ENGINE: engine, NODE_ENV: 'test', COMPILE_AFTER_RUNS: '0' },
        globalSetup: ['tests/setup/global.ts'],
        setupFiles: ['tests/setup/per-file.ts'],
        include: ['tests/**/*.test.ts'],
      },
    })),
  },
});
