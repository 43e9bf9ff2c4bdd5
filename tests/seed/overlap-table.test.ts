// The ContraindicationOverlap pair table is derived from the contraindication links: after a seed,
// a re-seed that changes links, and a scale seed, it holds exactly what one aggregate over the join
// table computes now, and the API's overlap answers follow it.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedScale } from '../../seed/bulk.ts';
import { defaultSeedDir, seedDatabase } from '../../seed/load.ts';
import { db } from '../../src/db.ts';
import { data } from '../helpers/graphql.ts';

interface Pair {
  a: number;
  b: number;
  shared: number;
  jaccard: number;
}

/** The pairs computed from the links right now, by the self-join the table replaces. */
async function livePairs(): Promise<Pair[]> {
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

async function storedPairs(): Promise<Pair[]> {
  const rows = await db.contraindicationOverlap.findMany({
    orderBy: [{ treatmentAId: 'asc' }, { treatmentBId: 'asc' }],
  });
  return rows.map((r) => ({ a: r.treatmentAId, b: r.treatmentBId, shared: r.shared, jaccard: r.jaccard }));
}

const totalPairs = async () =>
  (
    await data<{ contraindicationOverlaps: { totalCount: number } }>(
      '{ contraindicationOverlaps { totalCount } }',
    )
  ).contraindicationOverlaps.totalCount;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'seed-'));
  cpSync(defaultSeedDir, dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the contraindication pair table', () => {
  describe('after the seed', () => {
    it('holds every pair the links give, with their shared count and Jaccard index', async () => {
      const live = await livePairs();
      expect(live.length).toBe(21);
      expect(await storedPairs()).toEqual(live);
    });
  });

  describe('after a re-seed that takes a contraindication off a treatment', () => {
    it('drops the pairs that only shared it and updates the others, in the same transaction', async () => {
      const file = join(dir, 'treatments/mesolift.yaml');
      // Mesolift shares only anticoagulants with the five PRP treatments (analytics.test.ts).
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace(/^ {2}- slug: anticoagulants\n(?: {4,}.*\n)*/m, ''),
      );
      await seedDatabase(db, dir);
      const live = await livePairs();
      expect(live.length).toBe(16);
      expect(await storedPairs()).toEqual(live);
      expect(await totalPairs()).toBe(16);
    });
  });

  describe('after a re-seed that adds a contraindication', () => {
    it('adds the pairs it creates', async () => {
      const file = join(dir, 'treatments/microneedling.yaml');
      const text = readFileSync(file, 'utf8');
      const added = `contraindications:
  - slug: anticoagulants
    severity: RELATIVE
    citations:
      - { source: microneedling-prp-clinic, locator: "Qu'est-ce que le microneedling ?" }
`;
      writeFileSync(
        file,
        /^contraindications:\n/m.test(text)
          ? text.replace(/^contraindications:\n/m, added)
          : `${text.trimEnd()}\n${added}`,
      );
      await seedDatabase(db, dir);
      const live = await livePairs();
      expect(live.length).toBeGreaterThan(21);
      expect(await storedPairs()).toEqual(live);
      expect(await totalPairs()).toBe(live.length);
    });
  });

  describe('after a scale seed (bulk loader, --reset)', () => {
    it('holds the pairs of the synthetic links, and none of the replaced seed', async () => {
      await seedScale(db, process.env.DATABASE_URL as string, 60, 7, true);
      const live = await livePairs();
      expect(live.length).toBeGreaterThan(0);
      expect(await storedPairs()).toEqual(live);
      expect(await totalPairs()).toBe(live.length);
    });
  });
});
