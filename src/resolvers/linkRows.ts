// Link rows (a join-table row: its note, severity…) each with the entity at its other end, for a
// batch of parents in one SQL statement: one statement per link kind and direction per request,
// whatever the number of parents or the page size.
import { getDatamodel } from '../generated/pothos-types.ts';
import { ident, placeholders, queryRows, type SqlRow } from './sql.ts';

const models = getDatamodel().datamodel.models;

/** Columns no GraphQL field reads (the folded search text, creation time): not worth carrying. */
const unexposed = new Set(['searchText', 'createdAt']);

/** The scalar and enum columns of a model that the API can expose, from the generated datamodel. */
export function scalarColumns(model: string): string[] {
  return (models[model]?.fields ?? [])
    .filter((f) => (f.kind === 'scalar' || f.kind === 'enum') && !unexposed.has(f.name))
    .map((f) => f.name);
}

export interface LinkSide {
  /** Join model, e.g. TreatmentTechnique. */
  joinModel: string;
  /** Its column pointing at the parent of the connection, e.g. treatmentId. */
  parentColumn: string;
  /** Its relation to the entity at the other end, e.g. technique. */
  nodeRelation: string;
}

export type LinkRow = SqlRow & { id: number };

interface LinkPlan {
  sql: (count: number) => string;
  linkColumns: string[];
  nodeColumns: string[];
}

const plans = new Map<string, LinkPlan>();
const NODE_PREFIX = 'n__';

function planFor({ joinModel, parentColumn, nodeRelation }: LinkSide): LinkPlan {
  const key = `${joinModel}.${parentColumn}.${nodeRelation}`;
  let plan = plans.get(key);
  if (plan) return plan;
  const relation = models[joinModel]?.fields.find((f) => f.name === nodeRelation);
  const nodeModel = relation?.type;
  const foreignKey = relation?.relationFromFields?.[0];
  if (!nodeModel || !foreignKey) throw new Error(`${joinModel}.${nodeRelation} is not a relation`);
  const linkColumns = scalarColumns(joinModel);
  const nodeColumns = scalarColumns(nodeModel);
  const select = [
    ...linkColumns.map((c) => `l.${ident(c)}`),
    ...nodeColumns.map((c) => `n.${ident(c)} AS ${ident(NODE_PREFIX + c)}`),
  ].join(', ');
  const from = `${ident(joinModel)} l JOIN ${ident(nodeModel)} n ON n.id = l.${ident(foreignKey)}`;
  plan = {
    sql: (count) =>
      `SELECT ${select} FROM ${from} WHERE l.${ident(parentColumn)} IN (${placeholders(count)}) ORDER BY l.id`,
    linkColumns,
    nodeColumns,
  };
  plans.set(key, plan);
  return plan;
}

/**
 * Every link of each parent, in link id order (the order the connections page in), each carrying
 * the entity at the other end under `side.nodeRelation`, with all its columns.
 */
export async function loadLinks(side: LinkSide, parentIds: readonly number[]): Promise<LinkRow[][]> {
  const plan = planFor(side);
  const rows = await queryRows(plan.sql(parentIds.length), parentIds);
  const byParent = new Map<number, LinkRow[]>();
  for (const row of rows) {
    const link: SqlRow = {};
    for (const c of plan.linkColumns) link[c] = row[c];
    const node: SqlRow = {};
    for (const c of plan.nodeColumns) node[c] = row[NODE_PREFIX + c];
    link[side.nodeRelation] = node;
    const parent = Number(row[side.parentColumn]);
    const list = byParent.get(parent);
    if (list) list.push(link as LinkRow);
    else byParent.set(parent, [link as LinkRow]);
  }
  return parentIds.map((id) => byParent.get(id) ?? []);
}
