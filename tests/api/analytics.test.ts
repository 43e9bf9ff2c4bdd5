// The analyst queries, against answers checked by hand from the seed.
import { describe, expect, it } from 'vitest';
import { data, gql } from '../helpers/graphql.ts';
import { PRP_INJECTED } from '../helpers/seed-facts.ts';

describe('sharedContraindications', () => {
  describe('PRP and mesotherapy', () => {
    it('share anticoagulants and coagulation disorders', async () => {
      const r = await data<{ sharedContraindications: Array<{ slug: string }> }>(
        '{ sharedContraindications(treatments: ["prp-injection", "mesotherapy"]) { slug } }',
      );
      expect(r.sharedContraindications.map((c) => c.slug)).toEqual([
        'anticoagulants',
        'coagulation-disorders',
      ]);
    });
  });

  describe('mesolift, mesotherapy and PRP', () => {
    it('share only anticoagulants', async () => {
      const r = await data<{ sharedContraindications: Array<{ slug: string }> }>(
        '{ sharedContraindications(treatments: ["mesolift", "mesotherapy", "prp-injection"]) { slug } }',
      );
      expect(r.sharedContraindications.map((c) => c.slug)).toEqual(['anticoagulants']);
    });
  });

  describe('a treatment without contraindications', () => {
    it('shares none', async () => {
      const r = await data<{ sharedContraindications: unknown[] }>(
        '{ sharedContraindications(treatments: ["led-photobiomodulation", "mesotherapy"]) { slug } }',
      );
      expect(r.sharedContraindications).toEqual([]);
    });
  });

  describe('unknown slugs', () => {
    it('fail with UNKNOWN_SLUGS listing every one', async () => {
      const r = await gql(
        '{ sharedContraindications(treatments: ["botox", "prp-injection", "laser"]) { slug } }',
      );
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'UNKNOWN_SLUGS', slugs: ['botox', 'laser'] });
      expect(r.errors?.[0]?.message).toContain('"botox", "laser"');
    });
  });
});

interface Overlaps {
  contraindicationOverlaps: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string };
    nodes: Array<{
      treatmentA: { slug: string };
      treatmentB: { slug: string };
      sharedCount: number;
      jaccard: number;
      shared: Array<{ slug: string }>;
    }>;
  };
}
const OVERLAPS = `query($min: Int, $first: Int, $after: String) {
  contraindicationOverlaps(minShared: $min, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { treatmentA { slug } treatmentB { slug } sharedCount jaccard shared { slug } }
  }
}`;

