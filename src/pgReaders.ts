// PostgreSQL's plain-SQL reads and snapshots (src/readers.ts has the shared types and SQLite's):
// a module of its own so that a SQLite process never loads the pg driver.
import pg from 'pg';
import type { Reader, Snapshot, SqlRow } from './readers.ts';

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
