// A SQLite server loads only what SQLite serving needs: the pg driver and PostgreSQL's adapter stay
// out of its memory and its start-up time, and so does Prisma's WebAssembly schema engine once the
// database is up to date; graphql-jit (with fast-json-stringify and ajv) is loaded when a document
// first runs a second time, not for the first answer. Checked in a process of its own, started as
// `npm start` starts.
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
const { yoga } = createApp(config);
const ask = async () => (await yoga.fetch('http://probe/graphql', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: '{ treatments(first: 2) { nodes { slug } } }' }),
})).json();
const first = await ask();
const cache = createRequire(import.meta.url).cache;
const loaded = Object.keys(cache);
const second = await ask();
const afterSecond = Object.keys(cache);
console.log(JSON.stringify({ applied, loaded, afterSecond, same: JSON.stringify(first) === JSON.stringify(second), schemaEngine: Boolean(globalThis.__schemaEngine) }));
process.exit(0);
`;

describe.skipIf(inject('engine') !== 'sqlite')('what a SQLite server loads', () => {
  it('leaves out the pg driver, its adapter, the schema engine on an up-to-date database, and graphql-jit until a document runs again', async () => {
    const url = sqliteCopy(inject('templateUrl').replace(/^file:/, ''), `${inject('runId')}-modules`);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', probe],
      {
        cwd: root,
        env: {
          ...process.env,
          DATABASE_URL: url,
          NODE_ENV: 'production',
          REDIS_URL: '',
          COMPILE_AFTER_RUNS: '1',
          RESPONSE_CACHE: 'false',
          LOG_LEVEL: 'silent',
        },
      },
    ).finally(() => {
      for (const suffix of ['', '-wal', '-shm'])
        rmSync(`${url.slice('file:'.length)}${suffix}`, { force: true });
    });
    const { applied, loaded, afterSecond, same, schemaEngine } = JSON.parse(
      stdout.trim().split('\n').at(-1) as string,
    ) as { applied: string[]; loaded: string[]; afterSecond: string[]; same: boolean; schemaEngine: boolean };
    expect(applied).toEqual([]);
    // The probe would prove nothing if the module list were empty: SQLite's own driver is in it.
    expect(loaded.some((file) => file.includes('/node_modules/better-sqlite3/'))).toBe(true);
    expect(
      loaded.filter((file) => /\/node_modules\/(pg|pg-pool|pg-protocol|@prisma\/adapter-pg)\//.test(file)),
    ).toEqual([]);
    expect(schemaEngine).toBe(false);
    const compiler = (files: string[]) =>
      files.filter((file) => /\/node_modules\/(graphql-jit|fast-json-stringify|ajv)\//.test(file));
    expect(compiler(loaded)).toEqual([]);
    // The second run of the same document compiles it, and only then is the compiler loaded.
    expect(compiler(afterSecond).some((file) => file.includes('/graphql-jit/'))).toBe(true);
    expect(same).toBe(true);
  });
});
