// Each treatment filter, alone, with hand-checked results from the seed.
import { describe, expect, it } from 'vitest';
import { db } from '../../src/db.ts';
import { data, gql } from '../helpers/graphql.ts';
import { PRP_INJECTED } from '../helpers/seed-facts.ts';

const slugs = async (filter: object) =>
  (
    await data<{ treatments: { totalCount: number; nodes: Array<{ slug: string }> } }>(
      'query($filter: TreatmentFilter) { treatments(first: 100, filter: $filter) { totalCount nodes { slug } } }',
      { filter },
    )
  ).treatments.nodes.map((n) => n.slug);

describe('treatments(filter:)', () => {
  describe('contraindications', () => {
    it('any: treatments contraindicated by pregnancy or cancer', async () => {
      expect(await slugs({ contraindications: { any: ['pregnancy', 'cancer'] } })).toEqual([
        'mesolift',
        'mesotherapy',
      ]);
    });
    it('all: contraindicated by both anticoagulants and coagulation disorders', async () => {
      expect(
        await slugs({ contraindications: { all: ['anticoagulants', 'coagulation-disorders'] } }),
      ).toEqual(['mesotherapy', ...PRP_INJECTED].sort());
    });
    it('none: safe for someone on anticoagulants (as far as the sources say)', async () => {
      expect(await slugs({ contraindications: { none: ['anticoagulants'] } })).toEqual([
        'led-photobiomodulation',
        'microfilling',
        'microneedling',
        'microneedling-with-prp',
        'prp-derma-roller',
      ]);
    });
  });

  describe('techniques, ingredients, indications and body areas', () => {
    it('techniques.any: derma-roller', async () => {
      expect(await slugs({ techniques: { any: ['derma-roller'] } })).toContain('prp-derma-roller');
    });
    it('activeIngredients.all: platelet-rich plasma and autologous fat', async () => {
      expect(await slugs({ activeIngredients: { all: ['platelet-rich-plasma', 'autologous-fat'] } })).toEqual(
        ['prp-microfilling'],
      );
    });
    it('indications.any: hair loss', async () => {
      expect(await slugs({ indications: { any: ['hair-loss'] } })).toContain('mesotherapy');
    });
    it('bodyAreas.any: scalp, and none: face together', async () => {
      const scalp = await slugs({ bodyAreas: { any: ['scalp'] } });
      expect(scalp).toContain('mesotherapy');
      const notFace = await slugs({ bodyAreas: { none: ['face'] } });
      expect(notFace).not.toContain('mesotherapy');
    });
  });

  describe('regulatoryStatus', () => {
    it('suspended in France: PRP injection and the treatments that inject PRP', async () => {
      expect(await slugs({ regulatoryStatus: { jurisdiction: 'FR', status: 'SUSPENDED' } })).toEqual(
        PRP_INJECTED,
      );
    });
    it('a malformed jurisdiction code is BAD_USER_INPUT', async () => {
      const r = await gql(
        '{ treatments(filter: { regulatoryStatus: { jurisdiction: "France" } }) { totalCount } }',
      );
      expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('updatedSince', () => {
    it('returns only treatments changed since the instant', async () => {
      const future = new Date(Date.now() + 60_000).toISOString();
      expect(await slugs({ updatedSince: future })).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, 20));
      const since = new Date().toISOString();
      await db.treatment.update({
        where: { slug: 'microfilling' },
        data: { summaryEn: 'Edited for the sync test.' },
      });
      expect(await slugs({ updatedSince: since })).toEqual(['microfilling']);
      expect(await slugs({ updatedSince: '2000-01-01T00:00:00Z' })).toHaveLength(10);
    });
    it('rejects a malformed date', async () => {
      const r = await gql('{ treatments(filter: { updatedSince: "yesterday" }) { totalCount } }');
      expect(r.errors?.[0]?.message).toMatch(/ISO 8601/);
    });
  });

  describe('search', () => {
    it('ignores accents and case, in both languages and aliases', async () => {
      expect(await slugs({ search: 'MESOTHERAPIE' })).toContain('mesotherapy');
      expect(await slugs({ search: 'mésothérapie' })).toContain('mesotherapy');
      expect(await slugs({ search: 'vampire facial' })).toEqual(['microneedling-with-prp']);
      expect(await slugs({ search: 'platelet-rich' })).toEqual(expect.arrayContaining(['prp-injection']));
    });
  });

  describe('combined', () => {
    it('all conditions must hold', async () => {
      expect(
        await slugs({ regulatoryStatus: { jurisdiction: 'FR' }, techniques: { any: ['derma-roller'] } }),
      ).toEqual(['prp-injection']);
    });
  });

  describe('unknown slugs', () => {
    it('are one UNKNOWN_SLUGS error naming the argument and all of them', async () => {
      const r = await gql(
        '{ treatments(filter: { bodyAreas: { all: ["face", "elbows", "knees"] } }) { totalCount } }',
      );
      expect(r.errors?.[0]?.extensions).toMatchObject({
        code: 'UNKNOWN_SLUGS',
        slugs: ['elbows', 'knees'],
        argument: 'filter.bodyAreas.all',
      });
    });
  });
});

describe('vocabulary lists', () => {
  it('filter by search and order by name', async () => {
    const r = await data<{ contraindications: { nodes: Array<{ slug: string }> } }>(
      '{ contraindications(filter: { search: "grossesse" }) { nodes { slug } } }',
    );
    expect(r.contraindications.nodes.map((n) => n.slug)).toEqual(['pregnancy']);
    const ordered = await data<{ bodyAreas: { nodes: Array<{ name: string }> } }>(
      '{ bodyAreas(orderBy: { field: NAME }) { nodes { name(locale: EN) } } }',
      {},
      { 'accept-language': 'en' },
    );
    const names = ordered.bodyAreas.nodes.map((n) => n.name);
    expect(names).toEqual([...names].sort());
  });
});
