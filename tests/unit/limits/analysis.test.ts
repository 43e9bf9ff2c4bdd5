// The operation measure behind MAX_DEPTH, MAX_ALIASES and MAX_COST (and the rate-limit charge).
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { measureOperation } from '../../../src/limits/analysis.ts';
import { schema } from '../../../src/schema/index.ts';

const measure = (query: string, variables: Record<string, unknown> = {}, operationName?: string) =>
  measureOperation(schema, parse(query), operationName, variables);

describe('operation measure', () => {
  it('inlines named fragments and counts aliases inside them', () => {
    const direct = measure(
      '{ treatments(first: 5) { nodes { slug techniques(first: 3) { nodes { slug } } } } }',
    );
    const viaFragment = measure(
      '{ treatments(first: 5) { nodes { ...T } } } fragment T on Treatment { slug x: techniques(first: 3) { nodes { slug } } }',
    );
    expect(viaFragment).toEqual({ ...direct, aliases: 1 });
    // 1 connection + 5 nodes + 5 × (1 connection + 3 nodes)
    expect(direct).toEqual({ depth: 5, aliases: 0, cost: 1 + 5 + 5 * (1 + 3) });
  });

  it('counts a list of objects one per item, and other object lists as 10 items', () => {
    expect(measure('{ search(query: "prp", first: 7) { ... on Treatment { slug } } }').cost).toBe(7);
    // treatment (1) + its citations list (10)
    expect(measure('{ treatment(slug: "x") { citations { locator } } }').cost).toBe(11);
  });

  it('measures only the operation asked for', () => {
    const doc = 'query Small { __typename } query Big { treatments(first: 50) { nodes { slug } } }';
    expect(measure(doc, {}, 'Small').cost).toBe(0);
    expect(measure(doc, {}, 'Big').cost).toBe(51);
  });

  it('treats introspection as free, but still counts its depth and aliases', () => {
    const m = measure('{ a: __schema { types { fields { type { ofType { name } } } } } }');
    expect(m.cost).toBe(0);
    expect(m.aliases).toBe(1);
    expect(m.depth).toBe(1);
  });

  it('measures a repeated document without variables once per operation, and never shares the result', () => {
    const doc = parse('query Small { __typename } query Big { treatments(first: 50) { nodes { slug } } }');
    const big = measureOperation(schema, doc, 'Big', {});
    big.cost = 0;
    expect(measureOperation(schema, doc, 'Big', {}).cost).toBe(1 + 50);
    expect(measureOperation(schema, doc, 'Small', {}).cost).toBe(0);
    const paged = parse('query($n: Int) { treatments(first: $n) { nodes { slug } } }');
    expect(measureOperation(schema, paged, null, { n: 5 }).cost).toBe(1 + 5);
    expect(measureOperation(schema, paged, null, { n: 9 }).cost).toBe(1 + 9);
  });
});
