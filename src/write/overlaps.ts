// The ContraindicationOverlap table (prisma/model.prisma) is derived from TreatmentContraindication.
// Writers keep it in step inside their own transaction: the unit of work (src/write/unitOfWork.ts)
// recomputes only the pairs of the treatments it touched; a bulk load rebuilds it whole. Plain SQL
// that both SQLite and PostgreSQL accept; the arithmetic is the one the API has always returned:
// CAST(shared AS DOUBLE PRECISION) / (|A| + |B| − shared).

const insertPairs = (
  pairs: string,
) => `INSERT INTO "ContraindicationOverlap" ("treatmentAId", "treatmentBId", "shared", "jaccard")
   WITH pairs AS (${pairs}),
   counts AS (
     SELECT "treatmentId" AS t, COUNT(*) AS c FROM "TreatmentContraindication"
     WHERE "treatmentId" IN (SELECT a FROM pairs UNION SELECT b FROM pairs)
     GROUP BY "treatmentId"
   )
   SELECT a, b, shared, CAST(shared AS DOUBLE PRECISION) / (ca.c + cb.c - shared)
   FROM pairs JOIN counts ca ON ca.t = a JOIN counts cb ON cb.t = b`;

/** Empties the pair table, then refills it from the links; run both, in this order, in one transaction. */
export const refreshOverlapStatements = [
  'DELETE FROM "ContraindicationOverlap"',
  insertPairs(`SELECT x."treatmentId" AS a, y."treatmentId" AS b, COUNT(*) AS shared
     FROM "TreatmentContraindication" x
     JOIN "TreatmentContraindication" y
       ON y."contraindicationId" = x."contraindicationId" AND y."treatmentId" > x."treatmentId"
     GROUP BY x."treatmentId", y."treatmentId"`),
] as const;

/** Above this many touched treatments, one full rebuild is cheaper than the per-treatment statements. */
export const INCREMENTAL_LIMIT = 500;

/**
 * The statements that bring the pairs of `treatmentIds` (and only those) in line with the links,
 * with `?` placeholders: every pair with a touched side is deleted, then recomputed. A pair with
 * both sides touched is produced once, from its lower id. Cost: the links of the touched
 * treatments and of the treatments sharing one of their contraindications, not the whole table.
 */
export function incrementalOverlapStatements(
  treatmentIds: readonly number[],
): Array<{ sql: string; params: number[] }> {
  const ids = [...new Set(treatmentIds)];
  if (ids.length === 0) return [];
  const list = ids.map(() => '?').join(', ');
  return [
    {
      sql: `DELETE FROM "ContraindicationOverlap" WHERE "treatmentAId" IN (${list}) OR "treatmentBId" IN (${list})`,
      params: [...ids, ...ids],
    },
    {
      // Few pairs (the touched treatments' neighbours): each side's link count is an index lookup.
      sql: `INSERT INTO "ContraindicationOverlap" ("treatmentAId", "treatmentBId", "shared", "jaccard")
   SELECT a, b, shared, CAST(shared AS DOUBLE PRECISION) / (
     (SELECT COUNT(*) FROM "TreatmentContraindication" WHERE "treatmentId" = a) +
     (SELECT COUNT(*) FROM "TreatmentContraindication" WHERE "treatmentId" = b) - shared)
   FROM (
     SELECT CASE WHEN x."treatmentId" < y."treatmentId" THEN x."treatmentId" ELSE y."treatmentId" END AS a,
            CASE WHEN x."treatmentId" < y."treatmentId" THEN y."treatmentId" ELSE x."treatmentId" END AS b,
            COUNT(*) AS shared
     FROM "TreatmentContraindication" x
     JOIN "TreatmentContraindication" y
       ON y."contraindicationId" = x."contraindicationId" AND y."treatmentId" <> x."treatmentId"
     WHERE x."treatmentId" IN (${list}) AND (y."treatmentId" NOT IN (${list}) OR y."treatmentId" > x."treatmentId")
     GROUP BY 1, 2
   ) pairs`,
      params: [...ids, ...ids],
    },
  ];
}
