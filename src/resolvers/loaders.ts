// Per-request batch loaders for data the Prisma plugin cannot preload cheaply: the citations of
// link rows, fetched only when a client asks for them, one statement per link kind per request.
import DataLoader from 'dataloader';
import { db } from '../db.ts';

export type CitationOwnerColumn =
  | 'treatmentTechniqueId'
  | 'treatmentActiveIngredientId'
  | 'treatmentIndicationId'
  | 'treatmentContraindicationId'
  | 'treatmentSideEffectId'
  | 'treatmentBodyAreaId'
  | 'componentId'
  | 'combinationId';

async function loadCitations(column: CitationOwnerColumn, ids: readonly number[]) {
  const rows = await db.citation.findMany({
    where: { [column]: { in: [...ids] } },
    include: { source: true },
    orderBy: [{ sourceId: 'asc' }, { id: 'asc' }],
  });
  const byOwner = new Map<number, typeof rows>();
  for (const row of rows) {
    const owner = row[column] as number;
    byOwner.set(owner, [...(byOwner.get(owner) ?? []), row]);
  }
  return ids.map((id) => byOwner.get(id) ?? []);
}

export type CitationRows = Awaited<ReturnType<typeof loadCitations>>[number];

export function createLoaders() {
  const citationLoaders = new Map<CitationOwnerColumn, DataLoader<number, CitationRows>>();
  return {
    citationsOf(column: CitationOwnerColumn): DataLoader<number, CitationRows> {
      let loader = citationLoaders.get(column);
      if (!loader) {
        loader = new DataLoader((ids) => loadCitations(column, ids), { maxBatchSize: 1000 });
        citationLoaders.set(column, loader);
      }
      return loader;
    },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
