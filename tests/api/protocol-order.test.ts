// Protocol claims come in one documented order on every engine: by kind in the order ProtocolKind
// declares it, then by id. SQLite stores enums as text (AFTERCARE would sort first) and PostgreSQL
// sorts them by declaration; the API orders by the declaration everywhere, and pages follow it.
import { describe, expect, it } from 'vitest';
import { data } from '../helpers/graphql.ts';

const declared = [
  'SESSION_COUNT',
  'INTERVAL',
  'MAINTENANCE',
  'SESSION_DURATION',
  'AFTERCARE',
  'PREPARATION',
  'RESULT_ONSET',
  'RECOVERY',
  'PROCEDURE_STEP',
];

interface Protocol {
  treatment: {
    protocol: {
      totalCount: number;
      edges: Array<{ node: { key: string; kind: string } }>;
      pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string; endCursor: string };
    };
  };
}

const PROTOCOL = `query($first: Int, $after: String, $last: Int, $before: String) {
  treatment(slug: "mesotherapy") {
    protocol(first: $first, after: $after, last: $last, before: $before) {
      totalCount edges { node { key kind } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
}`;

const keysOf = (p: Protocol) => p.treatment.protocol.edges.map((e) => e.node.key);

describe('Treatment.protocol', () => {
  it('lists claims by kind in declaration order, the same on every engine', async () => {
    const all = (await data<Protocol>(PROTOCOL, { first: 100 })).treatment.protocol;
    const kinds = all.edges.map((e) => e.node.kind);
    expect(kinds.length).toBeGreaterThan(5);
    // Several kinds, including AFTERCARE, which text order would put first.
    expect(new Set(kinds).size).toBeGreaterThan(3);
    expect(kinds).toContain('AFTERCARE');
    const ranks = kinds.map((k) => declared.indexOf(k));
    expect(ranks.every((r) => r >= 0)).toBe(true);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(kinds[0]).toBe('SESSION_COUNT');
  });

  it('pages forward and backward in that order, every claim once', async () => {
    const all = keysOf(await data<Protocol>(PROTOCOL, { first: 100 }));
    const forward: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await data<Protocol>(PROTOCOL, { first: 3, after });
      forward.push(...keysOf(page));
      if (!page.treatment.protocol.pageInfo.hasNextPage) break;
      after = page.treatment.protocol.pageInfo.endCursor;
    }
    expect(forward).toEqual(all);

    const backward: string[][] = [];
    let before: string | undefined;
    for (;;) {
      const page = await data<Protocol>(PROTOCOL, { last: 3, before });
      backward.unshift(keysOf(page));
      if (!page.treatment.protocol.pageInfo.hasPreviousPage) break;
      before = page.treatment.protocol.pageInfo.startCursor;
    }
    expect(backward.flat()).toEqual(all);
  });
});
