// On PostgreSQL, a link statement whose node table is large looks each link's node up by key
// (a LATERAL subquery) instead of joining the whole table (src/resolvers/linkRows.ts, chosen from
// the planner's row estimates in src/resolvers/tableSizes.ts). Both shapes must give exactly the
// same answers: forward and reverse pages, edges with citations, cursors in both directions,
// locales, counts, and a selection of only a node's key.
import { afterAll, describe, expect, inject, it, vi } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { linkKinds } from '../../src/model/kinds.ts';
import { NODE_LOOKUP_ABOVE_ROWS } from '../../src/resolvers/linkRows.ts';
import type * as sql from '../../src/resolvers/sql.ts';
import { setEstimatedRowsForTests } from '../../src/resolvers/tableSizes.ts';
import { createApp } from '../../src/server.ts';

// Every statement the resolvers send, to see which join shape they used.
const sent: string[] = [];
vi.mock('../../src/resolvers/sql.ts', async (importOriginal) => {
  const original = await importOriginal<typeof sql>();
  return {
    ...original,
    queryRows: (text: string, params: readonly unknown[]) => {
      sent.push(text);
      return original.queryRows(text, params);
    },
  };
});

// No response cache: each run must reach the resolvers.
const yoga = createApp(parseConfig({ ...process.env, RESPONSE_CACHE: 'false' })).yoga;

async function ask(query: string, variables: Record<string, unknown> = {}) {
  const response = await yoga.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: await response.json() };
}

const nodeFields = 'slug name nameLocale(locale: EN) nameI18n { fr en }';
const edgeCitations = 'citations { locator source { slug } }';

const documents: Array<[string, string, Record<string, unknown>?]> = [
  [
    'a CMS pull of every relation',
    `{ treatments(first: 50, orderBy: { field: NAME }) { nodes { slug
      techniques(first: 100) { totalCount nodes { ${nodeFields} } }
      activeIngredients(first: 100) { nodes { slug name } }
      indications(first: 2) { pageInfo { hasNextPage endCursor } nodes { slug } }
      contraindications(first: 100) { edges { severity noteI18n { fr en } node { ${nodeFields} } } }
      sideEffects(first: 100) { nodes { id } }
      bodyAreas(last: 1) { edges { cursor node { slug } } } } } }`,
  ],
  [
    'one treatment with edges and citations',
    `{ treatment(slug: "prp-injection") {
      techniques(first: 100) { edges { ${edgeCitations} node { slug name } } }
      contraindications(first: 100) { edges { severity ${edgeCitations} node { slug description } } }
      sideEffects(first: 100) { edges { ${edgeCitations} node { slug name } } } } }`,
  ],
  [
    'reverse connections, paged both ways',
    `query($after: String) { contraindications(first: 50) { nodes { slug
      first: treatments(first: 3, after: $after) { totalCount edges { cursor severity node { slug name } } pageInfo { hasNextPage } }
      last: treatments(last: 2) { edges { cursor node { slug summary } } pageInfo { hasPreviousPage } } } } }`,
  ],
];

// The node tables of every link kind, reported as far above the threshold.
const large = Object.fromEntries(
  [...linkKinds.map((kind) => kind.nodeModel), 'Treatment'].map((table) => [
    table,
    NODE_LOOKUP_ABOVE_ROWS * 100,
  ]),
);

afterAll(() => setEstimatedRowsForTests(null));

describe.skipIf(inject('engine') !== 'postgresql')('link statements on a large node table', () => {
  it.each(documents)('answer %s the same by key lookups as by a join', async (_name, query, variables) => {
    setEstimatedRowsForTests({});
    sent.length = 0;
    const joined = await ask(query, variables);
    expect(joined.status).toBe(200);
    expect(joined.body.errors).toBeUndefined();
    expect(sent.some((text) => text.includes(' JOIN '))).toBe(true);
    expect(sent.some((text) => text.includes('LATERAL'))).toBe(false);

    setEstimatedRowsForTests(large);
    sent.length = 0;
    const looked = await ask(query, variables);
    expect(sent.some((text) => text.includes('LATERAL'))).toBe(true);
    expect(looked).toEqual(joined);
  });

  it('pages a reverse connection by cursor the same way under both shapes', async () => {
    const page = `query($after: String) { contraindication(slug: "anticoagulants") {
      treatments(first: 2, after: $after) { edges { cursor node { slug } } pageInfo { hasNextPage endCursor } } } }`;
    const walk = async () => {
      const slugs: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 50; i++) {
        const { body } = await ask(page, { after });
        const connection = body.data.contraindication.treatments;
        slugs.push(...connection.edges.map((e: { node: { slug: string } }) => e.node.slug));
        if (!connection.pageInfo.hasNextPage) return slugs;
        after = connection.pageInfo.endCursor;
      }
      throw new Error('more than 50 pages');
    };
    setEstimatedRowsForTests({});
    const joined = await walk();
    setEstimatedRowsForTests(large);
    const looked = await walk();
    expect(joined.length).toBeGreaterThan(2);
    expect(looked).toEqual(joined);
  });
});
