// Keeps derived columns (search text, sort keys: src/write/derived.ts) in step with the entities a
// unit of work touched, inside its transaction.
import { vocabularyKinds } from '../model/kinds.ts';
import { type TreatmentText, treatmentDerived, type VocabularyText, vocabularyDerived } from './derived.ts';
import type { Change } from './entities.ts';
import type { Row } from './rows.ts';
import { updateRows } from './sqlRows.ts';
import type { Writer } from './unitOfWork.ts';

const vocabularyModels: ReadonlySet<string> = new Set(vocabularyKinds.map((k) => k.model));

function derive(model: string, row: Row, aliases: readonly string[] = []): Row {
  if (model === 'Treatment') return treatmentDerived(row as unknown as TreatmentText, aliases);
  if (vocabularyModels.has(model)) return vocabularyDerived(row as unknown as VocabularyText);
  return {};
}

/** Which entities need their derived columns recomputed: own row written, or (treatments) an alias. */
function touched(changes: Change[]): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  const add = (model: string, id: number) => out.set(model, (out.get(model) ?? new Set()).add(id));
  for (const c of changes) {
    if (c.operation !== 'DELETE' && (c.model === 'Treatment' || vocabularyModels.has(c.model))) {
      add(c.model, c.after?.id as number);
    }
    if (c.model === 'TreatmentAlias') for (const ref of c.owner) add('Treatment', ref.id);
  }
  return out;
}

export const recomputeDerived = {
  /** The derived columns of a new row (a treatment's aliases are added by forEntities). */
  initial: (model: string, row: Row): Row => derive(model, row),

  async forEntities(w: Writer, changes: Change[]): Promise<void> {
    for (const [model, idSet] of touched(changes)) {
      const ids = [...idSet];
      const rows = await w.findMany(model, { where: { id: { in: ids } } });
      const aliases = new Map<number, string[]>();
      if (model === 'Treatment') {
        const aliasRows = await w.findMany('TreatmentAlias', { where: { treatmentId: { in: ids } } });
        for (const a of aliasRows.sort((x, y) => (x.id as number) - (y.id as number))) {
          aliases.set(a.treatmentId as number, [
            ...(aliases.get(a.treatmentId as number) ?? []),
            a.value as string,
          ]);
        }
      }
      for (const row of rows) {
        const derived = derive(model, row, aliases.get(row.id as number));
        if (Object.entries(derived).some(([k, v]) => row[k] !== v)) {
          await updateRows(w, model, [row.id as number], derived, false);
        }
      }
    }
  },
};
