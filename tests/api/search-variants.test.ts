// Search finds what people type: slugs, plurals, hyphen and space variants, and curated synonyms in
// both languages; `searchHits` says with what score and why each result matched.
import { describe, expect, it } from 'vitest';
import { data, gql } from '../helpers/graphql.ts';

interface Hit {
  score: number;
  matchedOn: string;
  matchedText: string | null;
  matchedQuery: string;
  node: { __typename: string; slug: string };
}
const HITS = `query($q: String!, $first: Int) { searchHits(query: $q, first: $first) {
  score matchedOn matchedText matchedQuery node { __typename ... on Treatment { slug } ... on Technique { slug }
  ... on Contraindication { slug } ... on SideEffect { slug } ... on Indication { slug } ... on ActiveIngredient { slug } } } }`;
const hits = async (q: string, first = 10) =>
  (await data<{ searchHits: Hit[] }>(HITS, { q, first })).searchHits;
const found = async (q: string) => (await hits(q, 20)).map((h) => `${h.node.__typename}:${h.node.slug}`);

describe('what search finds', () => {
  it('a slug', async () => {
    const [top] = await hits('prp-injection');
    expect(top).toMatchObject({
      node: { slug: 'prp-injection' },
      matchedOn: 'EXACT_SLUG',
      matchedText: 'prp-injection',
    });
  });

  it('a plural, through its singular', async () => {
    const [top] = await hits('anticoagulants');
    expect(top?.node).toEqual({ __typename: 'Contraindication', slug: 'anticoagulants' });
    expect(await found('vergetures')).toContain('Indication:stretch-marks');
  });

  it('hyphen and space variants', async () => {
    for (const q of ['derma roller', 'derma-roller']) {
      const results = await found(q);
      expect(results, q).toContain('Technique:derma-roller');
      expect(results, q).toContain('Treatment:prp-derma-roller');
    }
    const [spaced] = await hits('derma roller');
    expect(spaced?.matchedQuery).toBe('derma-roller');
  });

  it('curated synonyms in French and English', async () => {
    for (const [q, target] of [
      ['ecchymose', 'SideEffect:hematoma'],
      ['bruise', 'SideEffect:hematoma'],
      ['blood thinner', 'Contraindication:anticoagulants'],
      ['Fluidifiant sanguin', 'Contraindication:anticoagulants'],
      ['dermaroller', 'Technique:derma-roller'],
    ] as const) {
      const results = await hits(q);
      const hit = results.find((h) => `${h.node.__typename}:${h.node.slug}` === target);
      expect(hit, q).toMatchObject({ matchedOn: 'SYNONYM', score: 85 });
    }
  });

  it('ranks and explains: an exact name above a word in a description', async () => {
    const results = await hits('rougeurs');
    expect(results[0]).toMatchObject({
      node: { slug: 'redness' },
      matchedOn: 'EXACT_NAME',
      matchedText: 'Rougeurs',
      matchedQuery: 'rougeurs',
      score: 100,
    });
    expect(results.slice(1).every((h) => h.score < 100)).toBe(true);
    const scores = results.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const search = await data<{ search: Array<{ slug: string }> }>(
      '{ search(query: "rougeurs", first: 10) { ... on SideEffect { slug } ... on Treatment { slug } ... on Contraindication { slug } ... on Indication { slug } ... on Technique { slug } ... on ActiveIngredient { slug } } }',
    );
    // `search` returns the same results in the same order.
    expect(search.search.map((r) => r.slug)).toEqual(results.map((h) => h.node.slug));
  });

  it('still finds nothing for nonsense, and refuses a page over 100', async () => {
    expect(await hits('qwxzv')).toEqual([]);
    const tooMany = await gql(HITS, { q: 'prp', first: 101 });
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('PAGE_SIZE_EXCEEDED');
  });
});
