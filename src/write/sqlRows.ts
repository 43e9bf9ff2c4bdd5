// Rows of the knowledge written and read with plain SQL through the unit of work's transaction, in
// place of Prisma's model queries: Prisma plans each query shape through its query compiler (wasm)
// and converts every row and parameter, which was 1.1 s of the 1.3 s a first seed took (≈ 1 000 rows
// over ~30 models, the largest part of a cold start) and most of a curated write's CPU. What Prisma
// would have checked or filled in on the client is done here from the generated datamodel: unknown
// columns and enum values are refused, `@default(now())` and `@updatedAt` get one instant per
// statement, and rows come back whole, typed as Prisma returns them (Date, boolean), in the
// datamodel's column order.
import { getDatamodel } from '../generated/pothos-types.ts';
import * as enums from '../generated/sqlite/enums.ts';
import type { Row, Value } from './rows.ts';

/** What these need of the unit of work: a statement written with `?` placeholders, and the engine. */
export interface InsertTarget {
  readonly engine: 'sqlite' | 'postgresql';
  query(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

interface Column {
  name: string;
  /** Prisma's scalar type (`Int`, `String`…) or the enum's name. */
  type: string;
  isEnum: boolean;
  /** Filled with the write's instant when a row leaves it out (`@default(now())`, `@updatedAt`). */
  isNow: boolean;
  /** Nullable without a default: a row leaving it out writes null (so rows share one statement). */
  nullByDefault: boolean;
}

interface Table {
  columns: Map<string, Column>;
  /** `"a", "b", …` in datamodel order, for RETURNING. */
  returning: string;
}

/** PostgreSQL types of the columns, to cast the JSON text to. */
const pgTypes: Record<string, string> = {
  Int: 'integer',
  String: 'text',
  DateTime: 'timestamp(3)',
  Boolean: 'boolean',
  Float: 'double precision',
};

/** Rows per statement. */
const MAX_ROWS = 1_000;

const models = getDatamodel().datamodel.models;
const enumValues = enums as unknown as Record<string, Record<string, string> | undefined>;
const tables = new Map<string, Table>();

function tableOf(model: string): Table {
  let table = tables.get(model);
  if (table) return table;
  const fields = models[model]?.fields;
  if (!fields) throw new Error(`no model ${model} in the Prisma datamodel`);
  const columns = new Map<string, Column>();
  for (const f of fields) {
    if (f.kind !== 'scalar' && f.kind !== 'enum') continue;
    const isNow = f.type === 'DateTime' && (f.isUpdatedAt || (f.hasDefaultValue && f.isRequired));
    const nullByDefault = !f.isRequired && !f.hasDefaultValue;
    columns.set(f.name, { name: f.name, type: f.type, isEnum: f.kind === 'enum', isNow, nullByDefault });
  }
  table = { columns, returning: [...columns.keys()].map((c) => `"${c}"`).join(', ') };
  tables.set(model, table);
  return table;
}

/** The column `name` of `model`, once `value` is known to fit it (what Prisma checks on the client). */
function checked(model: string, table: Table, name: string, value: Value | undefined): Column {
  const column = table.columns.get(name);
  if (!column) throw new Error(`${model} has no column ${name}`);
  if (column.isEnum && value != null && enumValues[column.type]?.[value as string] !== value) {
    throw new Error(`${model}.${name}: ${JSON.stringify(value)} is not a ${column.type}`);
  }
  return column;
}

/** The row as it will be written: checked against the model, with its instants filled in. */
function prepare(model: string, table: Table, row: Row, now: Date): Row {
  const out: Row = {};
  for (const [name, value] of Object.entries(row)) {
    checked(model, table, name, value);
    if (value !== undefined) out[name] = value;
  }
  for (const column of table.columns.values()) {
    if (column.isNow && out[column.name] == null) out[column.name] = now;
    else if (column.nullByDefault && out[column.name] === undefined) out[column.name] = null;
  }
  return out;
}

/**
 * Inserts `rows` into `model` and returns them as stored (ids, defaults). Rows are grouped by the
 * columns they set, so a column a row leaves out gets its database default, as with Prisma.
 */
export async function insertRows(target: InsertTarget, model: string, rows: Row[]): Promise<Row[]> {
  if (rows.length === 0) return [];
  const table = tableOf(model);
  const now = new Date();
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const prepared = prepare(model, table, row, now);
    const signature = Object.keys(prepared).join(',');
    const group = groups.get(signature);
    if (group) group.push(prepared);
    else groups.set(signature, [prepared]);
  }
  const out: Row[] = [];
  for (const [signature, group] of groups) {
    const names = signature.split(',');
    const sql = insertSql(target.engine, model, table, names);
    for (let i = 0; i < group.length; i += MAX_ROWS) {
      const chunk = group.slice(i, i + MAX_ROWS);
      const values = JSON.stringify(chunk.map((row) => names.map((n) => jsonValue(target.engine, row[n]))));
      out.push(...(await target.query(sql, [values])).map((r) => inColumnOrder(table, r)));
    }
  }
  return out;
}

/**
 * The rows travel as one JSON parameter (an array of value arrays) expanded in SQL: Prisma converts
 * each bound parameter of a raw query on its own, which for a few thousand made up most of a seed.
 * The expansion keeps the array's order, so ids are given in the order of `rows`.
 */
function insertSql(engine: InsertTarget['engine'], model: string, table: Table, names: string[]): string {
  const head = `INSERT INTO "${model}" (${names.map((n) => `"${n}"`).join(', ')}) `;
  if (engine === 'sqlite') {
    const values = names.map((_, i) => `value ->> ${i}`).join(', ');
    return `${head}SELECT ${values} FROM json_each(?) ORDER BY key RETURNING ${table.returning}`;
  }
  const values = names.map((n, i) => {
    const column = table.columns.get(n) as Column;
    return `(e.v ->> ${i})::${column.isEnum ? `"${column.type}"` : pgTypes[column.type]}`;
  });
  return `${head}SELECT ${values.join(', ')} FROM json_array_elements(?::json) WITH ORDINALITY AS e(v, n) ORDER BY e.n RETURNING ${table.returning}`;
}

/** A value as JSON for `insertSql`: instants as each engine stores them (as Prisma writes them). */
function jsonValue(engine: InsertTarget['engine'], value: Value | undefined): Value {
  if (!(value instanceof Date)) return value ?? null;
  const iso = value.toISOString();
  return engine === 'postgresql' ? iso.replace('Z', '') : iso.replace('Z', '+00:00');
}

/** PostgreSQL returns columns in table order (migrations append); Prisma returns datamodel order. */
function inColumnOrder(table: Table, row: Row): Row {
  const out: Row = {};
  for (const name of table.columns.keys()) out[name] = row[name] as Value;
  return out;
}

/** A filter as the writers write it: column equal to a value (null: IS NULL), or `{ in: [...] }`. */
export type Where = Record<string, unknown>;

/**
 * Rows of `model` matching `where` (every column, or those of `select`), or null when the filter is
 * not one of the plain shapes above (the caller then asks Prisma). No order, as with findMany.
 */
export async function selectRows(
  target: InsertTarget,
  model: string,
  where: Where = {},
  select?: Record<string, boolean>,
): Promise<Row[] | null> {
  const table = tableOf(model);
  const conditions: string[] = [];
  const params: unknown[] = [];
  for (const [name, value] of Object.entries(where)) {
    const column = table.columns.get(name);
    if (!column) return null;
    if (value === null) conditions.push(`"${name}" IS NULL`);
    else if (isIn(value)) {
      if (value.in.length === 0) return [];
      conditions.push(`"${name}" IN ${jsonList(target.engine, column)}`);
      params.push(JSON.stringify(value.in));
    } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      conditions.push(`"${name}" = ?`);
      params.push(value);
    } else return null;
  }
  const names = select ? Object.keys(select).filter((n) => select[n]) : null;
  if (names?.some((n) => !table.columns.has(n))) return null;
  const columns = names ? names.map((n) => `"${n}"`).join(', ') : table.returning;
  const filter = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
  const rows = await target.query(`SELECT ${columns} FROM "${model}"${filter}`, params);
  return names ? rows : rows.map((r) => inColumnOrder(table, r));
}

