// Derived columns a migration adds empty (sort keys) are filled here, after migrating a database
// made by an earlier release: SQL alone cannot fold accents the same way on both engines. Not a
// knowledge change, so no version, `updatedAt`, change-log entry or data-version bump.
import { clientEngine, type Db } from '../db.ts';
import { vocabularyKinds } from '../model/kinds.ts';
import { recomputeDerived } from './derivedRows.ts';
import { delegate, type Row } from './rows.ts';

const models = ['Treatment', ...vocabularyKinds.map((k) => k.model)];

/** Fills empty sort keys; returns how many rows it filled. One indexed lookup per model when none are. */
export async function backfillDerived(db: Db): Promise<number> {
  const [a, b] = clientEngine(db) === 'postgresql' ? ['$1', '$2'] : ['?', '?'];
  const id = clientEngine(db) === 'postgresql' ? '$3' : '?';
  let filled = 0;
  await db.$transaction(
    async (tx) => {
      for (const model of models) {
        const rows: Row[] = await delegate(tx, model).findMany({ where: { sortFr: '' } });
        for (const row of rows) {
          const { sortFr, sortEn } = recomputeDerived.initial(model, row);
          await tx.$executeRawUnsafe(
            `UPDATE "${model}" SET "sortFr" = ${a}, "sortEn" = ${b} WHERE "id" = ${id}`,
            sortFr,
            sortEn,
            row.id,
          );
          filled++;
        }
      }
    },
    { timeout: 120_000 },
  );
  return filled;
}

/**
 * What `npm start` and `npm run db:migrate` run after migrating: a database that already existed
 * gets its derived columns filled; a new one (its first migration just applied) has no rows yet.
 */
export async function backfillAfterMigrating(
  db: Db,
  applied: readonly string[],
  firstMigration: string,
): Promise<number> {
  if (applied.length === 0 || applied.includes(firstMigration)) return 0;
  return backfillDerived(db);
}
