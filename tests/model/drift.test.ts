// The two provider schemas and their migrations never drift from the one model.
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { modelPath, providerSchemaPath, providers, renderProviderSchema } from '../../scripts/providers.ts';
import { applyMigrations, isEmptyMigration, modelSql, pendingMigrationSql } from '../../src/migrations.ts';
import { dropPgDatabase, emptyDatabase } from '../setup/databases.ts';

const engine = inject('engine');
const model = readFileSync(modelPath, 'utf8');

describe('provider schemas', () => {
  it.each(providers)(
    '%s schema is generated from prisma/model.prisma (run `npm run generate`)',
    (provider) => {
      expect(readFileSync(providerSchemaPath(provider), 'utf8')).toBe(renderProviderSchema(provider, model));
    },
  );
});

describe(`${engine} migrations`, () => {
  const scratch = () => (engine === 'sqlite' ? 'file::memory:' : inject('templateUrl'));

  it('cover every change of the model (run `npm run migration:create -- <name>`)', async () => {
    const sql = await pendingMigrationSql(engine, scratch());
    expect(isEmptyMigration(sql) ? '' : sql).toBe('');
  });

  it('build exactly the schema the model describes', async () => {
    const name = `${inject('runId')}_drift_${Date.now() % 100000}`;
    const fromMigrations = await emptyDatabase(engine, `${name}_m`);
    const fromModel = await emptyDatabase(engine, `${name}_d`);
    try {
      await applyMigrations(fromMigrations);
      await execute(fromModel, await modelSql(engine, scratch()));
      expect(await describeSchema(fromMigrations)).toEqual(await describeSchema(fromModel));
    } finally {
      if (engine === 'postgresql') {
        await dropPgDatabase(`${name}_m`);
        await dropPgDatabase(`${name}_d`);
      }
    }
  });
});

async function execute(url: string, sql: string) {
  if (url.startsWith('file:')) {
    const sqlite = new Database(url.slice(5));
    sqlite.exec(sql);
    sqlite.close();
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(sql);
  await client.end();
}

/** Tables, columns, types, nullability, defaults, indexes, constraints and enums, sorted. */
async function describeSchema(url: string): Promise<string[]> {
  if (url.startsWith('file:')) {
    const sqlite = new Database(url.slice(5), { readonly: true });
    const rows = sqlite
      .prepare(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND tbl_name <> '_prisma_migrations'",
      )
      .all() as Array<{ type: string; name: string; sql: string | null }>;
    sqlite.close();
    return rows.map((r) => `${r.type} ${r.name}: ${(r.sql ?? '').replace(/\s+/g, ' ')}`).sort();
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const queries = [
    `SELECT table_name || '.' || column_name || ' ' || udt_name || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS d
       FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    `SELECT indexname || ' ' || indexdef AS d FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    `SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS d FROM pg_constraint
       WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '"_prisma_migrations"'
         AND conrelid::regclass::text <> '_prisma_migrations'`,
    `SELECT t.typname || ' ' || e.enumlabel || ' ' || e.enumsortorder AS d FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid`,
  ];
  const out: string[] = [];
  for (const q of queries) out.push(...(await client.query<{ d: string }>(q)).rows.map((r) => r.d));
  await client.end();
  return out.sort();
}
