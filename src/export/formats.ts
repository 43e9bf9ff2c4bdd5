// The two analyst formats, written a page at a time. CSV (RFC 4180, UTF-8, CRLF): one column per
// language (`nameFr`, `nameEn`) and the citations in one readable cell; JSON: an array of objects
// with texts as `{ fr, en }` and citations as objects, like the GraphQL API answers them.
import type { ExportCitation, ExportRow } from './read.ts';
import type { ExportTable } from './tables.ts';

export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const contentTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8; header=present',
  json: 'application/json; charset=utf-8',
};

/** CSV column names: the table's columns, then `citations` for a cited table. */
export const csvHeader = (table: ExportTable) => [
  ...table.columns.map((c) => c.name),
  ...(table.citedBy ? ['citations'] : []),
];

/** `source: locator` per citation, `; ` between them (citations.csv has every detail). */
export const citationCell = (list: ExportCitation[]) =>
  list.map((c) => `${c.source}: ${c.locator}`).join('; ');

/**
 * One CSV cell. Quoted when it holds a separator, quote or line break. Text starting with `=`, `+`,
 * `-`, `@`, a tab or a carriage return gets a leading `'`, so a spreadsheet shows it instead of
 * running it as a formula (OWASP's advice against CSV injection); numbers are written as they are.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

const csvLine = (cells: unknown[]) => `${cells.map(csvCell).join(',')}\r\n`;

function csvRow(table: ExportTable, row: ExportRow): string {
  const cells: unknown[] = table.columns.map((c) => row[c.name]);
  if (table.citedBy) cells.push(citationCell(row.citations ?? []));
  return csvLine(cells);
}

/** A row as JSON: localized columns nested (`name: { fr, en }`), citations as a list. */
export function jsonRow(table: ExportTable, row: ExportRow): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of table.columns) {
    if (c.localized) {
      const text = (out[c.localized.stem] ?? {}) as Record<string, unknown>;
      text[c.localized.locale] = row[c.name];
      out[c.localized.stem] = text;
    } else {
      out[c.name] = row[c.name];
    }
  }
  if (table.citedBy) out.citations = row.citations ?? [];
  return out;
}

/** The file's text, a page at a time. */
export async function* formatRows(
  table: ExportTable,
  format: ExportFormat,
  pages: AsyncIterable<ExportRow[]>,
): AsyncGenerator<string> {
  if (format === 'csv') {
    yield csvLine(csvHeader(table));
    for await (const rows of pages) yield rows.map((r) => csvRow(table, r)).join('');
    return;
  }
  let first = true;
  yield '[';
  for await (const rows of pages) {
    const text = rows.map((r) => JSON.stringify(jsonRow(table, r))).join(',\n');
    yield `${first ? '\n' : ',\n'}${text}`;
    first = false;
  }
  yield first ? ']\n' : '\n]\n';
}
