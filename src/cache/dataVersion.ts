// The knowledge's version: one counter bumped inside every write transaction. Response caches key
// on it, so a write (from any process) invalidates every cached answer everywhere, with no
// message bus and no stale window.
import type { Db } from '../db.ts';
import { queryRows } from '../resolvers/sql.ts';

/** The bump, for every writer (through Prisma below, or a driver in seed/bulk.ts); valid on SQLite and PostgreSQL. */
export const BUMP_DATA_VERSION_SQL = `INSERT INTO "DataVersion" ("id", "version", "updatedAt") VALUES (1, 1, CURRENT_TIMESTAMP)
ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1, "updatedAt" = CURRENT_TIMESTAMP`;

/** Bumps the version; call inside the write's transaction. */
export async function bumpDataVersion(tx: Pick<Db, '$executeRawUnsafe'>): Promise<void> {
  await tx.$executeRawUnsafe(BUMP_DATA_VERSION_SQL);
}

export interface DataVersion {
  version: number;
  /** When the knowledge last changed (the last bump). */
  updatedAt: Date | null;
}

/** One read per request, shared by the response cache key and the response metadata. */
const perRequest = new WeakMap<object, Promise<DataVersion>>();

/** The data version and its time, read once for `request` (any object naming the request). */
export function dataVersionOf(request: object): Promise<DataVersion> {
  let read = perRequest.get(request);
  if (!read) {
    read = queryRows<{ version: number | bigint; updatedAt: Date | string | null }>(
      'SELECT "version", "updatedAt" FROM "DataVersion" WHERE "id" = 1',
      [],
    ).then(([row]) => ({
      version: Number(row?.version ?? 0),
      updatedAt: row?.updatedAt ? new Date(row.updatedAt) : null,
    }));
    perRequest.set(request, read);
  }
  return read;
}

/** The current version (0 before the first write). */
export async function readDataVersion(): Promise<number> {
  return (await dataVersionOf({})).version;
}
