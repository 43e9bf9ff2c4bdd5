// Plain-SQL reads straight through the database driver. Prisma's raw-query path costs three to
// five times the query itself (arguments and rows are converted twice, and the better-sqlite3
// adapter prepares every statement again), which was most of a CMS pull's time. Reads outside
// transactions go here: better-sqlite3 with a cache of prepared statements on a read-only handle of
// the same file (WAL lets it read beside the writer), or the very pg pool Prisma's adapter uses
// (src/pgReaders.ts, loaded only for PostgreSQL). Every statement is counted like the adapter's
// (dbStats, x-sql-statements).
import Database from 'better-sqlite3';
import { lruGet } from './cache/lru.ts';

export type SqlRow = Record<string, unknown>;

/** Runs one read statement written with `?` placeholders; rows as objects keyed by column. */
export type Reader = (sql: string, params: readonly unknown[]) => Promise<SqlRow[]>;

/** Prepared statements kept per SQLite handle: our SQL has a few hundred shapes at most. */
const STATEMENT_CACHE_SIZE = 500;

/** A prepared read: its rows as objects keyed by column. */
type PreparedRead = (params: readonly unknown[]) => SqlRow[];

/**
 * Prepares a read that fetches rows as arrays and builds each object with a function made for its
 * columns. better-sqlite3 builds row objects key by key from C++, which is a quarter slower than
 * this, and every row of a statement then shares one object shape (V8 reads its fields faster).
 */
function prepareRead(handle: Database.Database, sql: string): PreparedRead {
  const statement = handle.prepare(sql);
  if (!statement.reader) return (params) => statement.all(...(params as unknown[])) as SqlRow[];
  statement.raw(true);
  const fields = statement.columns().map((column, i) => `${JSON.stringify(column.name)}: r[${i}]`);
  // Column names come from our own SQL; JSON.stringify quotes them as property names.
  const row = new Function('r', `return { ${fields.join(', ')} };`) as (values: unknown[]) => SqlRow;
  return (params) => (statement.all(...(params as unknown[])) as unknown[][]).map(row);
}

/** A SQLite reader, and a way to close its handle (a later read opens it again). */
export interface SqliteReader {
  read: Reader;
  close(): void;
}

export function sqliteReader(file: string): SqliteReader {
  let handle: Database.Database | undefined;
  const statements = new Map<string, PreparedRead>();
  return {
    read: (sql, params) => {
      // Opened on first use: the file may not exist until migrations have run.
      handle ??= new Database(file, { readonly: true, fileMustExist: true });
      const open = handle;
      const read = lruGet(statements, sql, () => prepareRead(open, sql), STATEMENT_CACHE_SIZE);
      return Promise.resolve(read(params));
    },
    close() {
      // Prepared statements belong to the handle: they go with it.
      statements.clear();
      handle?.close();
      handle = undefined;
    },
  };
}

/** One consistent view of the database across many statements (a long read such as an export). */
export interface Snapshot {
  read: Reader;
  close(): Promise<void>;
}

/**
 * A SQLite snapshot: a read transaction on a handle of its own. In WAL mode it sees the database
 * as of its first read while writers go on beside it.
 */
export function sqliteSnapshot(file: string): Snapshot {
  const handle = new Database(file, { readonly: true, fileMustExist: true });
  handle.exec('BEGIN');
  const statements = new Map<string, PreparedRead>();
  return {
    read: (sql, params) => {
      const read = statements.get(sql) ?? prepareRead(handle, sql);
      statements.set(sql, read);
      return Promise.resolve(read(params));
    },
    close: async () => {
      if (handle.inTransaction) handle.exec('COMMIT');
      handle.close();
    },
  };
}
