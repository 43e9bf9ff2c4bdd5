// Per-request batch loaders for data the Prisma plugin cannot preload cheaply: the links of a
// connection with the entity at their other end, the citations of link rows (fetched only when a
// client asks for them) and sources; one statement per kind per request.
import DataLoader from 'dataloader';
import { columnsSql, type RowColumns, rowColumns, scalarColumns } from './columns.ts';
import {
  countLinks,
  type LinkPage,
  type LinkRow,
  loadLinkPages,
  type PageColumns,
  type PagedSide,
  sideKey,
} from './linkRows.ts';
import { ident, placeholders, queryRows, type SqlRow } from './sql.ts';

/** A Citation column pointing at its owner, from the kind registry (`LinkKind.citationColumn`). */
type CitationOwnerColumn = string;

const citationColumns = scalarColumns('Citation');
const sourceColumns = scalarColumns('Source');
const SOURCE_PREFIX = 's__';
const citationSelect = [
  ...citationColumns.map((c) => `c.${ident(c)}`),
  'ss."locator"',
  ...sourceColumns.map((c) => `s.${ident(c)} AS ${ident(SOURCE_PREFIX + c)}`),
].join(', ');

export type CitationRow = SqlRow & { id: number; sourceId: number; source: SqlRow };

/**
 * The citations of many owners, each with its source, in one statement whatever the owner kinds
 * (one `IN` per owner column, OR-ed: each uses its own index); per owner in the order citations
 * are always shown (src/resolvers/citations.ts: source, then id). Keys are `column:id`.
 */
async function loadCitations(keys: readonly string[]): Promise<CitationRow[][]> {
  const idsByColumn = new Map<CitationOwnerColumn, number[]>();
  for (const key of keys) {
    const [column, id] = key.split(':') as [CitationOwnerColumn, string];
    const ids = idsByColumn.get(column);
    if (ids) ids.push(Number(id));
    else idsByColumn.set(column, [Number(id)]);
  }
  const columns = [...idsByColumn.keys()];
  const where = columns
    .map((column) => `c.${ident(column)} IN (${placeholders(idsByColumn.get(column)?.length ?? 0)})`)
    .join(' OR ');
  const rows = await queryRows(
    `SELECT ${citationSelect} FROM "Citation" c JOIN "Source" s ON s.id = c."sourceId"
     JOIN "SourceSection" ss ON ss.id = c."sectionId"
     WHERE ${where} ORDER BY c."sourceId", c.id`,
    columns.flatMap((column) => idsByColumn.get(column) ?? []),
  );
  const byOwner = new Map<string, CitationRow[]>();
  for (const row of rows) {
    const citation: SqlRow = {};
    for (const c of citationColumns) citation[c] = row[c];
    citation.locator = row.locator;
    const source: SqlRow = {};
    for (const c of sourceColumns) source[c] = row[SOURCE_PREFIX + c];
    citation.source = source;
    // A citation has exactly one owner column set.
    const column = columns.find((c) => row[c] != null);
    const owner = `${column}:${Number(column ? row[column] : 0)}`;
    const list = byOwner.get(owner);
    if (list) list.push(citation as CitationRow);
    else byOwner.set(owner, [citation as CitationRow]);
  }
  return keys.map((key) => byOwner.get(key) ?? []);
}

/** A row to load by a unique column, and the columns its selection needs (rowColumns). */
interface RowKey {
  value: string | number;
  columns: RowColumns;
}

/**
 * Rows of a model by a unique column: by id for a to-one relation (a citation's source, a status's
 * jurisdiction…), by slug or code for a root lookup. Keys of one batch may ask for different
 * columns (`treatmentA { slug }` beside `treatmentB { summary }`): one statement reads the union.
 * A key with no row gives null.
 */
async function loadByKey(model: string, column: string, keys: readonly RowKey[]) {
  const wanted = new Set<string>([column]);
  for (const key of keys) for (const c of key.columns.list) wanted.add(c);
  const list = scalarColumns(model).filter((c) => wanted.has(c));
  const values = [...new Set(keys.map((key) => key.value))];
  const rows = await queryRows(
    `SELECT ${list.map(ident).join(', ')} FROM ${ident(model)} WHERE ${ident(column)} IN (${placeholders(values.length)})`,
    values,
  );
  const found = new Map(rows.map((r) => [String(r[column]), r]));
  return keys.map((key) => found.get(String(key.value)) ?? null);
}

/** Loads rows of a model by a unique column; `fields` (a selection) narrows the texts read. */
export interface RowLoader {
  load(value: string | number, fields?: ReadonlySet<string> | null): Promise<SqlRow | null>;
}

