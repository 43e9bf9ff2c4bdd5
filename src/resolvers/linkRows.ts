// Link rows (a join-table row: its note, severity…) each with the entity at its other end, or rows
// a parent owns (its regulatory statuses…), one page per parent, for a batch of parents in one SQL
// statement. The page is cut in SQL, so a reverse
// connection (`contraindication { treatments(first: 20) }`) reads 20 rows however many treatments
// link to the entry; one statement per link kind, direction and page per request, whatever the
// number of parents or the page size.

import { getDatamodel } from '../generated/pothos-types.ts';
import * as enums from '../generated/sqlite/enums.ts';
import type { LinkKind } from '../model/kinds.ts';
import { scalarColumns, selectedColumns } from './columns.ts';
import { EdgeRow } from './edge.ts';
import { ident, placeholders, queryRows, type SqlRow } from './sql.ts';
import { estimatedRows } from './tableSizes.ts';

const models = getDatamodel().datamodel.models;

/** One link kind seen from one end: from the treatment (forward) or from the entity (reverse). */
export interface LinkSide {
  kind: LinkKind;
  reverse: boolean;
}

/** Rows a parent owns outright (its regulatory statuses, claims…): the row is the node. */
export interface OwnedSide {
  table: string;
  parentColumn: string;
  /**
   * An enum column ordered before the id, by the enum's declaration order (from the datamodel),
   * the same on every engine: SQLite stores enums as text, PostgreSQL sorts them by declaration.
   */
  rankBy?: string;
}

/** Anything a connection pages in SQL by id: links (joined to their node) or owned rows. */
export type PagedSide = LinkSide | OwnedSide;

const isLink = (side: PagedSide): side is LinkSide => 'kind' in side;

/** A stable key for a side, for plan and loader caches. */
export const sideKey = (side: PagedSide) =>
  isLink(side)
    ? `${side.kind.joinModel}.${side.reverse}`
    : `${side.table}.${side.parentColumn}.${side.rankBy}`;

/**
 * The columns a page carries, of the link row and of its node: those a selection reads
 * (selectedColumns), or all of them (null). `key` names the pair in plan and loader caches.
 */
export type PageColumns = { link: readonly string[]; node: readonly string[]; key: string } | null;

/** A PageColumns for a link side from what a connection selects on its edges and nodes. */
export function pageColumns(
  side: LinkSide,
  edgeFields: ReadonlySet<string>,
  nodeFields: ReadonlySet<string>,
) {
  const { parent, node, model } = sideColumns(side);
  // The parent column groups a batch's rows; the node column is in the same index, so it is free.
  const wanted = new Set([...selectedColumns(side.kind.joinModel, edgeFields), parent, node]);
  const link = scalarColumns(side.kind.joinModel).filter((c) => wanted.has(c));
  const nodeColumns = selectedColumns(model, nodeFields);
  return { link, node: nodeColumns, key: `${link.join(',')}|${nodeColumns.join(',')}` };
}

/** `CASE <alias>."column" WHEN 'FIRST' THEN 0 …`: an enum column's declaration order, as SQL. */
function enumRank(model: string, column: string, alias: string): string {
  const field = models[model]?.fields.find((f) => f.name === column && f.kind === 'enum');
  const values = field ? (enums as Record<string, Record<string, string>>)[field.type] : undefined;
  if (!values) throw new Error(`linkRows: ${model}.${column} is not an enum column`);
  // The generated enum object lists its values in declaration order.
  const cases = Object.values(values)
    .map((v, i) => `WHEN '${v}' THEN ${i}`)
    .join(' ');
  return `(CASE ${alias}.${ident(column)} ${cases} END)`;
}

/** The join column pointing at the connection's parent, the one at its node, and the node's relation. */
export function sideColumns({ kind, reverse }: LinkSide) {
  return reverse
    ? {
        parent: kind.nodeColumn,
        node: kind.treatmentColumn,
        relation: kind.treatmentRelation,
        model: 'Treatment',
      }
    : {
        parent: kind.treatmentColumn,
        node: kind.nodeColumn,
        relation: kind.nodeRelation,
        model: kind.nodeModel,
      };
}

/**
 * A page in link id order, as Prisma cursor pagination cuts it: `limit` rows (page size + 1, the
 * extra one telling there is more) after the cursor, or before it when paging backwards.
 */
export interface LinkPage {
  limit: number;
  cursor: number | null;
  backward: boolean;
}

export type LinkRow = EdgeRow & { id: number };

const NODE_PREFIX = 'n__';

interface LinkPlan {
  select: string;
  from: string;
  table: string;
  parent: string;
  /** Where the node goes on the link row; none for owned rows (the row is the node). */
  relation: string | null;
  /** Order before the id (an enum rank) as SQL over the alias `l`, and over a cursor row `c`. */
  rank: { of: (alias: string) => string } | null;
  linkColumns: string[];
  nodeColumns: string[];
  /** Builds a page row (the link, its node under `relation`) from a result row: made once per plan. */
  build: (row: SqlRow) => LinkRow;
}