describe('contraindicationOverlaps', () => {
  describe('minShared: 2', () => {
    it('ranks the 3 identical PRP-injection pairs first, then mesolift–mesotherapy, then mesotherapy–PRP', async () => {
      const r = await data<Overlaps>(OVERLAPS, { min: 2, first: 100 });
      const o = r.contraindicationOverlaps;
      expect(o.totalCount).toBe(7);
      expect(o.nodes).toHaveLength(7);
      const prpPairs = o.nodes.slice(0, 3);
      for (const p of prpPairs) {
        expect(PRP_INJECTED).toContain(p.treatmentA.slug);
        expect(PRP_INJECTED).toContain(p.treatmentB.slug);
        expect([p.sharedCount, p.jaccard]).toEqual([4, 1]);
        expect(p.shared.map((c) => c.slug)).toEqual([
          'anticoagulants',
          'coagulation-disorders',
          'immunodeficiency',
          'skin-disease',
        ]);
      }
      const next = o.nodes[3];
      expect([next?.treatmentA.slug, next?.treatmentB.slug].sort()).toEqual(['mesolift', 'mesotherapy']);
      expect(next?.sharedCount).toBe(3);
      expect(next?.jaccard).toBeCloseTo(3 / 10);
      for (const p of o.nodes.slice(4)) {
        expect([p.treatmentA.slug, p.treatmentB.slug]).toContain('mesotherapy');
        expect(p.shared.map((c) => c.slug)).toEqual(['anticoagulants', 'coagulation-disorders']);
        expect(p.jaccard).toBeCloseTo(2 / 12);
      }
    });
  });

  describe('default minShared (1)', () => {
    it('adds the three mesolift–PRP pairs sharing only anticoagulants', async () => {
      const r = await data<Overlaps>(OVERLAPS, { first: 100 });
      expect(r.contraindicationOverlaps.totalCount).toBe(10);
      const last = r.contraindicationOverlaps.nodes.slice(-3);
      for (const p of last) {
        expect([p.treatmentA.slug, p.treatmentB.slug]).toContain('mesolift');
        expect(p.jaccard).toBeCloseTo(1 / 6);
      }
    });
  });

  describe('paginated', () => {
    it('walks all pairs in order with cursors', async () => {
      const all = (await data<Overlaps>(OVERLAPS, { min: 2, first: 100 })).contraindicationOverlaps.nodes;
      const seen: typeof all = [];
      let after: string | undefined;
      for (let page = 0; page < 10; page++) {
        const r = (await data<Overlaps>(OVERLAPS, { min: 2, first: 5, after })).contraindicationOverlaps;
        seen.push(...r.nodes);
        if (!r.pageInfo.hasNextPage) break;
        after = r.pageInfo.endCursor;
      }
      expect(seen).toEqual(all);
    });
  });

  describe('minShared below 1', () => {
    it('is a BAD_USER_INPUT error', async () => {
      const r = await gql(OVERLAPS, { min: 0 });
      expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0]?.message).toContain('minShared');
    });
  });

  interface Ranked {
    contraindicationOverlaps: {
      totalCount: number;
      nodes: Array<{
        treatmentA: { slug: string };
        treatmentB: { slug: string };
        sharedCount: number;
        independentSharedCount: number;
        severityWeight: number;
      }>;
    };
  }
  const RANKED = `query($independentOnly: Boolean, $orderBy: ContraindicationOverlapOrder) {
    contraindicationOverlaps(independentOnly: $independentOnly, orderBy: $orderBy, first: 50) {
      totalCount nodes { treatmentA { slug } treatmentB { slug } sharedCount independentSharedCount severityWeight } } }`;
  const pairOf = (n: Ranked['contraindicationOverlaps']['nodes'][number]) =>
    `${n.treatmentA.slug}+${n.treatmentB.slug}`;

  describe('independentOnly', () => {
    it('drops the pairs whose overlap is one paragraph copied onto variants (PRP injected three ways)', async () => {
      const all = await data<Ranked>(RANKED, {});
      const injected = all.contraindicationOverlaps.nodes.filter(
        (n) => PRP_INJECTED.includes(n.treatmentA.slug) && PRP_INJECTED.includes(n.treatmentB.slug),
      );
      // Doc 000 §18, cited for each of the three: four shared contraindications, none independent.
      expect(injected).toHaveLength(3);
      for (const pair of injected) expect(pair).toMatchObject({ sharedCount: 4, independentSharedCount: 0 });

      const independent = await data<Ranked>(RANKED, { independentOnly: true });
      expect(independent.contraindicationOverlaps.totalCount).toBe(
        all.contraindicationOverlaps.totalCount - 3,
      );
      const kept = independent.contraindicationOverlaps.nodes.map(pairOf);
      for (const pair of injected) expect(kept).not.toContain(pairOf(pair));
      expect(kept).toContain('mesolift+mesotherapy');
    });
  });

  describe('orderBy: SEVERITY_WEIGHT', () => {
    it('ranks by the milder side’s severity summed over the shared contraindications', async () => {
      const r = await data<Ranked>(RANKED, { orderBy: 'SEVERITY_WEIGHT' });
      const weights = r.contraindicationOverlaps.nodes.map((n) => n.severityWeight);
      expect([...weights].sort((a, b) => b - a)).toEqual(weights);
      // Mesolift and mesotherapy share three contraindications both state as ABSOLUTE: 3 × 3.
      expect(r.contraindicationOverlaps.nodes[0]).toMatchObject({
        treatmentA: { slug: 'mesolift' },
        treatmentB: { slug: 'mesotherapy' },
        sharedCount: 3,
        severityWeight: 9,
      });
      // The PRP pairs share four RELATIVE contraindications: 4 × 2, below 9 though their Jaccard index is 1.
      const prp = r.contraindicationOverlaps.nodes.find((n) => pairOf(n) === 'prp-injection+prp-mesolift');
      expect(prp?.severityWeight).toBe(8);
    });
  });
});

interface Screening {
  screenTreatments: Array<{
    treatment: { slug: string };
    contraindicated: boolean;
    worstSeverity: string | null;
    matches: Array<{
      severity: string;
      contraindication: { slug: string };
      citations: Array<{ source: { slug: string } }>;
    }>;
  }>;
}

