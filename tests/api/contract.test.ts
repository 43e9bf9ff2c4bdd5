// Every name of DESIGN.md's GraphQL contract, queried the way a client written against it would.
import { describe, expect, it } from 'vitest';
import { data } from '../helpers/graphql.ts';

// biome-ignore lint/suspicious/noExplicitAny: deep response shapes, asserted field by field below
type Json = any;

const CONNECTION =
  'totalCount pageInfo { hasNextPage endCursor } edges { cursor citations { locator source { slug title } } node { slug } } nodes { slug }';

describe('Treatment', () => {
  it('exposes every contract field, with link data on edges', async () => {
    const r = await data<{ treatment: Record<string, Json> }>(`{
      treatment(slug: "prp-injection") {
        id slug name aliases summary updatedAt
        techniques { ${CONNECTION} }
        activeIngredients { ${CONNECTION} }
        indications { ${CONNECTION} }
        contraindications { totalCount edges { severity note citations { locator source { slug } } node { slug } } nodes { slug } }
        sideEffects { ${CONNECTION} }
        bodyAreas { ${CONNECTION} }
        protocol { totalCount nodes { kind text min max unit citations { source { slug } locator } } }
        regulatoryStatuses { totalCount nodes { jurisdiction { code name } status authority { slug name } reason citations { source { slug } } } }
        combinableWith { totalCount edges { note citations { locator } node { slug } } }
        components { totalCount nodes { slug } }
        limitations { nodes { text citations { locator } } }
        settings { nodes { setting allowed text } }
        anaesthesiaOptions { nodes { kind text } }
        citations { locator note source { slug title } claimType claimSubject }
      }
    }`);
    const t = r.treatment;
    expect(t.slug).toBe('prp-injection');
    expect(t.aliases).toContain('vampire lift');
    expect(new Date(t.updatedAt as string).getTime()).not.toBeNaN();
    expect(t.sideEffects.totalCount).toBe(0); // doc 000 states none for PRP
    for (const rel of ['techniques', 'activeIngredients', 'indications', 'bodyAreas']) {
      expect(t[rel].totalCount, rel).toBeGreaterThan(0);
      expect(t[rel].nodes, rel).toHaveLength(t[rel].totalCount);
      for (const edge of t[rel].edges) expect(edge.citations.length, rel).toBeGreaterThan(0);
    }
    expect(t.contraindications.nodes.map((n: { slug: string }) => n.slug).sort()).toEqual([
      'anticoagulants',
      'coagulation-disorders',
      'immunodeficiency',
      'skin-disease',
    ]);
    for (const edge of t.contraindications.edges) {
      expect(edge.severity).toBe('RELATIVE');
      expect(edge.citations[0].source.slug).toBe('prp-vampire-lift-clinic');
    }
    expect(t.regulatoryStatuses.nodes).toEqual([
      expect.objectContaining({
        jurisdiction: { code: 'FR', name: 'France' },
        status: 'SUSPENDED',
        authority: expect.objectContaining({ slug: 'ansm' }),
      }),
    ]);
    expect(
      t.combinableWith.nodes ?? t.combinableWith.edges.map((e: { node: unknown }) => e.node),
    ).toBeDefined();
    expect(t.combinableWith.edges.map((e: { node: { slug: string } }) => e.node.slug)).toContain(
      'led-photobiomodulation',
    );
    expect(t.citations.length).toBeGreaterThan(0);
    expect(t.citations[0].claimType).toBe('treatment');
    expect(t.citations[0].claimSubject).toBe('prp-injection');
    expect(t.protocol.totalCount).toBeGreaterThan(0);
    expect(
      t.settings.nodes.map((s: { setting: string; allowed: boolean }) => [s.setting, s.allowed]).sort(),
    ).toEqual([
      ['CLINIC_OPERATING_ROOM', true],
      ['OFFICE', false],
    ]);
  });

  it('gives side effects with frequency and duration in the source’s words', async () => {
    const r = await data<{
      treatment: {
        sideEffects: {
          edges: Array<{
            frequency: string | null;
            typicalDuration: string | null;
            citations: unknown[];
            node: { slug: string };
          }>;
        };
      };
    }>(
      '{ treatment(slug: "mesotherapy") { sideEffects { edges { frequency(locale: EN) typicalDuration(locale: EN) citations { locator } node { slug } } } } }',
    );
    const edges = r.treatment.sideEffects.edges;
    expect(edges.map((e) => e.node.slug)).toEqual(
      expect.arrayContaining(['bleeding', 'redness', 'hematoma', 'infection-risk']),
    );
    const redness = edges.find((e) => e.node.slug === 'redness');
    expect(redness?.typicalDuration).toMatch(/hour/i);
    for (const e of edges) expect(e.citations.length).toBeGreaterThan(0);
  });

  it('lists the components of a combined treatment', async () => {
    const r = await data<{ treatment: { components: { nodes: Array<{ slug: string }> } } }>(
      '{ treatment(slug: "microneedling-with-prp") { components { nodes { slug } } } }',
    );
    expect(r.treatment.components.nodes.map((n) => n.slug).sort()).toEqual([
      'microneedling',
      'prp-injection',
    ]);
  });
});

