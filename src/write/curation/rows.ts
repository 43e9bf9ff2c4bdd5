// Lookups every curation operation starts with: an entity by its slug (or code), its version as
// the client read it, and the rows that would be orphaned by deleting it.
import { referencesTo } from '../../model/relations.ts';
import { ownersOfRows } from '../entities.ts';
import type { Row } from '../rows.ts';
import type { Writer } from '../unitOfWork.ts';
import { UserFault } from './fault.ts';

/** The row of `model` whose `column` is `key`, or a NOT_FOUND fault at `path`. */
export async function findOne(
  w: Writer,
  model: string,
  column: string,
  key: string,
  path: string[],
  noun: string,
) {
  const [row] = await w.findMany(model, { where: { [column]: key } });
  if (!row) throw UserFault.of('NOT_FOUND', path, `no ${noun} with ${column} "${key}"`);
  return row;
}

/** Optimistic concurrency: the version the client read must still be the current one. */
export function expectVersion(row: Row, version: number | null | undefined, path: string[], noun: string) {
  if (version === undefined || version === null || Number(row.version) === version) return;
  throw UserFault.of(
    'CONFLICT',
    path,
    `the ${noun} is at version ${row.version}, not ${version}: someone changed it since you read it; read it again and reapply your change`,
    { currentVersion: Number(row.version) },
  );
}

/** Rows referring to `rows` of `model`, by referring model (each once, in datamodel order). */
async function children(w: Writer, model: string, ids: number[]) {
  const found: Array<{ model: string; rows: Row[] }> = [];
  for (const ref of referencesTo(model)) {
    const rows = await w.findMany(ref.model, { where: { [ref.column]: { in: ids } } });
    const known = found.find((f) => f.model === ref.model);
    if (known) known.rows.push(...rows.filter((r) => !known.rows.some((k) => k.id === r.id)));
    else if (rows.length > 0) found.push({ model: ref.model, rows });
  }
  return found;
}

/**
 * What deleting entity `model` #`id` would take with it that belongs to another entity: links from
 * other treatments, citations of other facts… Its own facts (its links, claims, codes, citations)
 * go with it and are not listed. Each as `<entity>/<key>`.
 */
export async function dependentsOf(w: Writer, model: string, id: number): Promise<string[]> {
  const out = new Set<string>();
  for (const group of await children(w, model, [id])) {
    const owners = await ownersOfRows(
      w,
      group.rows.map((row) => ({ model: group.model, row })),
    );
    const foreign = owners.flat().filter((o) => !(o.entity === model && o.id === id));
    const byEntity = new Map<string, number[]>();
    for (const o of foreign) byEntity.set(o.entity, [...(byEntity.get(o.entity) ?? []), o.id]);
    for (const [entity, ids] of byEntity) {
      for (const row of await w.findMany(entity, { where: { id: { in: [...new Set(ids)] } } })) {
        out.add(`${entity}/${row.slug ?? row.code ?? row.id}`);
      }
    }
  }
  return [...out].sort();
}

/** Deletes rows and, first, everything referring to them, so the audit trail records every row. */
export async function removeTree(w: Writer, model: string, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const ids = rows.map((r) => r.id as number);
  for (const group of await children(w, model, ids)) await removeTree(w, group.model, group.rows);
  // A child removed through another path (a citation of a link and of its treatment) is gone already.
  const still = await w.findMany(model, { where: { id: { in: ids } } });
  await w.remove(model, still);
}
