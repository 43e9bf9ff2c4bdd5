// A SQLite server loads only what SQLite serving needs: the pg driver and PostgreSQL's adapter stay
// out of its memory and its start-up time, and so does Prisma's WebAssembly schema engine once the
// database is up to date. Checked in a process of its own, started as `npm start` starts.
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { root } from '../helpers/server.ts';
import { sqliteCopy } from '../setup/databases.ts';

// Imports what src/start.ts imports, migrates (nothing is pending) and builds the app, then lists
// the CommonJS modules loaded (pg and the adapters are CommonJS) and whether the engine was made.
const probe = `
import { createRequire } from 'node:module';
const { loadEngine } = await import('./src/db.ts');
await loadEngine('sqlite');
const { applyMigrations } = await import('./src/migrations.ts');
const { createApp } = await import('./src/server.ts');
const { config } = await import('./src/config.ts');
const applied = await applyMigrations(config.DATABASE_URL);
createApp(config);
const loaded = Object.keys(createRequire(import.meta.url).cache);
console.log(JSON.stringify({ applied, loaded, schemaEngine: Boolean(globalThis.__schemaEngine) }));
process.exit(0);
`;

describe.skipIf(inject('engine') !== 'sqlite')('what a SQLite server loads', () => {
  it('leaves out the pg driver, its adapter and, on an up-to-date database, the schema engine', async () => {
    const url = sqliteCopy(inject('templateUrl').replace(/^file:/, ''), `${inject('runId')}-modules`);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', probe],
      { cwd: root, env: { ...process.env, DATABASE_URL: url, NODE_ENV: 'production', REDIS_URL: '' } },
    ).finally(() => {
      for (const suffix of ['', '-wal', '-shm'])
        rmSync(`${url.slice('file:'.length)}${suffix}`, { force: true });
    });
    const { applied, loaded, schemaEngine } = JSON.parse(stdout.trim().split('\n').at(-1) as string) as {
      applied: string[];
      loaded: string[];
      schemaEngine: boolean;
    };
    expect(applied).toEqual([]);
    // The probe would prove nothing if the module list were empty: SQLite's own driver is in it.
    expect(loaded.some((file) => file.includes('/node_modules/better-sqlite3/'))).toBe(true);
    expect(
      loaded.filter((file) => /\/node_modules\/(pg|pg-pool|pg-protocol|@prisma\/adapter-pg)\//.test(file)),
    ).toEqual([]);
    expect(schemaEngine).toBe(false);
  });
});