const isIn = (value: unknown): value is { in: Array<string | number> } =>
  typeof value === 'object' &&
  value !== null &&
  Object.keys(value).length === 1 &&
  Array.isArray((value as { in?: unknown }).in);

/** A list given as one JSON parameter, expanded to the column's type. */
function jsonList(engine: InsertTarget['engine'], column: Column): string {
  if (engine === 'sqlite') return '(SELECT value FROM json_each(?))';
  const type = column.isEnum ? `"${column.type}"` : pgTypes[column.type];
  return `(SELECT x::${type} FROM json_array_elements_text(?::json) AS x)`;
}

/** `?`, typed on PostgreSQL (an enum or timestamp compared or assigned from a text parameter). */
function placeholder(engine: InsertTarget['engine'], column: Column): string {
  if (engine === 'sqlite') return '?';
  return `?::${column.isEnum ? `"${column.type}"` : pgTypes[column.type]}`;
}

/**
 * Sets `data` on rows `ids` of `model`, and `updatedAt` (as Prisma's `@updatedAt` does); with
 * `bumpVersion`, `version` + 1 too. Returns the rows as they are after, whole.
 */
export async function updateRows(
  target: InsertTarget,
  model: string,
  ids: readonly number[],
  data: Row,
  bumpVersion: boolean,
): Promise<Row[]> {
  if (ids.length === 0) return [];
  const table = tableOf(model);
  const sets: string[] = [];
  const params: unknown[] = [];
  for (const [name, value] of Object.entries(data)) {
    if (value === undefined) continue;
    const column = checked(model, table, name, value);
    if (column.isNow && column.name === 'updatedAt') continue;
    sets.push(`"${name}" = ${placeholder(target.engine, column)}`);
    params.push(value);
  }
  if (bumpVersion) sets.push('"version" = "version" + 1');
  const updatedAt = table.columns.get('updatedAt');
  if (updatedAt) {
    sets.push(`"updatedAt" = ${placeholder(target.engine, updatedAt)}`);
    params.push(new Date());
  }
  params.push(JSON.stringify(ids));
  const sql = `UPDATE "${model}" SET ${sets.join(', ')} WHERE "id" IN ${jsonList(target.engine, idColumn(model, table))} RETURNING ${table.returning}`;
  return (await target.query(sql, params)).map((r) => inColumnOrder(table, r));
}

/** Deletes rows `ids` of `model`. */
export async function deleteRows(target: InsertTarget, model: string, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  const table = tableOf(model);
  await target.query(
    `DELETE FROM "${model}" WHERE "id" IN ${jsonList(target.engine, idColumn(model, table))} RETURNING "id"`,
    [JSON.stringify(ids)],
  );
}

function idColumn(model: string, table: Table): Column {
  const id = table.columns.get('id');
  if (!id) throw new Error(`${model} has no id column`);
  return id;
}
