// The change log (one row per entity changed, the feed clients sync from) and the audit trail (one
// row per database row, with its values before and after), appended by the unit of work in the
// same transaction as the change.
import type { Change } from './entities.ts';
import { delegate, type Row } from './rows.ts';
import type { EntityChange, Writer } from './unitOfWork.ts';

/** A row as JSON for the audit trail; `null` when there is none (before a create, after a delete). */
const json = (row: Row | null) => (row ? JSON.stringify(row) : null);

export async function appendLogs(
  w: Writer,
  dataVersion: number,
  changes: Change[],
  entities: EntityChange[],
): Promise<void> {
  const base = { dataVersion, actor: w.actor };
  await delegate(w.tx, 'ChangeLog').createManyAndReturn({
    data: entities.map((e) => ({
      ...base,
      operation: e.operation,
      entity: e.entity,
      entityId: e.id,
      entityKey: e.key,
      version: e.version,
    })),
  });
  await delegate(w.tx, 'AuditLog').createManyAndReturn({
    data: changes.map((c) => ({
      ...base,
      operation: c.operation,
      model: c.model,
      rowId: ((c.after ?? c.before)?.id as number | undefined) ?? null,
      before: json(c.before),
      after: json(c.after),
    })),
  });
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