describe('lookups by slug', () => {
  it.each([
    ['technique', 'needle'],
    ['activeIngredient', 'platelet-rich-plasma'],
    ['indication', 'acne-scars'],
    ['contraindication', 'pregnancy'],
    ['sideEffect', 'hematoma'],
    ['bodyArea', 'scalp'],
    ['source', 'mesolift-article'],
  ])('%s(slug: "%s")', async (field, slug) => {
    const r = await data<Record<string, { slug: string; id: string }>>(
      `{ ${field}(slug: "${slug}") { id slug } }`,
    );
    expect(r[field]?.slug).toBe(slug);
  });

  it('jurisdiction(code: "FR")', async () => {
    const r = await data<{ jurisdiction: { code: string; name: string } }>(
      '{ jurisdiction(code: "FR") { code name(locale: EN) } }',
    );
    expect(r.jurisdiction).toEqual({ code: 'FR', name: 'France' });
  });

  it('vocabulary entries carry codes, citations and their treatments with edge data', async () => {
    const r = await data<{ contraindication: Json }>(`{ contraindication(slug: "pregnancy") {
      name(locale: EN) category codes { system code display } citations { source { slug } }
      treatments { totalCount edges { severity citations { locator } node { slug } } } } }`);
    expect(r.contraindication.codes).toEqual([
      { system: 'SNOMED-CT', code: '77386006', display: expect.any(String) },
    ]);
    expect(
      r.contraindication.treatments.edges
        .map((e: { node: { slug: string }; severity: string }) => [e.node.slug, e.severity])
        .sort(),
    ).toEqual([
      ['mesolift', 'ABSOLUTE'],
      ['mesotherapy', 'ABSOLUTE'],
    ]);
  });

  it('a source lists every claim it supports', async () => {
    const r = await data<{
      source: {
        kind: string;
        lastUpdated: string;
        claims: { totalCount: number; nodes: Array<{ claimType: string; source: { slug: string } }> };
      };
    }>(
      '{ source(slug: "mesolift-article") { kind lastUpdated claims(first: 100) { totalCount nodes { claimType source { slug } } } } }',
    );
    expect(r.source.kind).toBe('ARTICLE');
    expect(r.source.lastUpdated.slice(0, 10)).toBe('2017-11-08');
    expect(r.source.claims.totalCount).toBeGreaterThan(50);
    expect(new Set(r.source.claims.nodes.map((c) => c.source.slug))).toEqual(new Set(['mesolift-article']));
    expect(r.source.claims.nodes.map((c) => c.claimType)).toContain('protocolClaim');
  });
});

describe('lists of every entity', () => {
  it.each([
    ['treatments', 10],
    ['techniques', 11],
    ['activeIngredients', 11],
    ['indications', 20],
    ['contraindications', 12],
    ['sideEffects', 6],
    ['bodyAreas', 7],
    ['sources', 5],
    ['jurisdictions', 1],
    ['authorities', 1],
  ])('%s has totalCount %i', async (field, count) => {
    const r = await data<Record<string, { totalCount: number; nodes: unknown[] }>>(
      `{ ${field}(first: 100) { totalCount nodes { id } } }`,
    );
    expect(r[field]?.totalCount).toBe(count);
    expect(r[field]?.nodes).toHaveLength(count);
  });
});

describe('node(id:) and nodes(ids:)', () => {
  it('refetch any object by the id it was given', async () => {
    const r = await data<{ treatment: { id: string }; technique: { id: string } }>(
      '{ treatment(slug: "mesolift") { id } technique(slug: "pen") { id } }',
    );
    const again = await data<{
      node: { __typename: string; slug: string };
      nodes: Array<{ __typename: string }>;
    }>(
      'query($id: ID!, $ids: [ID!]!) { node(id: $id) { __typename ... on Treatment { slug } } nodes(ids: $ids) { __typename } }',
      { id: r.treatment.id, ids: [r.technique.id, r.treatment.id] },
    );
    expect(again.node).toEqual({ __typename: 'Treatment', slug: 'mesolift' });
    expect(again.nodes.map((n) => n.__typename)).toEqual(['Technique', 'Treatment']);
  });
});

describe('conflicting protocol claims', () => {
  it('come back side by side, each with its own source', async () => {
    const r = await data<{
      treatment: {
        protocol: {
          nodes: Array<{
            kind: string;
            min: number;
            max: number;
            unit: string;
            citations: Array<{ source: { slug: string } }>;
          }>;
        };
      };
    }>(
      '{ treatment(slug: "mesotherapy") { protocol(first: 100) { nodes { kind min max unit citations { source { slug } } } } } }',
    );
    const intervals = r.treatment.protocol.nodes
      .filter((n) => n.kind === 'INTERVAL')
      .map((n) => [n.citations.map((c) => c.source.slug).join(','), n.min, n.max, n.unit])
      .sort();
    expect(intervals).toEqual([
      ['mesolift-article', 15, 15, 'DAY'],
      ['mesotherapy-ageing-article', 2, 3, 'WEEK'],
      ['mesotherapy-patient-sheet', 15, 30, 'DAY'],
    ]);
  });
});
