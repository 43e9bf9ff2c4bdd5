// The ContraindicationOverlap table (prisma/model.prisma) is derived from TreatmentContraindication.
// Writers keep it in step inside their own transaction: the unit of work (src/write/unitOfWork.ts)
// recomputes only the pairs of the treatments it touched; a bulk load rebuilds it whole. Plain SQL
// that both SQLite and PostgreSQL accept; the arithmetic is the one the API has always returned:
// CAST(shared AS DOUBLE PRECISION) / (|A| + |B| − shared). Per shared contraindication (links x and
// y of the pair) two more sums: its weight, the milder side's severity (both treatments are at least
// that strict about it), and whether it is stated independently, i.e. the two sides do not cite
// the very same source sections (a fact copied onto variants from one paragraph is not).

/** ABSOLUTE 3, RELATIVE 2, PRECAUTION 1, of the milder of the two links x and y. */
const WEIGHT = `CASE WHEN x."severity" = 'PRECAUTION' OR y."severity" = 'PRECAUTION' THEN 1
  WHEN x."severity" = 'RELATIVE' OR y."severity" = 'RELATIVE' THEN 2 ELSE 3 END`;

/**
 * A link's cited source sections as one comparable text ("12,40"): distinct, in order.
 * `string_agg(… ORDER BY …)` is the same on PostgreSQL and on SQLite (3.44 and later).
 */
const SECTIONS = `string_agg(CAST(s AS TEXT), ',' ORDER BY s)`;
const DISTINCT_CITED = `SELECT DISTINCT "treatmentContraindicationId" AS link, "sectionId" AS s FROM "Citation"`;

/** Every link's signature at once, for a full rebuild (joined as sx and sy). */
const ALL_SIGNATURES = `signatures AS (
     SELECT link, ${SECTIONS} AS sections
     FROM (${DISTINCT_CITED} WHERE "treatmentContraindicationId" IS NOT NULL) cited GROUP BY link)`;

/** One link's signature, for the few pairs an incremental update recomputes. */
const signatureOf = (link: string) =>
  `(SELECT ${SECTIONS} FROM (${DISTINCT_CITED} WHERE "treatmentContraindicationId" = ${link}."id") cited)`;

/** 1 when the two sides cite different sets of sections, else 0 (as SharedContraindication.sameSourceSection). */
const independent = (sx: string, sy: string) =>
  `CASE WHEN COALESCE(${sx}, '') = COALESCE(${sy}, '') THEN 0 ELSE 1 END`;

/** What each pair row sums over its shared links x and y. */
const pairSums = (sx: string, sy: string) =>
  `COUNT(*) AS shared, SUM(${WEIGHT}) AS weight, SUM(${independent(sx, sy)}) AS independent`;
const COLUMNS = `("treatmentAId", "treatmentBId", "shared", "jaccard", "severityWeight", "independentShared")`;

const insertPairs = (pairs: string) => `INSERT INTO "ContraindicationOverlap" ${COLUMNS}
   WITH ${ALL_SIGNATURES},
   pairs AS (${pairs}),
   counts AS (
     SELECT "treatmentId" AS t, COUNT(*) AS c FROM "TreatmentContraindication"
     WHERE "treatmentId" IN (SELECT a FROM pairs UNION SELECT b FROM pairs)
     GROUP BY "treatmentId"
   )
   SELECT a, b, shared, CAST(shared AS DOUBLE PRECISION) / (ca.c + cb.c - shared), weight, independent
   FROM pairs JOIN counts ca ON ca.t = a JOIN counts cb ON cb.t = b`;

/** Empties the pair table, then refills it from the links; run both, in this order, in one transaction. */
export const refreshOverlapStatements = [
  'DELETE FROM "ContraindicationOverlap"',
  insertPairs(`SELECT x."treatmentId" AS a, y."treatmentId" AS b, ${pairSums('sx.sections', 'sy.sections')}
     FROM "TreatmentContraindication" x
     JOIN "TreatmentContraindication" y
       ON y."contraindicationId" = x."contraindicationId" AND y."treatmentId" > x."treatmentId"
     LEFT JOIN signatures sx ON sx.link = x."id"
     LEFT JOIN signatures sy ON sy.link = y."id"
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
      sql: `INSERT INTO "ContraindicationOverlap" ${COLUMNS}
   SELECT a, b, shared, CAST(shared AS DOUBLE PRECISION) / (
     (SELECT COUNT(*) FROM "TreatmentContraindication" WHERE "treatmentId" = a) +
     (SELECT COUNT(*) FROM "TreatmentContraindication" WHERE "treatmentId" = b) - shared), weight, independent
   FROM (
     SELECT CASE WHEN x."treatmentId" < y."treatmentId" THEN x."treatmentId" ELSE y."treatmentId" END AS a,
            CASE WHEN x."treatmentId" < y."treatmentId" THEN y."treatmentId" ELSE x."treatmentId" END AS b,
            ${pairSums(signatureOf('x'), signatureOf('y'))}
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
