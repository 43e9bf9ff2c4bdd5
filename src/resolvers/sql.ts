// Plain SQL for the hot read paths, through the database driver (src/readers.ts): building and
// interpreting a Prisma query plan, or even Prisma's raw-query path, costs more than the query.
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
