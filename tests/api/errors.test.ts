// Every error code clients can rely on, with a human message, and nothing internal leaked.
import { describe, expect, it } from 'vitest';
import { gql, yoga } from '../helpers/graphql.ts';

const LEAKS = /(at \/|node_modules|\.ts:\d+|SELECT |prisma|sqlite|postgres)/i;

function expectCode(result: Awaited<ReturnType<typeof gql>>, code: string, message: RegExp) {
  expect(result.errors?.[0]?.extensions?.code).toBe(code);
  expect(result.errors?.[0]?.message).toMatch(message);
  expect(JSON.stringify(result.errors)).not.toMatch(LEAKS);
}

describe('errors', () => {
  it('NOT_FOUND for an unknown slug or code', async () => {
    expectCode(
      await gql('{ contraindication(slug: "diabetes") { slug } }'),
      'NOT_FOUND',
      /contraindication.*"diabetes"/,
    );
    expectCode(await gql('{ jurisdiction(code: "ZZ") { code } }'), 'NOT_FOUND', /"ZZ"/);
  });

  it('NOT_FOUND for a well-formed global id of nothing', async () => {
    const id = Buffer.from('Treatment:botox').toString('base64');
    expectCode(await gql(`{ node(id: "${id}") { id } }`), 'NOT_FOUND', /No object/);
  });

  it('INVALID_ID for a malformed global id', async () => {
    expectCode(await gql('{ node(id: "not-an-id") { id } }'), 'INVALID_ID', /not a valid global id/);
  });

  it('INVALID_CURSOR for a bad cursor', async () => {
    expectCode(
      await gql('{ treatments(after: "garbage") { totalCount } }'),
      'INVALID_CURSOR',
      /cursor "garbage"/,
    );
  });

  it('PAGE_SIZE_EXCEEDED above 100', async () => {
    expectCode(
      await gql('{ search(query: "prp", first: 101) { __typename } }'),
      'PAGE_SIZE_EXCEEDED',
      /at most|between 0 and 100/,
    );
  });

  it('UNKNOWN_SLUGS listing every unknown slug', async () => {
    expectCode(
      await gql(
        '{ treatments(filter: { indications: { any: ["warts", "acne-scars", "moles"] } }) { totalCount } }',
      ),
      'UNKNOWN_SLUGS',
      /"warts", "moles"/,
    );
  });

  it('BAD_USER_INPUT for invalid values', async () => {
    expectCode(
      await gql('{ treatments(filter: { search: "   " }) { totalCount } }'),
      'BAD_USER_INPUT',
      /must not be empty/,
    );
  });

  it('GRAPHQL_VALIDATION_FAILED for a field that does not exist', async () => {
    expectCode(
      await gql('{ treatments { nodes { price } } }'),
      'GRAPHQL_VALIDATION_FAILED',
      /Cannot query field "price"/,
    );
  });

  it('GRAPHQL_PARSE_FAILED for a malformed query', async () => {
    expectCode(await gql('{ treatments { nodes { slug }'), 'GRAPHQL_PARSE_FAILED', /Syntax Error/);
  });

  it('a 4xx, not a crash, for a body that is not JSON', async () => {
    const response = await yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).not.toMatch(LEAKS);
  });
});
