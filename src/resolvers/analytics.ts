// Contraindication analytics computed by the database: shared contraindications across treatments
// and pairwise overlaps (one aggregate query over the join table), ranked by Jaccard index.
import { db } from '../db.ts';
import { resolveSlugs } from './slugs.ts';

/** Ids of contraindications linked to every one of the given treatments, by slug. */
export async function sharedContraindicationIds(treatmentSlugs: readonly string[]): Promise<number[]> {
  const ids = await resolveSlugs('treatment', treatmentSlugs, 'treatments');
  if (ids.length === 0) return [];
  const rows = await db.treatmentContraindication.groupBy({
    by: ['contraindicationId'],
    where: { treatmentId: { in: ids } },
    _count: { treatmentId: true },
  });
  return rows.filter((r) => r._count.treatmentId === ids.length).map((r) => r.contraindicationId);
}

export interface OverlapRow {
  treatmentA: number;
  treatmentB: number;
  shared: number;
  jaccard: number;
}

/**
 * Pairs of treatments sharing at least `minShared` contraindications, largest Jaccard index first
 * (then most shared, then ids), one page at a time. `|A ∩ B| / (|A| + |B| − |A ∩ B|)`.
 */
export async function overlapPage(minShared: number, limit: number, offset: number): Promise<OverlapRow[]> {
  const rows = await db.$queryRaw<Array<{ a: number; b: number; shared: number | bigint; jaccard: number }>>`
    WITH counts AS (
      SELECT "treatmentId" AS t, COUNT(*) AS c FROM "TreatmentContraindication" GROUP BY "treatmentId"
    ), pairs AS (
      SELECT x."treatmentId" AS a, y."treatmentId" AS b, COUNT(*) AS shared
      FROM "TreatmentContraindication" x
      JOIN "TreatmentContraindication" y
        ON y."contraindicationId" = x."contraindicationId" AND y."treatmentId" > x."treatmentId"
      GROUP BY x."treatmentId", y."treatmentId"
      HAVING COUNT(*) >= ${minShared}
    )
    SELECT a, b, shared, CAST(shared AS DOUBLE PRECISION) / (ca.c + cb.c - shared) AS jaccard
    FROM pairs JOIN counts ca ON ca.t = a JOIN counts cb ON cb.t = b
    ORDER BY jaccard DESC, shared DESC, a ASC, b ASC
    LIMIT ${limit} OFFSET ${offset}`;
  return rows.map((r) => ({
    treatmentA: Number(r.a),
    treatmentB: Number(r.b),
    shared: Number(r.shared),
    jaccard: Number(r.jaccard),
  }));
}

export async function overlapCount(minShared: number): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ n: number | bigint }>>`
    SELECT COUNT(*) AS n FROM (
      SELECT x."treatmentId"
      FROM "TreatmentContraindication" x
      JOIN "TreatmentContraindication" y
        ON y."contraindicationId" = x."contraindicationId" AND y."treatmentId" > x."treatmentId"
      GROUP BY x."treatmentId", y."treatmentId"
      HAVING COUNT(*) >= ${minShared}
    ) pairs`;
  return Number(row?.n ?? 0);
}

/** Contraindication ids shared by each pair of a page, from one query over the page's treatments. */
export async function sharedForPairs(pairs: OverlapRow[]): Promise<Map<string, number[]>> {
  const treatmentIds = [...new Set(pairs.flatMap((p) => [p.treatmentA, p.treatmentB]))];
  const links = await db.treatmentContraindication.findMany({
    where: { treatmentId: { in: treatmentIds } },
    select: { treatmentId: true, contraindicationId: true },
  });
  const byTreatment = new Map<number, Set<number>>();
  for (const l of links) {
    const set = byTreatment.get(l.treatmentId) ?? new Set<number>();
    set.add(l.contraindicationId);
    byTreatment.set(l.treatmentId, set);
  }
  return new Map(
    pairs.map((p) => {
      const b = byTreatment.get(p.treatmentB) ?? new Set<number>();
      const shared = [...(byTreatment.get(p.treatmentA) ?? [])]
        .filter((id) => b.has(id))
        .sort((x, y) => x - y);
      return [`${p.treatmentA}:${p.treatmentB}`, shared];
    }),
  );
}
