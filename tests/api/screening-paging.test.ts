// screenTreatments is a page like any list: cut in SQL in one order on both engines (most severe
// match first, then no match, then slug), continued with a keyset cursor, priced by its page size
// by the cost analysis, refused past the page-size limit, and read in the same number of
// statements whatever the page size.

import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { dbStats } from '../../src/db.ts';
import { measureOperation } from '../../src/limits/analysis.ts';
import { schema } from '../../src/schema/index.ts';
import { data, gql } from '../helpers/graphql.ts';

interface Row {
  treatment: { slug: string };
  worstSeverity: string | null;
  contraindicated: boolean;
  cursor: string;
}

const QUERY = `query($first: Int, $after: String) {
  screenTreatments(conditions: ["pregnancy", "anticoagulants"], first: $first, after: $after) {
    treatment { slug } worstSeverity contraindicated cursor } }`;

const page = async (first: number, after?: string) =>
  (await data<{ screenTreatments: Row[] }>(QUERY, { first, after })).screenTreatments;

const order = ['ABSOLUTE', 'RELATIVE', 'PRECAUTION', null];

describe('screenTreatments paging', () => {
  it('orders by worst severity, then slug in byte order', async () => {
    const all = await page(100);
    expect(all.length).toBe(10);
    const keys = all.map((r) => [order.indexOf(r.worstSeverity), r.treatment.slug] as const);
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    expect(keys).toEqual(sorted);
    expect(all.some((r) => r.contraindicated)).toBe(true);
    expect(all.some((r) => !r.contraindicated)).toBe(true);
  });

  it('pages through the same rows with cursors, each once', async () => {
    const all = await page(100);
    const seen: Row[] = [];
    let after: string | undefined;
    for (let i = 0; i < 10; i++) {
      const rows = await page(3, after);
      seen.push(...rows);
      if (rows.length < 3) break;
      after = rows[rows.length - 1]?.cursor;
    }
    expect(seen.map((r) => r.treatment.slug)).toEqual(all.map((r) => r.treatment.slug));
  });

  it('costs its page size and refuses a page past the limit', async () => {
    const cost = (first: number) => measureOperation(schema, parse(QUERY), null, { first }).cost;
    // Each row costs its fields: the page size multiplies them, as for any list with `first`.
    expect(cost(50)).toBe(25 * cost(2));
    const tooMany = await gql(QUERY, { first: 101 });
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('PAGE_SIZE_EXCEEDED');
  });

  it('reads the same number of statements for 2 rows as for 10', async () => {
    const count = async (first: number) => {
      const before = dbStats.statements;
      await page(first);
      return dbStats.statements - before;
    };
    // Page sizes no other test asked for: the response cache must not answer.
    await count(1);
    expect(await count(4)).toBe(await count(9));
  });

  it('names a cursor that is not one of its own', async () => {
    const r = await gql(QUERY, { first: 2, after: 'bm90LWEtY3Vyc29y' });
    expect(r.errors?.[0]?.extensions?.code).toBe('INVALID_CURSOR');
  });
});
