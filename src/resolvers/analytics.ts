// Contraindication analytics computed by the database: shared contraindications across treatments
// and pairwise overlaps (read from the pair table one aggregate over the join table maintains),
// ranked by Jaccard index.

import { columnsSql } from './columns.ts';
import { type ScreeningMatch, type SeverityName, severityRank } from './screening.ts';
import { resolveSlugs } from './slugs.ts';
import { placeholders, queryRows } from './sql.ts';

/** Ids of contraindications linked to every one of the given treatments, by slug. */
export async function sharedContraindicationIds(treatmentSlugs: readonly string[]): Promise<number[]> {
  const ids = await resolveSlugs('treatment', treatmentSlugs, 'treatments');
  if (ids.length === 0) return [];
  const distinct = [...new Set(ids)];
  const rows = await queryRows<{ id: unknown }>(
    `SELECT "contraindicationId" AS id FROM "TreatmentContraindication"
     WHERE "treatmentId" IN (${placeholders(distinct.length)})
     GROUP BY "contraindicationId" HAVING COUNT(*) = ?`,
    [...distinct, distinct.length],
  );
  return rows.map((r) => Number(r.id));
}

/** The given treatments (by slug, in the order given, duplicates dropped) and what they all share. */
export async function sharedContraindicationItems(treatmentSlugs: readonly string[]): Promise<SharedItem[]> {
  const ids = [...new Set(await resolveSlugs('treatment', treatmentSlugs, 'treatments'))];
  const [items] = await sharedItems([ids]);
  return items ?? [];
}

/** Contraindication rows by id, in slug order (byte order, the same on every engine). */
export async function contraindicationsById(ids: readonly number[]) {
  if (ids.length === 0) return [];
  const rows = await queryRows<{ id: number; slug: string }>(
    `SELECT ${columnsSql('Contraindication')} FROM "Contraindication" WHERE id IN (${placeholders(ids.length)})`,
    ids,
  );
  return rows.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

export interface OverlapRow {
  treatmentA: number;
  treatmentB: number;
  shared: number;
  jaccard: number;
  severityWeight: number;
  independentShared: number;
}

/** Which pairs an overlap page holds, and in what order. */
export interface OverlapQuery {
  minShared: number;
  /** Count only shared contraindications the two sides state independently (not from the same source sections). */
  independentOnly: boolean;
  orderBy: 'JACCARD' | 'SEVERITY_WEIGHT';
}

const overlapWhere = (q: OverlapQuery) => (q.independentOnly ? '"independentShared" >= ?' : '"shared" >= ?');
const overlapOrder = {
  JACCARD: 'jaccard DESC, shared DESC, "treatmentAId" ASC, "treatmentBId" ASC',
  SEVERITY_WEIGHT: '"severityWeight" DESC, jaccard DESC, "treatmentAId" ASC, "treatmentBId" ASC',
} as const;

/**
 * Pairs of treatments sharing at least `minShared` contraindications (independently stated ones
 * only, if asked), largest Jaccard index first (then most shared, then ids) or heaviest severity
 * weight first, one page at a time. `|A ∩ B| / (|A| + |B| − |A ∩ B|)` and the weights are read from
 * the pair table the writers maintain (src/write/overlaps.ts): a page is the first rows of the
 * index of its order that meet the threshold.
 */
export async function overlapPage(q: OverlapQuery, limit: number, offset: number): Promise<OverlapRow[]> {
  const rows = await queryRows<Record<'a' | 'b' | 'shared' | 'jaccard' | 'weight' | 'independent', unknown>>(
    `SELECT "treatmentAId" AS a, "treatmentBId" AS b, shared, jaccard,
       "severityWeight" AS weight, "independentShared" AS independent
     FROM "ContraindicationOverlap"
     WHERE ${overlapWhere(q)}
     ORDER BY ${overlapOrder[q.orderBy]}
     LIMIT ? OFFSET ?`,
    [q.minShared, limit, offset],
  );
  return rows.map((r) => ({
    treatmentA: Number(r.a),
    treatmentB: Number(r.b),
    shared: Number(r.shared),
    jaccard: Number(r.jaccard),
    severityWeight: Number(r.weight),
    independentShared: Number(r.independent),
  }));
}

/** How many pairs meet the threshold: a range count on the shared (or independentShared) index. */
export async function overlapCount(q: OverlapQuery): Promise<number> {
  const [row] = await queryRows<{ n: unknown }>(
    `SELECT COUNT(*) AS n FROM "ContraindicationOverlap" WHERE ${overlapWhere(q)}`,
    [q.minShared],
  );
  return Number(row?.n ?? 0);
}

/** A treatment's contraindication link (severity, note); its citations load by id. */
export type ContraindicationLink = ScreeningMatch;

/** A contraindication every treatment of a group has, with each treatment's own link. */
export interface SharedItem {
  contraindicationId: number;
  /** One link per treatment, in the group's order. */
  sides: ContraindicationLink[];
  strictest: SeverityName;
}

/**
 * For each group of treatment ids (a pair of an overlap page, or the treatments a client gave),
 * the contraindications all of them have, in slug byte order, each with every side's link. One
 * statement whatever the number of groups: the links of all the groups' treatments with their
 * contraindication's slug (citations load later, only when a client asks for them).
 */
export async function sharedItems(groups: ReadonlyArray<readonly number[]>): Promise<SharedItem[][]> {
  const treatmentIds = [...new Set(groups.flat())];
  if (treatmentIds.length === 0) return groups.map(() => []);
  const links = await queryRows<ContraindicationLink & { slug__: string }>(
    `SELECT l.*, c.slug AS "slug__" FROM "TreatmentContraindication" l
     JOIN "Contraindication" c ON c.id = l."contraindicationId"
     WHERE l."treatmentId" IN (${placeholders(treatmentIds.length)})`,
    treatmentIds,
  );
  const byTreatment = new Map<number, Map<number, ContraindicationLink & { slug__: string }>>();
  for (const l of links) {
    const treatment = Number(l.treatmentId);
    const own = byTreatment.get(treatment) ?? new Map();
    own.set(Number(l.contraindicationId), l);
    byTreatment.set(treatment, own);
  }
  return groups.map((group) => {
    const [first, ...rest] = group.map((id) => byTreatment.get(id) ?? new Map());
    if (!first) return [];
    const items: Array<SharedItem & { slug: string }> = [];
    for (const [contraindicationId, link] of first) {
      const others = rest.map((m) => m.get(contraindicationId));
      if (others.some((o) => o === undefined)) continue;
      const sides = [link, ...(others as ContraindicationLink[])].map(({ slug__, ...side }) => side);
      items.push({
        contraindicationId,
        slug: link.slug__,
        sides: sides as ContraindicationLink[],
        strictest: sides.reduce<SeverityName>(
          (worst, side) =>
            severityRank[side.severity as SeverityName] < severityRank[worst]
              ? (side.severity as SeverityName)
              : worst,
          'PRECAUTION',
        ),
      });
    }
    return items
      .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
      .map(({ slug, ...item }) => item);
  });
}