/**
 * A function made for one plan's columns: named property reads and writes, one object shape per
 * plan, where a loop over column names made keyed accesses V8 could not specialise (a CMS pull
 * builds ~1 300 link rows). Column names come from the datamodel; JSON.stringify quotes them.
 */
function rowBuilder(plan: Omit<LinkPlan, 'build'>): (row: SqlRow) => LinkRow {
  const q = JSON.stringify;
  const link = plan.linkColumns.map((c) => `l[${q(c)}] = r[${q(c)}];`);
  if (plan.rank) link.push('l.rk__ = r.rk__;');
  if (plan.relation) {
    const node = plan.nodeColumns.map((c) => `${q(c)}: r[${q(NODE_PREFIX + c)}]`);
    link.push(`l[${q(plan.relation)}] = { ${node.join(', ')} };`);
  }
  const body = `return function (r) { const l = new EdgeRow(); ${link.join(' ')} return l; };`;
  return new Function('EdgeRow', body)(EdgeRow) as (row: SqlRow) => LinkRow;
}

const withBuilder = (plan: Omit<LinkPlan, 'build'>): LinkPlan => ({ ...plan, build: rowBuilder(plan) });

const plans = new Map<string, LinkPlan>();

function planFor(side: PagedSide, columns: PageColumns = null): LinkPlan {
  const lookup =
    isLink(side) && estimatedRows(sideColumns(side).model) > NODE_LOOKUP_ABOVE_ROWS ? 'lookup' : 'join';
  const key = `${sideKey(side)}|${columns?.key ?? '*'}|${lookup}`;
  let plan = plans.get(key);
  if (plan) return plan;
  plan = isLink(side) ? linkPlan(side, columns, lookup === 'lookup') : ownedPlan(side);
  plans.set(key, plan);
  return plan;
}

function ownedPlan({ table, parentColumn, rankBy }: OwnedSide): LinkPlan {
  const linkColumns = scalarColumns(table);
  const rank = rankBy ? { of: (alias: string) => enumRank(table, rankBy, alias) } : null;
  return withBuilder({
    rank,
    select: [...linkColumns.map((c) => `l.${ident(c)}`), ...(rank ? [`${rank.of('l')} AS "rk__"`] : [])].join(
      ', ',
    ),
    from: `${ident(table)} l`,
    table,
    parent: parentColumn,
    relation: null,
    linkColumns,
    nodeColumns: [],
  });
}

function linkPlan(side: LinkSide, selected: PageColumns, lookup: boolean): LinkPlan {
  const columns = sideColumns(side);
  const linkColumns = selected ? [...selected.link] : scalarColumns(side.kind.joinModel);
  const nodeColumns = selected ? [...selected.node] : scalarColumns(columns.model);
  return withBuilder({
    rank: null,
    select: [
      ...linkColumns.map((c) => `l.${ident(c)}`),
      ...nodeColumns.map((c) => `n.${ident(c)} AS ${ident(NODE_PREFIX + c)}`),
    ].join(', '),
    from: nodeJoin(side.kind.joinModel, columns.model, columns.node, nodeColumns, lookup),
    table: side.kind.joinModel,
    parent: columns.parent,
    relation: columns.relation,
    linkColumns,
    nodeColumns,
  });
}

/**
 * Above this many rows in the node table (PostgreSQL's estimate), a link statement looks each
 * link's node up by index instead of hashing the node table. Measured on a CMS pull's six link
 * statements (~270 links each): at N = 20 000 (4 000 techniques…) hashing took 16-20 ms and the
 * lookups 8-9; at N = 1 000 (200 each) hashing is ~2.5 ms cheaper, which the planner gets right.
 */
export const NODE_LOOKUP_ABOVE_ROWS = 1000;

/**
 * The link table `l` joined to its node `n` by primary key. For a large node table on PostgreSQL,
 * the node is a LATERAL subquery with LIMIT 1 (the key is unique, so it is the same row), which
 * the planner cannot flatten into a hash join. SQLite always joins by index lookups.
 */
function nodeJoin(
  table: string,
  nodeModel: string,
  nodeColumn: string,
  nodeColumns: readonly string[],
  lookup: boolean,
) {
  const link = `${ident(table)} l`;
  const key = `n.id = l.${ident(nodeColumn)}`;
  if (!lookup) return `${link} JOIN ${ident(nodeModel)} n ON ${key}`;
  const columns = nodeColumns.length > 0 ? nodeColumns.map((c) => `n.${ident(c)}`).join(', ') : 'n.id';
  return `${link} CROSS JOIN LATERAL (SELECT ${columns} FROM ${ident(nodeModel)} n WHERE ${key} LIMIT 1) n`;
}

/**
 * One parent reads its page with ORDER BY … LIMIT (an index range scan that stops at the page);
 * several parents share one statement that numbers each parent's links with a window function
 * (`windowed`), or, first, one that reads their links unnumbered (`whole`, below).
 */
