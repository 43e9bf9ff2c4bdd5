// A root list in plain SQL: conditions, an order with an id tiebreaker, and Prisma-style cursor
// pages (the cursor row's own sort value comes from a subquery, so a cursor naming no row gives an
// empty page, as Prisma's does). One statement for the page, one for totalCount when it is asked.
import { type RowColumns, rowColumns } from './columns.ts';
import { ident, queryRows, type SqlRow } from './sql.ts';

/** SQL conditions over the alias `t`, with their parameters in order. */
export interface Where {
  conditions: string[];
  params: unknown[];
}

export interface ListPage {
  /** Rows to read: the page size plus one, which tells there is more. */
  limit: number;
  cursor: number | null;
  /** Paging backwards (`last` / `before`): read against the order, then show in order. */
  backward: boolean;
}

export interface ListOrder {
  /** The sort value of a row of the table under `alias`, as SQL written by us (never input). */
  sortValue: (alias: string) => string;
  descending: boolean;
}

/** `t."a", t."b", …` for a column list, made once per list (rowColumns gives one object per list). */
const selectLists = new WeakMap<RowColumns, string>();
function selectList(columns: RowColumns): string {
  let sql = selectLists.get(columns);
  if (sql === undefined) {
    sql = columns.list.map((c) => `t.${ident(c)}`).join(', ');
    selectLists.set(columns, sql);
  }
  return sql;
}

const whereSql = (conditions: string[]) => (conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '');

/**
 * One page of rows of `table`, in the list's order, with the columns the selection of its nodes
 * needs (`fields`: src/resolvers/columns.ts, rowColumns), or every exposed column.
 */
export async function listRows(
  table: string,
  where: Where,
  order: ListOrder,
  page: ListPage,
  fields: ReadonlySet<string> | null = null,
): Promise<SqlRow[]> {
  const descending = order.descending !== page.backward;
  const direction = descending ? 'DESC' : 'ASC';
  const conditions = [...where.conditions];
  const params = [...where.params];
  if (page.cursor != null) {
    conditions.push(
      `(${order.sortValue('t')}, t.id) ${descending ? '<' : '>'} (SELECT ${order.sortValue('c')}, c.id FROM ${ident(table)} c WHERE c.id = ?)`,
    );
    params.push(page.cursor);
  }
  params.push(page.limit);
  const rows = await queryRows(
    `SELECT ${selectList(rowColumns(table, fields))} FROM ${ident(table)} t${whereSql(conditions)}
     ORDER BY ${order.sortValue('t')} ${direction}, t.id ${direction} LIMIT ?`,
    params,
  );
  return page.backward ? rows.reverse() : rows;
}

/** How many rows of `table` meet the conditions. */
export async function listCount(table: string, where: Where): Promise<number> {
  const [row] = await queryRows<{ count: unknown }>(
    `SELECT COUNT(*) AS count FROM ${ident(table)} t${whereSql(where.conditions)}`,
    where.params,
  );
  return Number(row?.count ?? 0);
}
