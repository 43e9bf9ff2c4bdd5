// Contraindication analytics computed by the database: shared contraindications across treatments
// and pairwise overlaps (read from the pair table one aggregate over the join table maintains),
// ranked by Jaccard index.
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

/** Contraindication rows by id, in slug order (byte order, the same on every engine). */
export async function contraindicationsById(ids: readonly number[]) {
  if (ids.length === 0) return [];
  const rows = await queryRows<{ id: number; slug: string }>(
    `SELECT * FROM "Contraindication" WHERE id IN (${placeholders(ids.length)})`,
    ids,
  );
  return rows.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

export interface OverlapRow {
  treatmentA: number;
  treatmentB: number;
  shared: number;
  jaccard: number;
}

/**
 * Pairs of treatments sharing at least `minShared` contraindications, largest Jaccard index first
 * (then most shared, then ids), one page at a time. `|A ∩ B| / (|A| + |B| − |A ∩ B|)`, read from
 * the pair table the writers maintain (src/write/overlaps.ts): the page is the first rows
 * of its (jaccard, shared, a, b) index that meet the threshold.
 */
export async function overlapPage(minShared: number, limit: number, offset: number): Promise<OverlapRow[]> {
  const rows = await queryRows<{ a: unknown; b: unknown; shared: unknown; jaccard: unknown }>(
    `SELECT "treatmentAId" AS a, "treatmentBId" AS b, shared, jaccard
     FROM "ContraindicationOverlap"
     WHERE shared >= ?
     ORDER BY jaccard DESC, shared DESC, "treatmentAId" ASC, "treatmentBId" ASC
     LIMIT ? OFFSET ?`,
    [minShared, limit, offset],
  );
  return rows.map((r) => ({
    treatmentA: Number(r.a),
    treatmentB: Number(r.b),
    shared: Number(r.shared),
    jaccard: Number(r.jaccard),
  }));
}

/** How many pairs share at least `minShared` contraindications: a range count on the shared index. */
export async function overlapCount(minShared: number): Promise<number> {
  const [row] = await queryRows<{ n: unknown }>(
    'SELECT COUNT(*) AS n FROM "ContraindicationOverlap" WHERE "shared" >= ?',
    [minShared],
  );
  return Number(row?.n ?? 0);
}

/**
 * Contraindication ids shared by each pair of a page, from one query over the page's treatments
 * (plain SQL: a Prisma query plan costs more than this read).
 */
export async function sharedForPairs(pairs: OverlapRow[]): Promise<Map<string, number[]>> {
  const treatmentIds = [...new Set(pairs.flatMap((p) => [p.treatmentA, p.treatmentB]))];
  const links = await queryRows<{ treatmentId: number; contraindicationId: number }>(
    `SELECT "treatmentId", "contraindicationId" FROM "TreatmentContraindication"
     WHERE "treatmentId" IN (${placeholders(treatmentIds.length)})`,
    treatmentIds,
  );
  const byTreatment = new Map<number, Set<number>>();
  for (const l of links) {
    const treatment = Number(l.treatmentId);
    const set = byTreatment.get(treatment) ?? new Set<number>();
    set.add(Number(l.contraindicationId));
    byTreatment.set(treatment, set);
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
