// Plain SQL for the hot read paths, through the database driver (src/readers.ts): building and
// interpreting a Prisma query plan, or even Prisma's raw-query path, costs more than the query.
import { config } from '../config.ts';
import { sqlReader } from '../db.ts';
import type { SqlRow } from '../readers.ts';

export type { SqlRow };

/** Quotes an identifier that comes from the Prisma datamodel (never from a client). */
export const ident = (name: string) => `"${name}"`;

/** `?, ?, ?` for n values. */
export const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** Runs a read written with `?` placeholders (numbered for PostgreSQL by the reader); typed rows back. */
export async function queryRows<T extends SqlRow = SqlRow>(
  sql: string,
  params: readonly unknown[],
): Promise<T[]> {
  // Reads only, outside transactions: with read replicas, on the request's replica.
  return (await sqlReader()(sql, params)) as T[];
}

/**
 * A LIKE pattern matching `text` anywhere, with `%`, `_` and the escape character taken literally;
 * use with `LIKE ? ESCAPE '\'` (same on SQLite and PostgreSQL).
 */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * An instant as the engine stores Prisma's DateTime, so comparisons in plain SQL agree with Prisma's:
 * ISO text with `+00:00` on SQLite (compared as text), a zone-less UTC timestamp on PostgreSQL.
 */
export const timestampParam = (date: Date) =>
  config.engine === 'postgresql'
    ? date.toISOString().replace('Z', '')
    : date.toISOString().replace('Z', '+00:00');
