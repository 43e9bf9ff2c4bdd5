// Plain-SQL reads straight through the database driver. Prisma's raw-query path costs three to
// five times the query itself (arguments and rows are converted twice, and the better-sqlite3
// adapter prepares every statement again), which was most of a CMS pull's time. Reads outside
// transactions go here: better-sqlite3 with a cache of prepared statements on a read-only handle of
// the same file (WAL lets it read beside the writer), or the very pg pool Prisma's adapter uses.
// Every statement is counted like the adapter's (dbStats, x-sql-statements).
import Database from 'better-sqlite3';
import pg from 'pg';

export type SqlRow = Record<string, unknown>;

/** Runs one read statement written with `?` placeholders; rows as objects keyed by column. */
export type Reader = (sql: string, params: readonly unknown[]) => Promise<SqlRow[]>;

/** Prepared statements kept per SQLite handle: our SQL has a few hundred shapes at most. */
const STATEMENT_CACHE_SIZE = 500;

export function sqliteReader(file: string): Reader {
  let handle: Database.Database | undefined;
  const statements = new Map<string, Database.Statement>();
  return (sql, params) => {
    // Opened on first use: the file may not exist until migrations have run.
    handle ??= new Database(file, { readonly: true, fileMustExist: true });
    let statement = statements.get(sql);
    if (statement) {
      // Most recently used last, so the first key is the one to drop.
      statements.delete(sql);
    } else {
      statement = handle.prepare(sql);
      if (statements.size >= STATEMENT_CACHE_SIZE)
        statements.delete(statements.keys().next().value as string);
    }
    statements.set(sql, statement);
    return Promise.resolve(statement.all(...(params as unknown[])) as SqlRow[]);
  };
}

/** PostgreSQL `timestamp` (without zone) as Prisma writes it: UTC. pg would read local time. */
const utcTimestamp = (text: string) => new Date(`${text.replace(' ', 'T')}Z`);
const TIMESTAMP_OID = 1114;
const types = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMP_OID ? utcTimestamp : pg.types.getTypeParser(oid, format),
};

export function pgReader(pool: pg.Pool): Reader {
  return async (sql, params) => {
    let n = 0;
    const text = sql.replace(/\?/g, () => `$${++n}`);
    const result = await pool.query({ text, values: params as unknown[], types });
    return result.rows as SqlRow[];
  };
}
