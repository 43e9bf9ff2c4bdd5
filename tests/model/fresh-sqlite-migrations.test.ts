// A first `npm start` on a new SQLite file runs the migration scripts itself, in one transaction
// (src/migrations.ts, migrateEmptySqlite), instead of instantiating Prisma's schema engine. That is
// only sound if the result is what the engine would have made, and if the engine then reads the
// history as its own.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, inject, it } from 'vitest';
import {
  applyMigrations,
  migrateEmptySqlite,
  migrateWithSchemaEngine,
  migrationNames,
  migrationsDir,
} from '../../src/migrations.ts';
import { TMP_ROOT } from '../setup/databases.ts';

mkdirSync(TMP_ROOT, { recursive: true });
const dir = mkdtempSync(join(TMP_ROOT, `${inject('runId')}-fresh-migrations-`));
const url = (name: string) => `file:${join(dir, `${name}.db`)}`;
const names = migrationNames('sqlite');

/** Everything a file's schema holds, and its migration history without ids and instants. */
function describeFile(fileUrl: string) {
  const sqlite = new Database(fileUrl.replace(/^file:/, ''), { readonly: true });
  try {
    return {
      schema: sqlite.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all(),
      history: sqlite
        .prepare(
          `SELECT migration_name, checksum, logs, rolled_back_at, applied_steps_count, finished_at IS NOT NULL AS finished
           FROM _prisma_migrations ORDER BY migration_name`,
        )
        .all(),
      journal: sqlite.pragma('journal_mode', { simple: true }),
    };
  } finally {
    sqlite.close();
  }
}

const tableCount = (fileUrl: string) => {
  const sqlite = new Database(fileUrl.replace(/^file:/, ''), { readonly: true });
  try {
    return (sqlite.prepare('SELECT count(*) AS n FROM sqlite_master').get() as { n: number }).n;
  } finally {
    sqlite.close();
  }
};

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(inject('engine') !== 'sqlite')('migrating a new SQLite file', () => {
  it('makes the schema and history the schema engine makes', async () => {
    const direct = url('direct');
    expect(await applyMigrations(direct)).toEqual(names);
    const engine = url('engine');
    expect(await migrateWithSchemaEngine(engine)).toEqual(names);
    const made = describeFile(direct);
    expect(made.schema.length).toBeGreaterThan(20);
    expect(made.history).toHaveLength(names.length);
    expect(made.journal).toBe('wal');
    expect(made).toEqual(describeFile(engine));
  });

  it('leaves a history the schema engine reads as its own and continues', async () => {
    const file = url('continued');
    const previous = names.at(-2) as string;
    expect(migrateEmptySqlite(file, previous)).toEqual(names.slice(0, -1));
    // The engine applies only the last migration: it accepted every checksum and row before it.
    expect(await migrateWithSchemaEngine(file)).toEqual(names.slice(-1));
    expect(await applyMigrations(file)).toEqual([]);
    expect(describeFile(file)).toEqual(describeFile(url('engine')));
  });

  it('leaves a file that already holds something to the schema engine, untouched', async () => {
    const file = url('direct-twice');
    expect(migrateEmptySqlite(file)).toEqual(names);
    const before = describeFile(file);
    expect(migrateEmptySqlite(file)).toBeNull();
    expect(describeFile(file)).toEqual(before);
  });

  it('names the migration that fails, and leaves the file empty', () => {
    const scripts = mkdtempSync(join(dir, 'broken-'));
    const first = names[0] as string;
    mkdirSync(join(scripts, first));
    copyFileSync(
      join(migrationsDir('sqlite'), first, 'migration.sql'),
      join(scripts, first, 'migration.sql'),
    );
    mkdirSync(join(scripts, '20990101000000_broken'));
    writeFileSync(
      join(scripts, '20990101000000_broken', 'migration.sql'),
      'CREATE TABLE "Fine" ("id" INTEGER);\nALTER TABLE "NoSuchTable" ADD COLUMN "x" TEXT;\n',
    );
    const file = url('broken');
    expect(() => migrateEmptySqlite(file, undefined, scripts)).toThrow(
      /Migration 20990101000000_broken failed on a new SQLite file: no such table: NoSuchTable/,
    );
    expect(tableCount(file)).toBe(0);
  });
});
