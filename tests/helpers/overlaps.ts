// The contraindication pair table, and the pairs the links give right now (computed by the self-join
// the table replaces), for tests that check the writers keep them equal.
import { db } from '../../src/db.ts';

export interface Pair {
  a: number;
  b: number;
  shared: number;
  jaccard: number;
}

/** The pairs computed from the links right now, by the self-join the table replaces. */
export async function livePairs(): Promise<Pair[]> {
  const rows = await db.$queryRawUnsafe<Array<Record<string, number | bigint>>>(`
    WITH counts AS (
      SELECT "treatmentId" AS t, COUNT(*) AS c FROM "TreatmentContraindication" GROUP BY "treatmentId"
    ), pairs AS (
      SELECT x."treatmentId" AS a, y."treatmentId" AS b, COUNT(*) AS shared
      FROM "TreatmentContraindication" x
      JOIN "TreatmentContraindication" y
        ON y."contraindicationId" = x."contraindicationId" AND y."treatmentId" > x."treatmentId"
      GROUP BY x."treatmentId", y."treatmentId"
    )
    SELECT a, b, shared, CAST(shared AS DOUBLE PRECISION) / (ca.c + cb.c - shared) AS jaccard
    FROM pairs JOIN counts ca ON ca.t = a JOIN counts cb ON cb.t = b
    ORDER BY a, b`);
  return rows.map((r) => ({
    a: Number(r.a),
    b: Number(r.b),
    shared: Number(r.shared),
    jaccard: Number(r.jaccard),
  }));
}

export async function storedPairs(): Promise<Pair[]> {
  const rows = await db.contraindicationOverlap.findMany({
    orderBy: [{ treatmentAId: 'asc' }, { treatmentBId: 'asc' }],
  });
  return rows.map((r) => ({ a: r.treatmentAId, b: r.treatmentBId, shared: r.shared, jaccard: r.jaccard }));
}
