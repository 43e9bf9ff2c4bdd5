// Bulk insert of generated rows straight through the database driver, in one transaction.
// Prisma's createMany needed 449 s for the 1.6 M rows of 20 000 synthetic treatments on SQLite;
// prepared statements (better-sqlite3) and multi-row INSERTs (pg) do it in seconds.
import Database from 'better-sqlite3';
import pg from 'pg';
import { BUMP_DATA_VERSION_SQL } from '../src/cache/dataVersion.ts';
import type { Db } from '../src/db.ts';
import { sqliteFilePath } from '../src/db.ts';
import { getDatamodel } from '../src/generated/pothos-types.ts';
import { applyMigrations } from '../src/migrations.ts';
import { RESET_CHANGE_SQL } from '../src/write/log.ts';
import { refreshOverlapStatements } from '../src/write/overlaps.ts';
import { generateScaleData, type Row, type ScaleData } from './scale.ts';

const tableName = (table: string) => table.charAt(0).toUpperCase() + table.slice(1);
const columnsOf = (rows: Row[]) => [...new Set(rows.flatMap((r) => Object.keys(r)))];
const quote = (name: string) => `"${name}"`;

/** Tables that are not the knowledge: keys, the data version, and the history a reset appends to. */
const notKnowledge = new Set(['ApiKey', 'DataVersion', 'ChangeLog', 'AuditLog']);

/**
 * Every knowledge table of the datamodel, children first (the order to empty them in): a table
 * comes before every table it points at, so deleting in this order never violates a foreign key.
 */
export const knowledgeTables: string[] = (() => {
  const models = getDatamodel().datamodel.models;
  const names = Object.keys(models).filter((m) => !notKnowledge.has(m));
  const pointsAt = (m: string) =>
    (models[m]?.fields ?? [])
      .filter((f) => f.kind === 'object' && f.relationFromFields?.length)
      .map((f) => f.type);
  const order: string[] = [];
  const visit = (m: string, seen: Set<string>) => {
    if (order.includes(m) || seen.has(m)) return;
    seen.add(m);
    // Everything that points at m is emptied before m.
    for (const other of names) if (other !== m && pointsAt(other).includes(m)) visit(other, seen);
    order.push(m);
  };
  for (const m of names) visit(m, new Set());
  return order;
})();

/** The one change a bulk load writes (src/write/log.ts): who, and what replaced the knowledge. */
const resetParams = (data: ScaleData) => {
  const rows = Object.fromEntries([...data].map(([table, r]) => [table, r.length]));
  const description = `seed:scale ${data.get('treatment')?.length ?? 0} treatments`;
  return [
    ['seed:scale', description],
    ['seed:scale', JSON.stringify({ description, rows })],
  ];
};

export function bulkInsertSqlite(file: string, data: ScaleData, reset: boolean): number {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  let written = 0;
  try {
    sqlite.transaction(() => {
      if (reset) for (const t of knowledgeTables) sqlite.prepare(`DELETE FROM ${quote(tableName(t))}`).run();
      for (const [table, rows] of data) {
        const columns = columnsOf(rows);
        const insert = sqlite.prepare(
          `INSERT INTO ${quote(tableName(table))} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
        );
        for (const row of rows) {
          // The better-sqlite3 adapter stores DateTime as ISO 8601 text, booleans as 0/1.
          insert.run(
            columns.map((c) => {
              const v = row[c];
              return v instanceof Date
                ? v.toISOString().replace('Z', '+00:00')
                : typeof v === 'boolean'
                  ? Number(v)
                  : (v ?? null);
            }),
          );
        }
        written += rows.length;
      }
      // Derived from the links just written: rebuilt in the same transaction.
      for (const statement of refreshOverlapStatements) sqlite.prepare(statement).run();
      sqlite.prepare(BUMP_DATA_VERSION_SQL).run();
      const params = resetParams(data);
      for (const [i, sql] of RESET_CHANGE_SQL.entries()) sqlite.prepare(sql).run(params[i]);
    })();
  } finally {
    sqlite.close();
  }
  return written;
}

export async function bulkInsertPostgres(url: string, data: ScaleData, reset: boolean): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let written = 0;
  try {
    await client.query('BEGIN');
    if (reset)
      await client.query(
        `TRUNCATE ${knowledgeTables.map((t) => quote(tableName(t))).join(', ')} RESTART IDENTITY`,
      );
    for (const [table, rows] of data) {
      const columns = columnsOf(rows);
      const perStatement = Math.max(1, Math.floor(60_000 / columns.length));
      for (let i = 0; i < rows.length; i += perStatement) {
        const chunk = rows.slice(i, i + perStatement);
        const values: unknown[] = [];
        const tuples = chunk.map((row) => {
          const start = values.length;
          for (const c of columns) values.push(row[c] ?? null);
          return `(${columns.map((_, k) => `$${start + k + 1}`).join(', ')})`;
        });
        await client.query(
          `INSERT INTO ${quote(tableName(table))} (${columns.map(quote).join(', ')}) VALUES ${tuples.join(', ')}`,
          values,
        );
      }
      // Explicit ids leave the sequence behind; move it past the data.
      await client.query(
        `SELECT setval(pg_get_serial_sequence('${quote(tableName(table))}', 'id'), (SELECT COALESCE(MAX(id), 1) FROM ${quote(tableName(table))}))`,
      );
      written += rows.length;
    }
    // Derived from the links just written: rebuilt in the same transaction.
    for (const statement of refreshOverlapStatements) await client.query(statement);
    await client.query(BUMP_DATA_VERSION_SQL);
    const params = resetParams(data);
    for (const [i, sql] of RESET_CHANGE_SQL.entries()) {
      let n = 0;
      await client.query(
        sql.replace(/\?/g, () => `$${++n}`),
        params[i],
      );
    }
    await client.query('COMMIT');
    // Fresh statistics for the planner: right after a bulk load they are missing, and PostgreSQL
    // then over-estimates selective lookups (e.g. ~14 000 citations for 8 owner ids) and picks
    // parallel plans whose worker start-up costs ~5 ms per query. Autovacuum would get there later.
    await client.query('ANALYZE');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    await client.end();
  }
  return written;
}

/** Migrates `url`, then fills it with N synthetic treatments; refuses a non-empty base unless `reset`. */
export async function seedScale(
  db: Db,
  url: string,
  treatments: number,
  seed: number,
  reset: boolean,
): Promise<number> {
  await applyMigrations(url);
  const existing = await db.treatment.count();
  if (existing > 0 && !reset) {
    throw new Error(`the database already holds ${existing} treatments; pass --reset to replace everything`);
  }
  const data = generateScaleData(treatments, seed);
  return url.startsWith('file:')
    ? bulkInsertSqlite(sqliteFilePath(url), data, reset)
    : bulkInsertPostgres(url, data, reset);
}
