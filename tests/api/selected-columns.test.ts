// A link page reads only the link and node columns its selection needs (src/schema/selection.ts,
// selectedColumns in src/resolvers/columns.ts, pageColumns in src/resolvers/linkRows.ts). Whatever
// the shape of the selection (aliases of one connection asking different fields, inline and named
// fragments, `…Locale` fields alone, `edges { node }` beside `nodes`), every field gets its value,
// the same as a full read.
import { describe, expect, it } from 'vitest';
import { linkKinds } from '../../src/model/kinds.ts';
import { selectedColumns } from '../../src/resolvers/columns.ts';
import { pageColumns } from '../../src/resolvers/linkRows.ts';
import { data } from '../helpers/graphql.ts';

describe('selectedColumns', () => {
  it('maps fields to columns: plain, localised pairs, …Locale, to-one ids; id and slug always', () => {
    expect(selectedColumns('Contraindication', new Set(['name']))).toEqual([
      'id',
      'slug',
      'nameFr',
      'nameEn',
    ]);
    expect(
      selectedColumns('Contraindication', new Set(['descriptionLocale', 'category', '__typename'])),
    ).toEqual(['id', 'slug', 'descriptionFr', 'descriptionEn', 'category']);
    expect(selectedColumns('Authority', new Set(['jurisdiction']))).toEqual(['id', 'slug', 'jurisdictionId']);
    expect(selectedColumns('Technique', null)).toContain('descriptionFr');
  });
});

const contraindications = linkKinds.find((k) => k.joinModel === 'TreatmentContraindication');
if (!contraindications) throw new Error('no TreatmentContraindication link kind');

describe('pageColumns', () => {
  it('reads only the keys of the link when only nodes are selected', () => {
    const columns = pageColumns(
      { kind: contraindications, reverse: false },
      new Set(),
      new Set(['slug', 'name']),
    );
    expect(columns.link).toEqual(['id', 'treatmentId', 'contraindicationId']);
    expect(columns.node).toEqual(['id', 'slug', 'nameFr', 'nameEn']);
  });

  it('adds the edge columns an edge selection reads, localised pairs included', () => {
    const columns = pageColumns(
      { kind: contraindications, reverse: true },
      new Set(['severity', 'noteI18n', 'citations']),
      new Set(['slug']),
    );
    expect(columns.link).toEqual(['id', 'treatmentId', 'contraindicationId', 'severity', 'noteFr', 'noteEn']);
    expect(columns.node).toEqual(['id', 'slug']);
    expect(columns.key).not.toEqual(
      pageColumns({ kind: contraindications, reverse: true }, new Set(['severity']), new Set(['slug'])).key,
    );
  });
});

describe('link pages read per selection', () => {
  it('gives each alias of one connection the fields it asked for', async () => {
    const r = await data<{
      treatment: {
        a: { nodes: Array<{ slug: string; name: string }> };
        b: {
          nodes: Array<{ description: string | null; category: string; updatedAt: string; version: number }>;
        };
        c: { edges: Array<{ node: { nameLocale: string; codes: Array<{ code: string }> } }> };
      };
    }>(`{ treatment(slug: "prp-injection") {
      a: contraindications(first: 50) { nodes { slug name } }
      b: contraindications(first: 50) { nodes { description category updatedAt version } }
      c: contraindications(first: 50) { edges { node { nameLocale(locale: EN) codes { code } } } }
    } }`);
    const full = await data<{
      treatment: {
        contraindications: {
          nodes: Array<{
            slug: string;
            name: string;
            description: string | null;
            category: string;
            updatedAt: string;
            version: number;
            nameLocale: string;
            codes: Array<{ code: string }>;
          }>;
        };
      };
    }>(`{ treatment(slug: "prp-injection") { contraindications(first: 50) { nodes {
      slug name description category updatedAt version nameLocale(locale: EN) codes { code } } } } }`);
    const nodes = full.treatment.contraindications.nodes;
    expect(nodes.length).toBeGreaterThan(2);
    expect(r.treatment.a.nodes).toEqual(nodes.map(({ slug, name }) => ({ slug, name })));
    expect(r.treatment.b.nodes).toEqual(
      nodes.map(({ description, category, updatedAt, version }) => ({
        description,
        category,
        updatedAt,
        version,
      })),
    );
    expect(r.treatment.b.nodes.some((n) => n.description)).toBe(true);
    expect(r.treatment.c.edges.map((e) => e.node)).toEqual(
      nodes.map(({ nameLocale, codes }) => ({ nameLocale, codes })),
    );
  });

  it('follows inline and named fragments, in both directions', async () => {
    const r = await data<{
      contraindication: {
        treatments: { nodes: Array<{ slug: string; summary: string; mechanism: string | null }> };
      };
    }>(`
      query { contraindication(slug: "anticoagulants") { treatments(first: 20) { nodes { ...Names ... on Treatment { mechanism } } } } }
      fragment Names on Treatment { slug summary }`);
    const nodes = r.contraindication.treatments.nodes;
    expect(nodes.length).toBeGreaterThan(0);
    for (const n of nodes) {
      expect(n.summary.length).toBeGreaterThan(10);
      expect(n).toHaveProperty('mechanism');
    }
    expect(nodes.some((n) => n.mechanism)).toBe(true);
  });
});
