// search(query:, first:): ranked, across kinds, accent- and case-insensitive, both languages.
import { describe, expect, it } from 'vitest';
import { data, gql } from '../helpers/graphql.ts';

type Hit = { __typename: string; slug: string };
const SEARCH = `query($q: String!, $first: Int) { search(query: $q, first: $first) {
  __typename
  ... on Treatment { slug } ... on Technique { slug } ... on ActiveIngredient { slug }
  ... on Indication { slug } ... on Contraindication { slug } ... on SideEffect { slug } } }`;
const search = async (q: string, first?: number) =>
  (await data<{ search: Hit[] }>(SEARCH, { q, first })).search;

describe('search', () => {
  describe('without accents', () => {
    it('"mesotherapie" finds Mésothérapie first', async () => {
      const hits = await search('mesotherapie');
      expect(hits[0]).toEqual({ __typename: 'Treatment', slug: 'mesotherapy' });
    });
  });

  describe('with accents and capitals', () => {
    it('"MÉSOTHÉRAPIE" gives the same ranking', async () => {
      expect(await search('MÉSOTHÉRAPIE')).toEqual(await search('mesotherapie'));
    });
  });

  describe('across kinds', () => {
    it('"grossesse" finds the contraindication; "pregnancy" too, in English', async () => {
      expect(await search('grossesse')).toContainEqual({ __typename: 'Contraindication', slug: 'pregnancy' });
      expect((await search('pregnancy'))[0]).toEqual({ __typename: 'Contraindication', slug: 'pregnancy' });
    });
    it('"hematome" finds the side effect', async () => {
      expect(await search('hematome')).toContainEqual({ __typename: 'SideEffect', slug: 'hematoma' });
    });
  });

  describe('aliases', () => {
    it('"vampire" finds both vampire treatments', async () => {
      const slugs = (await search('vampire')).map((h) => h.slug);
      expect(slugs).toEqual(expect.arrayContaining(['prp-injection', 'microneedling-with-prp']));
    });
  });

  describe('ranking', () => {
    it('puts exact names before names that merely contain the words', async () => {
      const hits = await search('microneedling');
      expect(hits[0]?.slug).toBe('microneedling');
      expect(hits.map((h) => h.slug)).toContain('microneedling-with-prp');
    });
    it('honours first', async () => {
      expect(await search('prp', 2)).toHaveLength(2);
    });
  });

  describe('a query shorter than two characters', () => {
    it('is BAD_USER_INPUT', async () => {
      const r = await gql(SEARCH, { q: ' é ' });
      expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });
});