describe('screenTreatments', () => {
  describe('pregnancy and anticoagulants', () => {
    it('lists every treatment, most severely contraindicated first, with severities and citations', async () => {
      const r = await data<Screening>(`{ screenTreatments(conditions: ["pregnancy", "anticoagulants"]) {
        treatment { slug } contraindicated worstSeverity
        matches { severity contraindication { slug } citations { source { slug } } } } }`);
      const rows = r.screenTreatments;
      expect(rows.map((x) => [x.treatment.slug, x.worstSeverity])).toEqual([
        ['mesolift', 'ABSOLUTE'],
        ['mesotherapy', 'ABSOLUTE'],
        ['prp-injection', 'RELATIVE'],
        ['prp-mesolift', 'RELATIVE'],
        ['prp-microfilling', 'RELATIVE'],
        ['led-photobiomodulation', null],
        ['microfilling', null],
        ['microneedling', null],
        ['microneedling-with-prp', null],
        ['prp-derma-roller', null],
      ]);
      const meso = rows.find((x) => x.treatment.slug === 'mesotherapy');
      expect(meso?.matches.map((m) => [m.contraindication.slug, m.severity])).toEqual([
        ['anticoagulants', 'ABSOLUTE'],
        ['pregnancy', 'ABSOLUTE'],
      ]);
      expect(meso?.matches[1]?.citations.map((c) => c.source.slug)).toContain('mesotherapy-patient-sheet');
      // Its sources list no contraindication at all: that is not a clearance.
      expect(rows.find((x) => x.treatment.slug === 'microneedling')?.contraindicated).toBeNull();
    });
  });

  describe('what a non-match means', () => {
    it('tells "none of these documented" from "no contraindications documented at all"', async () => {
      const r = await data<{
        screenTreatments: Array<{
          treatment: { slug: string };
          status: string;
          contraindicated: boolean | null;
          documentedContraindications: number;
        }>;
      }>(`{ screenTreatments(conditions: ["cancer"], first: 100) {
        treatment { slug } status contraindicated documentedContraindications } }`);
      const bySlug = Object.fromEntries(r.screenTreatments.map((x) => [x.treatment.slug, x]));
      expect(bySlug.mesotherapy).toMatchObject({ status: 'CONTRAINDICATED', contraindicated: true });
      expect(bySlug['prp-injection']).toMatchObject({
        status: 'NONE_OF_THESE_DOCUMENTED',
        contraindicated: false,
        documentedContraindications: 4,
      });
      for (const slug of ['microneedling-with-prp', 'prp-derma-roller', 'microneedling'])
        expect(bySlug[slug], slug).toMatchObject({
          status: 'NO_CONTRAINDICATIONS_DOCUMENTED',
          contraindicated: null,
          documentedContraindications: 0,
        });
    });
  });

  describe('shared contraindications in detail', () => {
    it('give each side its own severity and citations, and flag a shared source section', async () => {
      const r = await data<{
        sharedContraindicationDetails: Array<{
          contraindication: { slug: string };
          strictestSeverity: string;
          sameSourceSection: boolean;
          sides: Array<{
            treatment: { slug: string };
            severity: string;
            citations: Array<{ locator: string }>;
          }>;
        }>;
      }>(`{ sharedContraindicationDetails(treatments: ["mesotherapy", "prp-injection"]) {
        contraindication { slug } strictestSeverity sameSourceSection
        sides { treatment { slug } severity citations { locator } } } }`);
      const anticoagulants = r.sharedContraindicationDetails.find(
        (i) => i.contraindication.slug === 'anticoagulants',
      );
      expect(anticoagulants?.sides.map((s) => [s.treatment.slug, s.severity])).toEqual([
        ['mesotherapy', 'ABSOLUTE'],
        ['prp-injection', 'RELATIVE'],
      ]);
      expect(anticoagulants?.strictestSeverity).toBe('ABSOLUTE');
      expect(anticoagulants?.sameSourceSection).toBe(false);
      expect(anticoagulants?.sides[1]?.citations.map((c) => c.locator)).toEqual(['§18 Contre-indications']);
      const overlaps = await data<{
        contraindicationOverlaps: {
          nodes: Array<{
            shared: Array<{ slug: string }>;
            sharedItems: Array<{ contraindication: { slug: string }; sameSourceSection: boolean }>;
          }>;
        };
      }>(
        '{ contraindicationOverlaps(first: 1) { nodes { shared { slug } sharedItems { contraindication { slug } sameSourceSection } } } }',
      );
      const pair = overlaps.contraindicationOverlaps.nodes[0];
      expect(pair?.sharedItems.map((i) => i.contraindication.slug)).toEqual(pair?.shared.map((c) => c.slug));
      // The PRP-injecting treatments all cite document 000's §18: one paragraph, not agreement.
      expect(pair?.sharedItems.every((i) => i.sameSourceSection)).toBe(true);
    });
  });

  describe('an unknown condition', () => {
    it('fails with UNKNOWN_SLUGS naming it', async () => {
      const r = await gql('{ screenTreatments(conditions: ["pregnancy", "diabetes"]) { contraindicated } }');
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'UNKNOWN_SLUGS', slugs: ['diabetes'] });
    });
  });
});
