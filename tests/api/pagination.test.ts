// Cursor pagination: forward to the end, stable cursors, default and maximum page sizes.
import { describe, expect, it } from 'vitest';
import { data, gql } from '../helpers/graphql.ts';

interface Page {
  treatments: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ cursor: string; node: { slug: string } }>;
  };
}
const PAGE = `query($first: Int, $after: String, $order: TreatmentOrder) {
  treatments(first: $first, after: $after, orderBy: $order) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { slug } }
  }
}`;

async function walk(first: number, order?: object) {
  const slugs: string[] = [];
  const cursors: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < 20; i++) {
    const page: Page = await data<Page>(PAGE, { first, after, order });
    slugs.push(...page.treatments.edges.map((e) => e.node.slug));
    cursors.push(...page.treatments.edges.map((e) => e.cursor));
    if (!page.treatments.pageInfo.hasNextPage) return { slugs, cursors };
    after = page.treatments.pageInfo.endCursor;
  }
  throw new Error('pagination did not end');
}

describe('treatments pagination', () => {
  describe('forward in pages of 3', () => {
    it('visits every treatment once, in slug order, and ends', async () => {
      const { slugs } = await walk(3);
      expect(slugs).toHaveLength(10);
      expect(slugs).toEqual([...slugs].sort());
      expect(new Set(slugs).size).toBe(10);
    });
  });

  describe('the same walk twice', () => {
    it('gives the same cursors (they are stable)', async () => {
      expect((await walk(4)).cursors).toEqual((await walk(4)).cursors);
    });
  });

  describe('ordered by name, descending', () => {
    it('pages through the same set in that order', async () => {
      const { slugs } = await walk(3, { field: 'NAME', direction: 'DESC' });
      const names = await data<{ treatments: { nodes: Array<{ slug: string; name: string }> } }>(
        '{ treatments(first: 100) { nodes { slug name } } }',
      );
      // French order: accents and case do not separate a name from its letter.
      const french = new Intl.Collator('fr', { sensitivity: 'base' });
      const expected = [...names.treatments.nodes]
        .sort((a, b) => french.compare(b.name, a.name))
        .map((n) => n.slug);
      expect(slugs).toEqual(expected);
    });
  });

  describe('without first', () => {
    it('returns the default page of up to 20', async () => {
      const r = await data<Page>(
        '{ treatments { totalCount edges { cursor } pageInfo { hasNextPage endCursor } } }',
      );
      expect(r.treatments.edges).toHaveLength(10);
      expect(r.treatments.pageInfo.hasNextPage).toBe(false);
    });
  });

  describe('nested connections', () => {
    it('page too, with their own cursors', async () => {
      const first = await data<{
        treatment: {
          indications: {
            totalCount: number;
            pageInfo: { hasNextPage: boolean; endCursor: string };
            nodes: Array<{ slug: string }>;
          };
        };
      }>(
        '{ treatment(slug: "microneedling") { indications(first: 2) { totalCount pageInfo { hasNextPage endCursor } nodes { slug } } } }',
      );
      const rest = await data<{ treatment: { indications: { nodes: Array<{ slug: string }> } } }>(
        'query($after: String) { treatment(slug: "microneedling") { indications(first: 100, after: $after) { nodes { slug } } } }',
        { after: first.treatment.indications.pageInfo.endCursor },
      );
      const all = [...first.treatment.indications.nodes, ...rest.treatment.indications.nodes].map(
        (n) => n.slug,
      );
      expect(first.treatment.indications.pageInfo.hasNextPage).toBe(true);
      expect(all).toHaveLength(first.treatment.indications.totalCount);
      expect(new Set(all).size).toBe(all.length);
    });
  });

  describe('nested connections paged backwards', () => {
    it('give the last links with last, and the links before a cursor with before', async () => {
      type Links = {
        treatment: {
          indications: { edges: Array<{ cursor: string; node: { slug: string } }> };
        };
      };
      const page = (args: string) =>
        data<Links>(
          `{ treatment(slug: "microneedling") { indications(${args}) { edges { cursor node { slug } } } } }`,
        );
      const all = (await page('first: 100')).treatment.indications.edges;
      expect(all.length).toBeGreaterThan(3);
      const last = (await page('last: 2')).treatment.indications.edges;
      expect(last).toEqual(all.slice(-2));
      const cursor = all[3]?.cursor ?? '';
      const before = (await page(`last: 100, before: "${cursor}"`)).treatment.indications.edges;
      expect(before).toEqual(all.slice(0, 3));
      const after = (await page(`first: 2, after: "${cursor}"`)).treatment.indications.edges;
      expect(after).toEqual(all.slice(4, 6));
    });
  });

  describe('page size limits', () => {
    it('accepts 100 and rejects 101 with PAGE_SIZE_EXCEEDED, also through variables and nested fields', async () => {
      expect((await gql(PAGE, { first: 100 })).errors).toBeUndefined();
      for (const r of [
        await gql(PAGE, { first: 101 }),
        await gql('{ treatments(last: 500) { totalCount } }'),
        await gql('{ treatment(slug: "mesotherapy") { indications(first: 1000) { totalCount } } }'),
        await gql(PAGE, { first: -1 }),
      ]) {
        expect(r.errors?.[0]?.extensions?.code).toBe('PAGE_SIZE_EXCEEDED');
        expect(r.errors?.[0]?.message).toMatch(/between 0 and 100/);
      }
    });
  });
});
