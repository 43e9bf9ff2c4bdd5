// Reads an export table from a snapshot (src/readers.ts) a page at a time: one SELECT for the
// page's rows and, for a cited table, one for their citations, so memory stays bounded by the
// page whatever the size of the knowledge base.
import type { Reader, SqlRow } from '../readers.ts';
import type { Column, ExportTable, ValueType } from './tables.ts';

/** A page of this many rows per statement: large enough that round trips do not dominate. */
export const PAGE_SIZE = 2000;

export interface ExportCitation {
  source: string;
  locator: string;
  note: string | null;
  severity: string | null;
}

/** A row with values normalised across engines, keyed by column name (plus `citations`). */
export type ExportRow = Record<string, unknown> & { citations?: ExportCitation[] };

function normalise(value: unknown, type: ValueType): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'int':
    case 'float':
      return Number(value);
    case 'boolean':
      return value === true || value === 1 || value === 1n;
    case 'datetime':
      return new Date(value as string | number | Date).toISOString();
    default:
      return String(value);
  }
}

const pageKey = (n: number) => `k${n}`;

function pageSql(table: ExportTable, after: boolean): string {
  const keys = table.pageBy.map((c, i) => `t."${c}" AS "${pageKey(i)}"`);
  const columns = table.columns.map((c, i) => `${c.sql} AS "c${i}"`);
  const tuple = (items: string[]) => (items.length === 1 ? items[0] : `(${items.join(', ')})`);
  const where = after
    ? ` WHERE ${tuple(table.pageBy.map((c) => `t."${c}"`))} > ${tuple(table.pageBy.map(() => '?'))}`
    : '';
  const order = table.pageBy.map((c) => `t."${c}"`).join(', ');
  return `SELECT ${[...keys, ...columns].join(', ')} FROM ${table.from}${where} ORDER BY ${order} LIMIT ?`;
}

const citationSql = (column: string) =>
  `SELECT c."${column}" AS "owner", s."slug" AS "source", ss."locator" AS "locator", c."note" AS "note", c."severity" AS "severity"
FROM "Citation" c JOIN "Source" s ON s."id" = c."sourceId" JOIN "SourceSection" ss ON ss."id" = c."sectionId"
WHERE c."${column}" >= ? AND c."${column}" <= ? ORDER BY c."${column}", c."id"`;

function toRow(columns: Column[], raw: SqlRow): ExportRow {
  const row: ExportRow = {};
  columns.forEach((c, i) => {
    const value = normalise(raw[`c${i}`], c.type);
    // A required French text is stored empty when a curator gave only English: not given, like null.
    row[c.name] = c.localized && value === '' ? null : value;
  });
  return row;
}

/** The table's rows, a page at a time, in key order. */
export async function* readTable(
  read: Reader,
  table: ExportTable,
  pageSize = PAGE_SIZE,
): AsyncGenerator<ExportRow[]> {
  let after: unknown[] | undefined;
  for (;;) {
    const raw = await read(pageSql(table, after !== undefined), [...(after ?? []), pageSize]);
    if (raw.length === 0) return;
    const rows = raw.map((r) => toRow(table.columns, r));
    if (table.citedBy) await attachCitations(read, table.citedBy, raw, rows);
    yield rows;
    if (raw.length < pageSize) return;
    const last = raw[raw.length - 1] as SqlRow;
    after = table.pageBy.map((_, i) => last[pageKey(i)]);
  }
}

/** Citations of a page (ids ascending): one range read on the owner column's index. */
async function attachCitations(read: Reader, column: string, raw: SqlRow[], rows: ExportRow[]) {
  const ids = raw.map((r) => Number(r[pageKey(0)]));
  const byOwner = new Map<number, ExportCitation[]>();
  for (const c of await read(citationSql(column), [ids[0], ids[ids.length - 1]])) {
    const owner = Number(c.owner);
    const list = byOwner.get(owner) ?? [];
    byOwner.set(owner, list);
    list.push({
      source: String(c.source),
      locator: String(c.locator),
      note: (c.note as string | null) ?? null,
      severity: (c.severity as string | null) ?? null,
    });
  }
  rows.forEach((row, i) => {
    row.citations = byOwner.get(ids[i] as number) ?? [];
  });
}

/** The data version the snapshot sees: what an export's ETag and manifest name. */
export async function snapshotVersion(read: Reader): Promise<number> {
  const [row] = await read('SELECT "version" FROM "DataVersion" WHERE "id" = ?', [1]);
  return Number(row?.version ?? 0);
}