/** Every row of `model` owned by each parent, in `orderBy` order (short lists: aliases, codes). */
async function loadChildren(model: string, parentColumn: string, orderBy: string, ids: readonly number[]) {
  const parent = ident(parentColumn);
  const rows = await queryRows(
    `SELECT ${columnsSql(model)} FROM ${ident(model)} WHERE ${parent} IN (${placeholders(ids.length)}) ORDER BY ${orderBy}`,
    ids,
  );
  const byParent = new Map<number, SqlRow[]>();
  for (const row of rows) {
    const id = Number(row[parentColumn]);
    const list = byParent.get(id);
    if (list) list.push(row);
    else byParent.set(id, [row]);
  }
  return ids.map((id) => byParent.get(id) ?? []);
}

export type CitationRows = CitationRow[];

/** Loads the citations of one owner kind through the request's shared citation loader. */
export interface CitationsOf {
  load(id: number): Promise<CitationRows>;
}

export function createLoaders() {
  // Link batches of this request still waiting for the database. Edge citations wait until there
  // are none, then go out in one batch: over a network (PostgreSQL) the link kinds of a level
  // answer in different ticks, and DataLoader's own tick-based batching would then send one
  // citation statement per kind. Links never wait for citations, so the wait always ends.
  let linksInFlight = 0;
  let waiting: Array<() => void> = [];
  const loadLinksTracked = (
    side: PagedSide,
    page: LinkPage,
    ids: readonly number[],
    columns: PageColumns,
  ) => {
    linksInFlight++;
    return loadLinkPages(side, page, ids, columns).finally(() => {
      linksInFlight--;
      if (linksInFlight > 0) return;
      const ready = waiting;
      waiting = [];
      // After every microtask: the last kind's edges ask for their citations before the batch goes.
      for (const dispatch of ready) setImmediate(dispatch);
    });
  };
  const citations = new DataLoader(loadCitations, {
    maxBatchSize: 1000,
    batchScheduleFn: (dispatch) => {
      if (linksInFlight > 0) waiting.push(dispatch);
      else setImmediate(dispatch);
    },
  });
  const linkLoaders = new Map<string, DataLoader<number, LinkRow[]>>();
  const countLoaders = new Map<string, DataLoader<number, number>>();
  const byKeyLoaders = new Map<string, RowLoader>();
  const byKey = (model: string, column: string): RowLoader => {
    const key = `${model}.${column}`;
    let rows = byKeyLoaders.get(key);
    if (!rows) {
      // Cached per value and column list: a row read for fewer texts never answers a wider selection.
      const loader = new DataLoader<RowKey, SqlRow | null, string>((keys) => loadByKey(model, column, keys), {
        maxBatchSize: 1000,
        cacheKeyFn: (k) => `${k.columns.key}|${typeof k.value}:${k.value}`,
      });
      rows = { load: (value, fields = null) => loader.load({ value, columns: rowColumns(model, fields) }) };
      byKeyLoaders.set(key, rows);
    }
    return rows;
  };
  const childLoaders = new Map<string, DataLoader<number, SqlRow[]>>();
  return {
    /**
     * A page of a parent's links with the entity at their other end: parents asking for the same
     * page of the same side share one statement.
     */
    linkPage(side: PagedSide, page: LinkPage, columns: PageColumns = null): DataLoader<number, LinkRow[]> {
      const key = `${sideKey(side)}.${page.limit}.${page.cursor}.${page.backward}.${columns?.key ?? '*'}`;
      let loader = linkLoaders.get(key);
      if (!loader) {
        loader = new DataLoader((ids) => loadLinksTracked(side, page, ids, columns), { maxBatchSize: 1000 });
        linkLoaders.set(key, loader);
      }
      return loader;
    },
    /** How many links a parent has on a side (a connection's totalCount), asked only when selected. */
    linkCount(side: PagedSide): DataLoader<number, number> {
      const key = sideKey(side);
      let loader = countLoaders.get(key);
      if (!loader) {
        loader = new DataLoader((ids) => countLinks(side, ids), { maxBatchSize: 1000 });
        countLoaders.set(key, loader);
      }
      return loader;
    },
    /** Rows of a model by id: one statement per model per level; null when there is none. */
    byId(model: string): RowLoader {
      return byKey(model, 'id');
    },
    /** Rows of a model by a unique column (slug, code): lookups of one level share a statement. */
    byKey,
    /** Every row of a model owned by a parent, ordered (`orderBy` is SQL written by us, never input). */
    children(model: string, parentColumn: string, orderBy: string): DataLoader<number, SqlRow[]> {
      const key = `${model}.${parentColumn}.${orderBy}`;
      let loader = childLoaders.get(key);
      if (!loader) {
        loader = new DataLoader((ids) => loadChildren(model, parentColumn, orderBy, ids), {
          maxBatchSize: 1000,
        });
        childLoaders.set(key, loader);
      }
      return loader;
    },
    /** Citations of link rows, every kind in one batch: one statement per level per request. */
    citationsOf(column: CitationOwnerColumn): CitationsOf {
      return { load: (id) => citations.load(`${column}:${id}`) };
    },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
