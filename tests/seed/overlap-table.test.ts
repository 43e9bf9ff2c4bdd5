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
import { livePairs, storedPairs } from '../helpers/overlaps.ts';

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
      expect(live.length).toBe(10);
      expect(await storedPairs()).toEqual(live);
    });
  });

  describe('after a re-seed that takes a contraindication off a treatment', () => {
    it('drops the pairs that only shared it and updates the others, in the same transaction', async () => {
      const file = join(dir, 'treatments/mesolift.yaml');
      // Mesolift shares only anticoagulants with the three PRP-injecting treatments (analytics.test.ts).
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace(/^ {2}- slug: anticoagulants\n(?: {4,}.*\n)*/m, ''),
      );
      await seedDatabase(db, dir);
      const live = await livePairs();
      expect(live.length).toBe(7);
      expect(await storedPairs()).toEqual(live);
      expect(await totalPairs()).toBe(7);
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
      expect(live.length).toBeGreaterThan(10);
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
