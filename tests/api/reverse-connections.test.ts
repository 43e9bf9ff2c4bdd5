// Reverse connections (an entry's treatments) are paged in SQL: a page of 20 reads about 20 rows
// however many treatments link to the entry, pages are complete and disjoint in both directions,
// and parents sharing one statement each get their own page.
import { beforeAll, describe, expect, it } from 'vitest';
import { db, dbStats } from '../../src/db.ts';
import { sortKeys } from '../../src/write/derived.ts';
import { data } from '../helpers/graphql.ts';

const SLUG = 'anticoagulants';
const EXTRA = 150;

interface Page {
  contraindication: {
    treatments: {
      totalCount?: number;
      edges: Array<{ cursor: string; severity: string; node: { slug: string } }>;
      pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string; endCursor: string };
    };
  };
}

const PAGE = `query($slug: String!, $first: Int, $after: String, $last: Int, $before: String) {
  contraindication(slug: $slug) {
    treatments(first: $first, after: $after, last: $last, before: $before) {
      edges { cursor severity node { slug } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
}`;

/** Every slug linked to the contraindication, in link id order: the order pages follow. */
let linked: string[] = [];

beforeAll(async () => {
  const section = await db.sourceSection.findFirstOrThrow();
  const contraindication = await db.contraindication.findUniqueOrThrow({ where: { slug: SLUG } });
  for (let i = 0; i < EXTRA; i++) {
    const slug = `reverse-${String(i).padStart(3, '0')}`;
    await db.treatment.create({
      data: {
        slug,
        nameFr: `Inverse ${i}`,
        summaryFr: 'Traitement de test.',
        searchText: slug,
        // Written directly, not through src/write: the sort keys the unit of work would derive.
        ...sortKeys({ nameFr: `Inverse ${i}` }),
        citations: {
          create: [
            {
              key: `treatment:${slug}`,
              sourceId: section.sourceId,
              sectionId: section.id,
              claimType: 'treatment',
              claimSubject: slug,
            },
          ],
        },
        contraindications: {
          create: [{ contraindicationId: contraindication.id, severity: i % 2 ? 'RELATIVE' : 'ABSOLUTE' }],
        },
      },
    });
  }
  const links = await db.treatmentContraindication.findMany({
    where: { contraindicationId: contraindication.id },
    orderBy: { id: 'asc' },
    select: { treatment: { select: { slug: true } } },
  });
  linked = links.map((l) => l.treatment.slug);
});

describe('contraindication { treatments }', () => {
  describe('a first page of 20 among many links', () => {
    it('returns 20 edges in link order, with the total and a next page', async () => {
      const result = await data<Page>(
        `{ contraindication(slug: "${SLUG}") { treatments(first: 20) {
          totalCount edges { severity node { slug } } pageInfo { hasNextPage hasPreviousPage } } } }`,
      );
      const { treatments } = result.contraindication;
      expect(linked.length).toBeGreaterThanOrEqual(EXTRA);
      expect(treatments.totalCount).toBe(linked.length);
      expect(treatments.edges.map((e) => e.node.slug)).toEqual(linked.slice(0, 20));
      expect(treatments.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false });
    });

    it('reads about a page of rows from the database, not every link', async () => {
      const before = dbStats.rows;
      await data<Page>(PAGE, { slug: SLUG, first: 20 });
      const read = dbStats.rows - before;
      // The entry (1) and 21 link rows (the page and one to tell there is more).
      expect(read).toBeLessThanOrEqual(25);
      expect(linked.length).toBeGreaterThan(read * 5);
    });
  });

  describe('paging through every link', () => {
    it('forward with after: every link exactly once, in order', async () => {
      const seen: string[] = [];
      let after: string | undefined;
      for (;;) {
        const page = (await data<Page>(PAGE, { slug: SLUG, first: 37, after })).contraindication.treatments;
        seen.push(...page.edges.map((e) => e.node.slug));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen).toEqual(linked);
    });

    it('backward with last and before: every link exactly once, in order', async () => {
      const pages: string[][] = [];
      let before: string | undefined;
      for (;;) {
        const page = (await data<Page>(PAGE, { slug: SLUG, last: 37, before })).contraindication.treatments;
        pages.unshift(page.edges.map((e) => e.node.slug));
        if (!page.pageInfo.hasPreviousPage) break;
        before = page.pageInfo.startCursor;
      }
      expect(pages.flat()).toEqual(linked);
    });
  });

  describe('several parents in one statement', () => {
    it('gives each parent its own page, the same as asking for it alone', async () => {
      const list = await data<{
        contraindications: {
          nodes: Array<{ slug: string; treatments: { totalCount: number; nodes: Array<{ slug: string }> } }>;
        };
      }>(
        `{ contraindications(first: 50) { nodes { slug treatments(first: 2) { totalCount nodes { slug } } } } }`,
      );
      expect(list.contraindications.nodes.length).toBeGreaterThan(3);
      for (const entry of list.contraindications.nodes) {
        const alone = await data<{
          contraindication: { treatments: { totalCount: number; nodes: Array<{ slug: string }> } };
        }>(
          `{ contraindication(slug: "${entry.slug}") { treatments(first: 2) { totalCount nodes { slug } } } }`,
        );
        expect(entry.treatments).toEqual(alone.contraindication.treatments);
      }
      const big = list.contraindications.nodes.find((n) => n.slug === SLUG);
      expect(big?.treatments.nodes.map((n) => n.slug)).toEqual(linked.slice(0, 2));
    });
  });
});
