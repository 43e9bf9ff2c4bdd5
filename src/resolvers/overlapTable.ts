// The ContraindicationOverlap table (prisma/model.prisma) is derived from TreatmentContraindication:
// these statements rebuild it with one aggregate over the join table. Every writer of that join
// table runs them in the same transaction as its writes (seed/write.ts, seed/bulk.ts), so readers
// never see pairs that disagree with the links. Plain SQL that both SQLite and PostgreSQL accept.

/** Empties the pair table, then refills it from the links; run both, in this order, in one transaction. */
export const refreshOverlapStatements = [
  'DELETE FROM "ContraindicationOverlap"',
  // The same arithmetic the API has always returned: CAST(shared AS DOUBLE PRECISION) / (|A| + |B| − shared).
  `INSERT INTO "ContraindicationOverlap" ("treatmentAId", "treatmentBId", "shared", "jaccard")
   WITH counts AS (
     SELECT "treatmentId" AS t, COUNT(*) AS c FROM "TreatmentContraindication" GROUP BY "treatmentId"
   ), pairs AS (
     SELECT x."treatmentId" AS a, y."treatmentId" AS b, COUNT(*) AS shared
     FROM "TreatmentContraindication" x
     JOIN "TreatmentContraindication" y
       ON y."contraindicationId" = x."contraindicationId" AND y."treatmentId" > x."treatmentId"
     GROUP BY x."treatmentId", y."treatmentId"
   )
   SELECT a, b, shared, CAST(shared AS DOUBLE PRECISION) / (ca.c + cb.c - shared)
   FROM pairs JOIN counts ca ON ca.t = a JOIN counts cb ON cb.t = b`,
] as const;
