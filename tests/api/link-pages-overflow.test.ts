// A level of several parents reads their links whole when every parent's links fit its page, and
// windowed when some parent's overflow it (src/resolvers/linkRows.ts, pageRows). Either way each
// parent gets exactly the page it gets alone, forward and backward, with cursors, on link and on
// owned (enum-ranked) sides; the overflow costs at most one more statement per connection.
import { beforeAll, describe, expect, it } from 'vitest';
import { dbStats } from '../../src/db.ts';
import { data } from '../helpers/graphql.ts';

const CONNECTION = (args: string) => `
  contraindications${args} { pageInfo { hasNextPage hasPreviousPage } edges { cursor severity node { slug } } }
  protocol${args.replace(/after: "[^"]*"|before: "[^"]*"/, '')} { pageInfo { hasNextPage hasPreviousPage } edges { node { kind } } }`;

interface Treatment {
  slug: string;
  [connection: string]: unknown;
}

async function level(args: string, alias = '') {
  const result = await data<{ treatments: { nodes: Treatment[] } }>(
    `{ treatments(first: 50) { nodes { slug ${alias} ${CONNECTION(args)} } } }`,
  );
  return result.treatments.nodes;
}

async function alone(slug: string, args: string) {
  const result = await data<{ treatment: Treatment }>(
    `{ treatment(slug: "${slug}") { slug ${CONNECTION(args)} } }`,
  );
  return result.treatment;
}

let cursor = '';
let most = 0;

beforeAll(async () => {
  const nodes = await data<{
    treatments: { nodes: Array<{ contraindications: { edges: Array<{ cursor: string }> } }> };
  }>('{ treatments(first: 50) { nodes { contraindications(first: 100) { edges { cursor } } } } }');
  const pages = nodes.treatments.nodes.map((n) => n.contraindications.edges);
  most = Math.max(...pages.map((edges) => edges.length));
  const longest = pages.find((edges) => edges.length === most) ?? [];
  cursor = longest[1]?.cursor ?? '';
});

describe('pages of links for a level of several treatments', () => {
  it('has a treatment with more contraindications than the small pages below', () => {
    // Otherwise the windowed statement would never run and this file would prove nothing.
    expect(most).toBeGreaterThan(3);
    expect(cursor).not.toBe('');
  });

  const cases = () => [
    '(first: 100)',
    '(first: 1)',
    '(first: 2)',
    `(first: 2, after: "${cursor}")`,
    '(last: 2)',
    `(last: 1, before: "${cursor}")`,
  ];

  it('gives every treatment the page it gets alone, whichever statement read it', async () => {
    for (const args of cases()) {
      const nodes = await level(args);
      expect(nodes.length).toBeGreaterThan(1);
      for (const node of nodes) {
        expect({ args, ...node }).toEqual({ args, ...(await alone(node.slug, args)) });
      }
    }
  });

  it('costs at most one more statement per connection when a page overflows', async () => {
    const count = async (args: string) => {
      const before = dbStats.statements;
      // A document of its own, so the response cache cannot answer it.
      await level(args, 'counted: slug');
      return dbStats.statements - before;
    };
    const fitting = await count('(first: 100)');
    const overflowing = await count('(first: 1)');
    expect(overflowing).toBeGreaterThan(fitting);
    expect(overflowing).toBeLessThanOrEqual(fitting + 2);
  });
});
