// Which entity a row belongs to, for versions and the change log. Entities are what clients know by
// slug or code (treatments, vocabulary entries, sources, jurisdictions, authorities); every other
// row is a fact of one: a link, claim, setting or status of its treatment, a code of its vocabulary
// entry, a section of its source, a citation of whatever fact it supports.
import { entityKinds } from '../model/kinds.ts';
import { relationsOf } from '../model/relations.ts';
import type { Row } from './rows.ts';
import type { Writer } from './unitOfWork.ts';

export interface EntityRef {
  entity: string;
  id: number;
}

export interface RowChange {
  model: string;
  operation: 'CREATE' | 'UPDATE' | 'DELETE';
  before: Row | null;
  after: Row | null;
  /** Set for deletes, resolved before the row (or its owner) disappears. */
  owner?: EntityRef[];
}

export type Change = RowChange & { owner: EntityRef[] };

export const entityModels: ReadonlySet<string> = new Set(entityKinds.map((k) => k.model));

export const isEntityModel = (model: string) => entityModels.has(model);

/** Treatment facts that also change the treatment at their other end (read in both directions). */
const bothEnds: Record<string, string> = {
  TreatmentCombination: 'otherId',
  TreatmentComponent: 'componentId',
};

/** The owners of one row that need no read: everything but a citation of a fact. */
function directOwners(model: string, row: Row): EntityRef[] | { model: string; id: number } {
  if (isEntityModel(model)) return [{ entity: model, id: row.id as number }];
  if (model === 'SourceSection') return [{ entity: 'Source', id: row.sourceId as number }];
  if (typeof row.treatmentId === 'number' && model !== 'Citation') {
    const refs = [{ entity: 'Treatment', id: row.treatmentId }];
    const other = bothEnds[model];
    if (other && typeof row[other] === 'number') refs.push({ entity: 'Treatment', id: row[other] as number });
    return refs;
  }
  // A citation or a terminology code: the one owner column that is set (not the cited source).
  for (const relation of relationsOf(model)) {
    if (model === 'Citation' && (relation.name === 'source' || relation.name === 'section')) continue;
    const id = row[relation.column];
    if (typeof id !== 'number') continue;
    if (isEntityModel(relation.type)) return [{ entity: relation.type, id }];
    // A fact (link, claim, status…): its own owners, read below.
    return { model: relation.type, id };
  }
  return [];
}

/**
 * The entities each row belongs to, in order; facts that citations point at are read in one
 * statement per fact model (so a seed of hundreds of citations costs a few reads, not hundreds).
 */
export async function ownersOfRows(
  w: Writer,
  rows: Array<{ model: string; row: Row }>,
): Promise<EntityRef[][]> {
  const direct = rows.map(({ model, row }) => directOwners(model, row));
  const wanted = new Map<string, Set<number>>();
  for (const d of direct) {
    if (!Array.isArray(d)) wanted.set(d.model, (wanted.get(d.model) ?? new Set()).add(d.id));
  }
  const facts = new Map<string, EntityRef[]>();
  for (const [model, ids] of wanted) {
    for (const fact of await w.findMany(model, { where: { id: { in: [...ids] } } })) {
      const owners = directOwners(model, fact);
      facts.set(`${model}:${fact.id}`, Array.isArray(owners) ? owners : []);
    }
  }
  return direct.map((d) => (Array.isArray(d) ? d : (facts.get(`${d.model}:${d.id}`) ?? [])));
}
