// The contraindication pair table, and the pairs the links give right now, computed here in
// TypeScript from the links and their citations (not by the table's SQL), for tests that check the
// writers keep them equal.
import { db } from '../../src/db.ts';

export interface Pair {
  a: number;
  b: number;
  shared: number;
  jaccard: number;
  severityWeight: number;
  independentShared: number;
}

const WEIGHT: Record<string, number> = { ABSOLUTE: 3, RELATIVE: 2, PRECAUTION: 1 };

/** The pairs computed from the links right now. */
export async function livePairs(): Promise<Pair[]> {
  const links = await db.treatmentContraindication.findMany({ orderBy: { id: 'asc' } });
  const citations = await db.citation.findMany({
    where: { treatmentContraindicationId: { not: null } },
    select: { treatmentContraindicationId: true, sectionId: true },
  });
  const sections = new Map<number, Set<number>>();
  for (const c of citations) {
    const set = sections.get(c.treatmentContraindicationId as number) ?? new Set<number>();
    set.add(c.sectionId);
    sections.set(c.treatmentContraindicationId as number, set);
  }
  const sameSections = (x: number, y: number) => {
    const [sx, sy] = [sections.get(x) ?? new Set<number>(), sections.get(y) ?? new Set<number>()];
    return sx.size === sy.size && [...sx].every((s) => sy.has(s));
  };
  const byTreatment = new Map<number, typeof links>();
  for (const link of links)
    byTreatment.set(link.treatmentId, [...(byTreatment.get(link.treatmentId) ?? []), link]);
  const treatments = [...byTreatment.keys()].sort((p, q) => p - q);
  const pairs: Pair[] = [];
  for (const [i, a] of treatments.entries()) {
    const own = new Map((byTreatment.get(a) ?? []).map((l) => [l.contraindicationId, l]));
    for (const b of treatments.slice(i + 1)) {
      const other = byTreatment.get(b) ?? [];
      const shared = other.flatMap((y) => {
        const x = own.get(y.contraindicationId);
        return x ? [{ x, y }] : [];
      });
      if (shared.length === 0) continue;
      pairs.push({
        a,
        b,
        shared: shared.length,
        jaccard: shared.length / (own.size + other.length - shared.length),
        severityWeight: shared.reduce(
          (sum, { x, y }) => sum + Math.min(WEIGHT[x.severity] as number, WEIGHT[y.severity] as number),
          0,
        ),
        independentShared: shared.filter(({ x, y }) => !sameSections(x.id, y.id)).length,
      });
    }
  }
  return pairs;
}

export async function storedPairs(): Promise<Pair[]> {
  const rows = await db.contraindicationOverlap.findMany({
    orderBy: [{ treatmentAId: 'asc' }, { treatmentBId: 'asc' }],
  });
  return rows.map((r) => ({
    a: r.treatmentAId,
    b: r.treatmentBId,
    shared: r.shared,
    jaccard: r.jaccard,
    severityWeight: r.severityWeight,
    independentShared: r.independentShared,
  }));
}
