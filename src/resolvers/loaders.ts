// Per-request batch loaders for data the Prisma plugin cannot preload cheaply: the citations of
// link rows, fetched only when a client asks for them, one statement per link kind per request.
import DataLoader from 'dataloader';
import { db } from '../db.ts';
import { citationInclude } from './citations.ts';

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
    ...citationInclude,
  });
  const byOwner = new Map<number, typeof rows>();
  for (const row of rows) {
    const owner = row[column] as number;
    byOwner.set(owner, [...(byOwner.get(owner) ?? []), row]);
  }
  return ids.map((id) => byOwner.get(id) ?? []);
}

export type CitationRows = Awaited<ReturnType<typeof loadCitations>>[number];

interface GroupDelegate {
  groupBy(args: object): Promise<Array<Record<string, unknown> & { _count: { _all: number } }>>;
}

/** How many rows of `model` point at each of `ids` through `column` (a link connection's totalCount). */
async function countLinks(model: string, column: string, ids: readonly number[]) {
  const delegate = (db as unknown as Record<string, GroupDelegate>)[model] as GroupDelegate;
  const rows = await delegate.groupBy({
    by: [column],
    where: { [column]: { in: [...ids] } },
    _count: { _all: true },
  });
  const counts = new Map(rows.map((r) => [r[column] as number, r._count._all]));
  return ids.map((id) => counts.get(id) ?? 0);
}

export function createLoaders() {
  const citationLoaders = new Map<CitationOwnerColumn, DataLoader<number, CitationRows>>();
  const countLoaders = new Map<string, DataLoader<number, number>>();
  return {
    /** Counted only when a client asks for totalCount: one grouped statement per link kind. */
    linkCount(model: string, column: string): DataLoader<number, number> {
      const key = `${model}.${column}`;
      let loader = countLoaders.get(key);
      if (!loader) {
        loader = new DataLoader((ids) => countLinks(model, column, ids), { maxBatchSize: 1000 });
        countLoaders.set(key, loader);
      }
      return loader;
    },
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
