// Runs one curation mutation: its operation inside the unit of work (one transaction, by the API
// key's name as actor), its user errors as payload errors, and the rest of the request reading from
// the primary so the answer shows what was just written. The write path and its validators (zod)
// load with the first mutation: a read-only process never holds them.
import type { Context } from '../context.ts';
import { db } from '../db.ts';
import { readFromPrimary } from '../replicas.ts';
import type { UserErrorShape } from '../write/curation/fault.ts';
import type { Writer } from '../write/unitOfWork.ts';
import { columnsSql } from './columns.ts';
import { ident, queryRows } from './sql.ts';

export interface CurationResult<T> {
  value: T | null;
  /** The data version the write produced; null when nothing was written. */
  dataVersion: number | null;
  errors: UserErrorShape[];
}

const loadWritePath = () =>
  Promise.all([
    import('../write/unitOfWork.ts'),
    import('../write/curation/fault.ts'),
    import('../write/curation/entities.ts'),
    import('../write/curation/facts.ts'),
  ]).then(([unit, fault, entities, facts]) => ({ ...unit, ...fault, ...entities, ...facts }));

export type WritePath = Awaited<ReturnType<typeof loadWritePath>>;

/** Who a change is attributed to in the change log and audit trail: the API key's name. */
export const actorOf = (ctx: Context) => ctx.auth.apiKey?.name ?? 'anonymous';

/**
 * A unique-constraint violation: two clients created the same thing at once. The unit of work
 * writes plain SQL (src/write/sqlRows.ts), whose failures Prisma reports as P2010 with the driver
 * adapter's kind; P2002 is its model queries' code for the same thing.
 */
const isUniqueViolation = (error: unknown) => {
  const e = error as { code?: string; meta?: { driverAdapterError?: { cause?: { kind?: string } } } } | null;
  return (
    e?.code === 'P2002' ||
    (e?.code === 'P2010' && e.meta?.driverAdapterError?.cause?.kind === 'UniqueConstraintViolation')
  );
};

export async function curate<T>(
  ctx: Context,
  operation: (path: WritePath, w: Writer) => Promise<T>,
): Promise<CurationResult<T>> {
  const path = await loadWritePath();
  try {
    const result = await path.write(db, actorOf(ctx), (w) => operation(path, w));
    return { value: result.value, dataVersion: result.dataVersion, errors: [] };
  } catch (error) {
    if (error instanceof path.UserFault) return { value: null, dataVersion: null, errors: error.errors };
    if (isUniqueViolation(error)) {
      const message = 'another change created the same thing at the same time; read again and retry';
      return { value: null, dataVersion: null, errors: [{ code: 'CONFLICT', path: ['input'], message }] };
    }
    throw error;
  } finally {
    readFromPrimary();
  }
}

/** A row as committed, read on the primary (not through the request's loaders, which may hold an older one). */
export async function committedRow(model: string, column: string, key: string) {
  const [row] = await queryRows(
    `SELECT ${columnsSql(model)} FROM ${ident(model)} WHERE ${ident(column)} = ?`,
    [key],
  );
  return row ?? null;
}
