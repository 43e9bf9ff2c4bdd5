// Test databases: a template migrated and seeded once per run (global setup), then a fresh copy per
// test file, so files never see each other's writes or anything left from earlier runs.
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

export type TestEngine = 'sqlite' | 'postgresql';

export const PG_ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
export const TMP_ROOT = join(import.meta.dirname, '..', '..', 'tmp', 'test-dbs');

export const pgUrl = (database: string) => {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
};

export async function withPgAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const ident = (name: string) => {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unsafe database name ${name}`);
  return `"${name}"`;
};

export async function createPgDatabase(name: string, template?: string): Promise<string> {
  await withPgAdmin((c) =>
    c.query(`CREATE DATABASE ${ident(name)}${template ? ` TEMPLATE ${ident(template)}` : ''}`),
  );
  return pgUrl(name);
}

export async function dropPgDatabase(name: string): Promise<void> {
  await withPgAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`));
}

export async function dropPgDatabasesLike(prefix: string): Promise<void> {
  await withPgAdmin(async (c) => {
    const { rows } = await c.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [`${prefix}%`],
    );
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS ${ident(datname)} WITH (FORCE)`);
  });
}

export function sqliteCopy(template: string, name: string): string {
  mkdirSync(TMP_ROOT, { recursive: true });
  const file = join(TMP_ROOT, `${name}.db`);
  copyFileSync(template, file);
  return `file:${file}`;
}

export function removeSqliteFiles(prefix: string) {
  rmSync(join(TMP_ROOT, prefix), { recursive: true, force: true });
}

/** A fresh, empty database for tests that migrate or seed themselves. */
export async function emptyDatabase(engine: TestEngine, name: string): Promise<string> {
  if (engine === 'postgresql') return createPgDatabase(name);
  mkdirSync(TMP_ROOT, { recursive: true });
  const file = join(TMP_ROOT, `${name}.db`);
  rmSync(file, { force: true });
  return `file:${file}`;
}
