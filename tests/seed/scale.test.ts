// `npm run seed:scale` writes the synthetic base on either engine, and the API serves it.
import { describe, expect, it } from 'vitest';
import { seedScale } from '../../seed/bulk.ts';
import { db } from '../../src/db.ts';
import { data } from '../helpers/graphql.ts';

describe('seed:scale', () => {
  describe('on a database that holds the real seed', () => {
    it('refuses without --reset and leaves it as it was', async () => {
      const before = await db.treatment.count();
      await expect(seedScale(db, process.env.DATABASE_URL as string, 20, 1, false)).rejects.toThrow(
        /--reset/,
      );
      expect(await db.treatment.count()).toBe(before);
    });
  });

  describe('with --reset', () => {
    it('replaces everything with N treatments the API can page, filter and analyse', async () => {
      const rows = await seedScale(db, process.env.DATABASE_URL as string, 40, 3, true);
      expect(rows).toBeGreaterThan(40 * 20);
      expect(await db.treatment.count()).toBe(40);
      expect(await db.source.count()).toBe(5);
      const r = await data<{
        treatments: {
          totalCount: number;
          nodes: Array<{ slug: string; updatedAt: string; contraindications: { totalCount: number } }>;
        };
        contraindicationOverlaps: { totalCount: number };
      }>(
        '{ treatments(first: 5, orderBy: { field: UPDATED_AT, direction: DESC }) { totalCount nodes { slug updatedAt contraindications { totalCount } } } contraindicationOverlaps(minShared: 1, first: 1) { totalCount } }',
      );
      expect(r.treatments.totalCount).toBe(40);
      expect(r.treatments.nodes[0]?.slug).toBe('treatment-40');
      expect(r.treatments.nodes[0]?.updatedAt).toBe('2026-01-01T00:00:40.000Z');
      for (const n of r.treatments.nodes) expect(n.contraindications.totalCount).toBeGreaterThanOrEqual(3);
      expect(r.contraindicationOverlaps.totalCount).toBeGreaterThan(0);
      // Sequences were moved past the explicit ids: a new row gets a fresh id.
      const created = await db.source.create({
        data: { slug: 'after-scale', title: 't', language: 'fr', kind: 'ARTICLE', fileName: 'after.txt' },
      });
      expect(created.id).toBe(6);
    });
  });
});
