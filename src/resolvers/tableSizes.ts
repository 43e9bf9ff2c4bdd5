// How many rows PostgreSQL estimates each table holds (pg_class.reltuples, kept by ANALYZE and
// autovacuum), for the link statements' choice of join (linkRows.ts). Read in the background, at
// most every few minutes, outside any request's statement count; until the first read answers, and
// on SQLite, every table counts as small.
import { config } from '../config.ts';
import { uncountedReader } from '../db.ts';
import { logger } from '../logger.ts';

const REFRESH_MS = 5 * 60_000;

let sizes = new Map<string, number>();
let readAt = Number.NEGATIVE_INFINITY;

async function refresh(): Promise<void> {
  try {
    // Tables on the search path; reltuples is -1 for a table never analysed (treated as small).
    const rows = await uncountedReader()(
      `SELECT relname AS "name", reltuples AS "rows" FROM pg_class WHERE relkind = 'r' AND pg_table_is_visible(oid)`,
      [],
    );
    sizes = new Map(rows.map((row) => [String(row.name), Number(row.rows)]));
  } catch (error) {
    // The last sizes stay; the next refresh tries again.
    logger.warn({ err: error }, 'could not read table sizes');
  }
}

/** The estimated rows of a table: 0 until known. Starts a background refresh when due. */
export function estimatedRows(table: string): number {
  if (config.engine !== 'postgresql') return 0;
  const now = Date.now();
  if (now - readAt > REFRESH_MS) {
    readAt = now;
    void refresh();
  }
  return sizes.get(table) ?? 0;
}

/** Tests: set the sizes (and hold off refreshes), or forget them. */
export function setEstimatedRowsForTests(next: Record<string, number> | null): void {
  sizes = new Map(Object.entries(next ?? {}));
  readAt = next ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
}
