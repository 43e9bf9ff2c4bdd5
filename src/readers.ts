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

export function sqliteReader(file: string): Reader {
  let handle: Database.Database | undefined;
  const statements = new Map<string, PreparedRead>();
  return (sql, params) => {
    // Opened on first use: the file may not exist until migrations have run.
    handle ??= new Database(file, { readonly: true, fileMustExist: true });
    let read = statements.get(sql);
    if (read) {
      // Most recently used last, so the first key is the one to drop.
      statements.delete(sql);
    } else {
      read = prepareRead(handle, sql);
      if (statements.size >= STATEMENT_CACHE_SIZE)
        statements.delete(statements.keys().next().value as string);
    }
    statements.set(sql, read);
    return Promise.resolve(read(params));
  };
}

/** PostgreSQL `timestamp` (without zone) as Prisma writes it: UTC. pg would read local time. */
const utcTimestamp = (text: string) => new Date(`${text.replace(' ', 'T')}Z`);
const TIMESTAMP_OID = 1114;
const types = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMP_OID ? utcTimestamp : pg.types.getTypeParser(oid, format),
};

/** A parameter that can be written into SQL as a literal: integers (ids, limits, cursors) and null. */
const isInlineable = (value: unknown) =>
  value === null || (typeof value === 'number' && Number.isSafeInteger(value));

/** `?` placeholders replaced by the (inlineable) parameters as literals. */
function inline(sql: string, params: readonly unknown[]): string {
  let n = 0;
  return sql.replace(/\?/g, () => {
    const value = params[n++];
    return value === null ? 'NULL' : String(value);
  });
}

interface Pending {
  sql: string;
  params: readonly unknown[];
  resolve: (rows: SqlRow[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Reads through the pg pool. Statements asked for in the same turn of the event loop (a level of a
 * query: six link kinds, aliases, statuses…) go out as one multi-statement query: one round trip
 * and one connection instead of one each, which on a busy server costs more than the statements.
 * Only statements whose parameters are all integers or null are sent that way (their values are
 * written as literals, so nothing a client typed is ever spliced into SQL); the rest use bound
 * parameters. PostgreSQL runs a multi-statement query as one implicit transaction, so if any of
 * them fails, each is run again alone and gets its own answer or error.
 */
export function pgReader(pool: pg.Pool): Reader {
  const bound = async (sql: string, params: readonly unknown[]) => {
    let n = 0;
    const text = sql.replace(/\?/g, () => `$${++n}`);
    const result = await pool.query({ text, values: params as unknown[], types });
    return result.rows as SqlRow[];
  };
  let pending: Pending[] = [];
  const flush = async () => {
    const batch = pending;
    pending = [];
    const one = batch.length === 1 ? batch[0] : undefined;
    if (one) {
      bound(one.sql, one.params).then(one.resolve, one.reject);
      return;
    }
    try {
      const text = batch.map((p) => inline(p.sql, p.params)).join(';\n');
      const results = (await pool.query({ text, types })) as unknown as pg.QueryResult[];
      batch.forEach((p, i) => {
        p.resolve((results[i]?.rows ?? []) as SqlRow[]);
      });
    } catch {
      for (const p of batch) bound(p.sql, p.params).then(p.resolve, p.reject);
    }
  };
  return (sql, params) => {
    if (!params.every(isInlineable)) return bound(sql, params);
    return new Promise((resolve, reject) => {
      if (pending.length === 0) setImmediate(flush);
      pending.push({ sql, params, resolve, reject });
    });
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

/** A PostgreSQL snapshot: a REPEATABLE READ, READ ONLY transaction on one pooled connection. */
export async function pgSnapshot(pool: pg.Pool): Promise<Snapshot> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  } catch (error) {
    client.release(true);
    throw error;
  }
  return {
    read: async (sql, params) => {
      let n = 0;
      const text = sql.replace(/\?/g, () => `$${++n}`);
      return (await client.query({ text, values: params as unknown[], types })).rows as SqlRow[];
    },
    close: async () => {
      try {
        await client.query('COMMIT');
        client.release();
      } catch (error) {
        // A connection that failed mid-transaction is not given back to the pool.
        client.release(true);
        throw error;
      }
    },
  };
}
