// The change log (one row per entity changed, the feed clients sync from) and the audit trail (one
// row per database row, with its values before and after), appended by the unit of work in the
// same transaction as the change.
import type { Change } from './entities.ts';
import type { Row } from './rows.ts';
import type { EntityChange, Writer } from './unitOfWork.ts';

/** A row as JSON for the audit trail; `null` when there is none (before a create, after a delete). */
const json = (row: Row | null) => (row ? JSON.stringify(row) : null);

/** How many rows one INSERT carries (SQLite accepts 32 766 parameters, PostgreSQL 65 535). */
const ROWS_PER_STATEMENT = 500;

/**
 * Appends rows with multi-row INSERTs through the transaction: a seed writes a thousand audit rows,
 * which Prisma's createMany plans and converts one by one. `enumColumn` is cast on PostgreSQL.
 */
async function insertRows(
  w: Writer,
  table: string,
  columns: string[],
  rows: unknown[][],
  enumColumn: string,
) {
  const cast = (column: string) =>
    w.engine === 'postgresql' && column === enumColumn ? '?::"ChangeOperation"' : '?';
  const tuple = `(${columns.map(cast).join(', ')})`;
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
    await w.execute(
      `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')}`,
      chunk.flat(),
    );
  }
}

export async function appendLogs(
  w: Writer,
  dataVersion: number,
  changes: Change[],
  entities: EntityChange[],
): Promise<void> {
  // One instant for the whole write, stored as Prisma stores DateTime on each engine.
  const iso = new Date().toISOString();
  const at = w.engine === 'postgresql' ? iso.replace('Z', '') : iso.replace('Z', '+00:00');
  await insertRows(
    w,
    'ChangeLog',
    ['dataVersion', 'actor', 'operation', 'entity', 'entityId', 'entityKey', 'version', 'at'],
    entities.map((e) => [dataVersion, w.actor, e.operation, e.entity, e.id, e.key, e.version, at]),
    'operation',
  );
  await insertRows(
    w,
    'AuditLog',
    ['dataVersion', 'actor', 'operation', 'model', 'recordId', 'before', 'after', 'at'],
    changes.map((c) => [
      dataVersion,
      w.actor,
      c.operation,
      c.model,
      ((c.after ?? c.before)?.id as number | undefined) ?? null,
      json(c.before),
      json(c.after),
      at,
    ]),
    'operation',
  );
}

/**
 * The entry a bulk load writes instead of one per row (seed:scale replaces everything), through a
 * database driver in its own transaction, after bumping the data version: `?` placeholders
 * (numbered for PostgreSQL by the caller), params [actor, description].
 */
export const RESET_CHANGE_SQL = [
  `INSERT INTO "ChangeLog" ("dataVersion", "actor", "operation", "entity", "entityId", "entityKey", "version")
   SELECT "version", ?, 'RESET', 'Knowledge', 0, ?, "version" FROM "DataVersion" WHERE "id" = 1`,
  `INSERT INTO "AuditLog" ("dataVersion", "actor", "operation", "model", "after")
   SELECT "version", ?, 'RESET', 'Knowledge', ? FROM "DataVersion" WHERE "id" = 1`,
] as const;
