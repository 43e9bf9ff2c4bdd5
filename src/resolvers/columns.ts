// Which columns of a model the API reads, from the generated datamodel: every exposed column (whole
// rows, never `*`), or only those a GraphQL selection needs.
import { getDatamodel } from '../generated/pothos-types.ts';
import { ident } from './sql.ts';

const models = getDatamodel().datamodel.models;

/** Columns no GraphQL field reads (the folded search text, sort keys, creation time): not worth carrying. */
const unexposed = new Set(['searchText', 'sortFr', 'sortEn', 'createdAt']);

/** The scalar and enum columns of a model that the API can expose, from the generated datamodel. */
export function scalarColumns(model: string): string[] {
  return (models[model]?.fields ?? [])
    .filter((f) => (f.kind === 'scalar' || f.kind === 'enum') && !unexposed.has(f.name))
    .map((f) => f.name);
}

const columnListSql = new Map<string, string>();
/**
 * `alias."a", alias."b", …`: the exposed columns of a model, for reads of whole rows (never `*`,
 * which would carry the folded search text and sort keys of every row).
 */
export function columnsSql(model: string, alias?: string): string {
  const key = `${model}|${alias ?? ''}`;
  let sql = columnListSql.get(key);
  if (sql === undefined) {
    sql = scalarColumns(model)
      .map((c) => (alias ? `${alias}.${ident(c)}` : ident(c)))
      .join(', ');
    columnListSql.set(key, sql);
  }
  return sql;
}

/** The field a `…Locale` or `…I18n` field is the sibling of (`nameLocale` → `name`). */
const fieldBase = (field: string) => field.replace(/(Locale|I18n)$/, '');

/**
 * The columns of `model` that a selection of its GraphQL fields reads. The schema's rule, kept by
 * every type: a field reads the column of its name, a localised field the `Fr`/`En` pair of its
 * name (`nameLocale` too), a to-one field the `<name>Id` column; anything else (links, codes,
 * citations, aliases) loads by the row's id. `id` and `slug` are always read (global ids are
 * derived from slugs). Null `fields` means every exposed column.
 */
export function selectedColumns(model: string, fields: ReadonlySet<string> | null): string[] {
  const all = scalarColumns(model);
  if (!fields) return all;
  const available = new Set(all);
  const wanted = new Set(['id', 'slug'].filter((c) => available.has(c)));
  for (const field of fields) {
    const base = fieldBase(field);
    for (const column of [field, `${base}Fr`, `${base}En`, `${field}Id`]) {
      if (available.has(column)) wanted.add(column);
    }
  }
  return all.filter((c) => wanted.has(c));
}

/** The columns a read of whole rows carries: a list for SQL and a key for loader and plan caches. */
export interface RowColumns {
  list: readonly string[];
  key: string;
}

const rowColumnCache = new Map<string, RowColumns>();
const rowColumnsBySelection = new WeakMap<ReadonlySet<string>, Map<string, RowColumns>>();

/**
 * The columns of `model` to read for rows a selection of its GraphQL fields reaches: every short
 * column, and a localised text pair (`<p>Fr` / `<p>En`, the long columns: summaries, mechanisms,
 * descriptions) only when a field of its name is selected (`<p>`, `<p>Locale`, `<p>I18n`). Looser
 * than selectedColumns on purpose: rows of root lists and lookups reach every type's resolvers, and
 * only the texts are worth leaving behind. Null `fields` means every exposed column.
 */
export function rowColumns(model: string, fields: ReadonlySet<string> | null): RowColumns {
  let byModel = fields ? rowColumnsBySelection.get(fields) : undefined;
  const known = byModel?.get(model);
  if (known) return known;
  const all = scalarColumns(model);
  const present = new Set(all);
  const selected = new Set([...(fields ?? [])].map(fieldBase));
  const list = all.filter((column) => {
    const prefix = column.replace(/(Fr|En)$/, '');
    const isText = prefix !== column && present.has(`${prefix}Fr`) && present.has(`${prefix}En`);
    return !fields || !isText || selected.has(prefix);
  });
  const key = `${model}|${list.join(',')}`;
  let columns = rowColumnCache.get(key);
  if (!columns) {
    columns = { list, key };
    rowColumnCache.set(key, columns);
  }
  if (fields) {
    byModel ??= new Map();
    byModel.set(model, columns);
    rowColumnsBySelection.set(fields, byModel);
  }
  return columns;
}
