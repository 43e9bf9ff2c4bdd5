// To-one relations of the Prisma datamodel (DMMF), read both ways: what a model's foreign keys point
// at, and which models point at it. The write path (owners of a row, dependents of a delete) and
// the exports (references written as keys) read relations here rather than each scanning the DMMF.
import { getDatamodel } from '../generated/pothos-types.ts';

const models = getDatamodel().datamodel.models;

export interface Relation {
  /** The relation field (`treatment`, `other`, `section`). */
  name: string;
  /** The model it points at. */
  type: string;
  /** The foreign key column holding it. */
  column: string;
}

/** The to-one relations of `model` with their foreign key, in datamodel order. */
export function relationsOf(model: string): Relation[] {
  const found = models[model];
  if (!found) throw new Error(`no model ${model} in the Prisma datamodel`);
  return found.fields.flatMap((f) =>
    f.kind === 'object' && !f.isList && f.relationFromFields?.length === 1
      ? [{ name: f.name, type: f.type, column: f.relationFromFields[0] as string }]
      : [],
  );
}

/** The columns of other models pointing at `model`, in datamodel order. */
export function referencesTo(model: string): Array<{ model: string; column: string }> {
  return Object.keys(models).flatMap((name) =>
    relationsOf(name)
      .filter((r) => r.type === model)
      .map((r) => ({ model: name, column: r.column })),
  );
}
