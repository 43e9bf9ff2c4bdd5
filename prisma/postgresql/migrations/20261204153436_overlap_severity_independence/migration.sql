-- AlterTable
ALTER TABLE "ContraindicationOverlap" ADD COLUMN     "independentShared" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "severityWeight" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "ContraindicationOverlap_severityWeight_jaccard_treatmentAId_idx" ON "ContraindicationOverlap"("severityWeight" DESC, "jaccard" DESC, "treatmentAId", "treatmentBId");

-- CreateIndex
CREATE INDEX "ContraindicationOverlap_independentShared_jaccard_idx" ON "ContraindicationOverlap"("independentShared", "jaccard" DESC);

-- The pair table is derived from the links: rebuilt, so existing pairs get the new columns
-- (the same statements as refreshOverlapStatements in src/write/overlaps.ts).
DELETE FROM "ContraindicationOverlap";
INSERT INTO "ContraindicationOverlap" ("treatmentAId", "treatmentBId", "shared", "jaccard", "severityWeight", "independentShared")
   WITH signatures AS (
     SELECT link, string_agg(CAST(s AS TEXT), ',' ORDER BY s) AS sections
     FROM (SELECT DISTINCT "treatmentContraindicationId" AS link, "sectionId" AS s FROM "Citation" WHERE "treatmentContraindicationId" IS NOT NULL) cited GROUP BY link),
   pairs AS (SELECT x."treatmentId" AS a, y."treatmentId" AS b, COUNT(*) AS shared, SUM(CASE WHEN x."severity" = 'PRECAUTION' OR y."severity" = 'PRECAUTION' THEN 1
  WHEN x."severity" = 'RELATIVE' OR y."severity" = 'RELATIVE' THEN 2 ELSE 3 END) AS weight, SUM(CASE WHEN COALESCE(sx.sections, '') = COALESCE(sy.sections, '') THEN 0 ELSE 1 END) AS independent
     FROM "TreatmentContraindication" x
     JOIN "TreatmentContraindication" y
       ON y."contraindicationId" = x."contraindicationId" AND y."treatmentId" > x."treatmentId"
     LEFT JOIN signatures sx ON sx.link = x."id"
     LEFT JOIN signatures sy ON sy.link = y."id"
     GROUP BY x."treatmentId", y."treatmentId"),
   counts AS (
     SELECT "treatmentId" AS t, COUNT(*) AS c FROM "TreatmentContraindication"
     WHERE "treatmentId" IN (SELECT a FROM pairs UNION SELECT b FROM pairs)
     GROUP BY "treatmentId"
   )
   SELECT a, b, shared, CAST(shared AS DOUBLE PRECISION) / (ca.c + cb.c - shared), weight, independent
   FROM pairs JOIN counts ca ON ca.t = a JOIN counts cb ON cb.t = b;