function pageSql(plan: LinkPlan, parents: number, page: LinkPage, shape: 'windowed' | 'whole'): string {
  const parent = `l.${ident(plan.parent)}`;
  const direction = page.backward ? 'DESC' : 'ASC';
  const comparison = page.backward ? '<' : '>';
  // Ranked rows page on (rank, id): the cursor row's own rank comes from a subquery, so a cursor
  // naming no row gives an empty page, as Prisma's cursor does.
  const after = plan.rank
    ? `(${plan.rank.of('l')}, l.id) ${comparison} (SELECT ${plan.rank.of('c')}, c.id FROM ${ident(plan.table)} c WHERE c.id = ?)`
    : `l.id ${comparison} ?`;
  const where = [
    parents === 1 ? `${parent} = ?` : `${parent} IN (${placeholders(parents)})`,
    ...(page.cursor == null ? [] : [after]),
  ].join(' AND ');
  const order = plan.rank ? `${plan.rank.of('l')} ${direction}, l.id ${direction}` : `l.id ${direction}`;
  if (parents === 1) {
    return `SELECT ${plan.select} FROM ${plan.from} WHERE ${where} ORDER BY ${order} LIMIT ?`;
  }
  if (shape === 'whole') return `SELECT ${plan.select} FROM ${plan.from} WHERE ${where} LIMIT ?`;
  return `SELECT * FROM (SELECT ${plan.select}, ROW_NUMBER() OVER (PARTITION BY ${parent} ORDER BY ${order}) AS "rn__" FROM ${plan.from} WHERE ${where}) p WHERE "rn__" <= ?`;
}

const byRankAndId = (a: LinkRow, b: LinkRow) =>
  Number(a.rk__ ?? 0) - Number(b.rk__ ?? 0) || Number(a.id) - Number(b.id);

function inOrder(links: readonly LinkRow[]): boolean {
  for (let i = 1; i < links.length; i++) {
    if (byRankAndId(links[i - 1] as LinkRow, links[i] as LinkRow) > 0) return false;
  }
  return true;
}

/**
 * Each parent's page of links, in link id order, each carrying the entity at the other end under
 * the side's relation name, with the link and node columns asked for (all by default).
 */
export async function loadLinkPages(
  side: PagedSide,
  page: LinkPage,
  parentIds: readonly number[],
  columns: PageColumns = null,
): Promise<LinkRow[][]> {
  const plan = planFor(side, columns);
  const params: unknown[] = [...parentIds];
  if (page.cursor != null) params.push(page.cursor);
  const rows = await pageRows(plan, parentIds.length, page, params);
  const byParent = new Map<number, LinkRow[]>();
  for (const row of rows) {
    const link = plan.build(row);
    const parent = Number(row[plan.parent]);
    const list = byParent.get(parent);
    if (list) list.push(link as LinkRow);
    else byParent.set(parent, [link as LinkRow]);
  }
  return parentIds.map((id) => {
    const links = byParent.get(id) ?? [];
    // Engines return a window's rows in any order: the page is always shown in (rank,) id order.
    // They mostly come in index order already, and sorting copies the array, so look first.
    if (!inOrder(links)) links.sort(byRankAndId);
    // A whole read may hold more than a page for a parent: its page is the first (or, paging
    // backward, the last) `limit` links.
    if (links.length <= page.limit) return links;
    return page.backward ? links.slice(-page.limit) : links.slice(0, page.limit);
  });
}

/**
 * The rows of every parent's page. With several parents, their links are read whole, unsorted and
 * unnumbered, up to a page per parent: when they all fit (a CMS pull's six or so links per
 * treatment under a page of 100), that is every parent's whole page for a third less than the
 * window function costs; when they do not (some parent has more links than its page), the windowed
 * statement reads the pages instead. Either way no more than a page per parent is read (plus one
 * row), and a level costs one statement, or two when a parent's links overflow its page.
 */
async function pageRows(
  plan: LinkPlan,
  parents: number,
  page: LinkPage,
  params: readonly unknown[],
): Promise<SqlRow[]> {
  if (parents === 1) return queryRows(pageSql(plan, 1, page, 'windowed'), [...params, page.limit]);
  const room = parents * page.limit;
  const whole = await queryRows(pageSql(plan, parents, page, 'whole'), [...params, room + 1]);
  if (whole.length <= room) return whole;
  return queryRows(pageSql(plan, parents, page, 'windowed'), [...params, page.limit]);
}

/** How many links (or owned rows) each parent has on this side, in one grouped statement. */
export async function countLinks(side: PagedSide, parentIds: readonly number[]): Promise<number[]> {
  const plan = planFor(side);
  const parent = ident(plan.parent);
  const rows = await queryRows<{ parent: unknown; count: unknown }>(
    `SELECT ${parent} AS parent, COUNT(*) AS count FROM ${ident(plan.table)}
     WHERE ${parent} IN (${placeholders(parentIds.length)}) GROUP BY ${parent}`,
    parentIds,
  );
  const counts = new Map(rows.map((r) => [Number(r.parent), Number(r.count)]));
  return parentIds.map((id) => counts.get(id) ?? 0);
}
