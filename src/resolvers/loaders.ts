// Per-request batch loaders for data the Prisma plugin cannot preload cheaply: the links of a
// connection with the entity at their other end, the citations of link rows (fetched only when a
// client asks for them) and sources; one statement per kind per request.
import DataLoader from 'dataloader';
import { type LinkRow, type LinkSide, loadLinks, scalarColumns } from './linkRows.ts';
import { ident, placeholders, queryRows, type SqlRow } from './sql.ts';

export type CitationOwnerColumn =
  | 'treatmentTechniqueId'
  | 'treatmentActiveIngredientId'
  | 'treatmentIndicationId'
  | 'treatmentContraindicationId'
  | 'treatmentSideEffectId'
  | 'treatmentBodyAreaId'
  | 'componentId'
  | 'combinationId';

const citationColumns = scalarColumns('Citation');
const sourceColumns = scalarColumns('Source');
const SOURCE_PREFIX = 's__';
const citationSelect = [
  ...citationColumns.map((c) => `c.${ident(c)}`),
  ...sourceColumns.map((c) => `s.${ident(c)} AS ${ident(SOURCE_PREFIX + c)}`),
].join(', ');

export type CitationRow = SqlRow & { id: number; sourceId: number; source: SqlRow };

/**
 * The citations of many rows of one kind, each with its source, in one statement; per owner in
 * the order citations are always shown (src/resolvers/citations.ts: source, then id).
 */
async function loadCitations(column: CitationOwnerColumn, ids: readonly number[]) {
  const rows = await queryRows(
    `SELECT ${citationSelect} FROM "Citation" c JOIN "Source" s ON s.id = c."sourceId"
     WHERE c.${ident(column)} IN (${placeholders(ids.length)}) ORDER BY c."sourceId", c.id`,
    ids,
  );
  const byOwner = new Map<number, CitationRow[]>();
  for (const row of rows) {
    const citation: SqlRow = {};
    for (const c of citationColumns) citation[c] = row[c];
    const source: SqlRow = {};
    for (const c of sourceColumns) source[c] = row[SOURCE_PREFIX + c];
    citation.source = source;
    const owner = Number(row[column]);
    const list = byOwner.get(owner);
    if (list) list.push(citation as CitationRow);
    else byOwner.set(owner, [citation as CitationRow]);
  }
  return ids.map((id) => byOwner.get(id) ?? []);
}

/** Sources by id, for citations loaded without theirs (e.g. a source's own claims). */
async function loadSources(ids: readonly number[]) {
  const rows = await queryRows(`SELECT * FROM "Source" WHERE id IN (${placeholders(ids.length)})`, ids);
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  return ids.map((id) => byId.get(id) ?? new Error(`no source ${id}`));
}

export type CitationRows = Awaited<ReturnType<typeof loadCitations>>[number];

export function createLoaders() {
  const citationLoaders = new Map<CitationOwnerColumn, DataLoader<number, CitationRows>>();
  const linkLoaders = new Map<string, DataLoader<number, LinkRow[]>>();
  let sources: DataLoader<number, SqlRow> | undefined;
  return {
    /** Every link of a parent with the entity at its other end: one statement per side per request. */
    links(side: LinkSide): DataLoader<number, LinkRow[]> {
      const key = `${side.joinModel}.${side.parentColumn}`;
      let loader = linkLoaders.get(key);
      if (!loader) {
        loader = new DataLoader((ids) => loadLinks(side, ids), { maxBatchSize: 1000 });
        linkLoaders.set(key, loader);
      }
      return loader;
    },
    source(): DataLoader<number, SqlRow> {
      sources ??= new DataLoader(loadSources, { maxBatchSize: 1000 });
      return sources;
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
