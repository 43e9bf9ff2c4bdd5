// Hostile and broken requests: each gets a clean 4xx or GraphQL error (never a 5xx, a hang or a
// leak of internals), and the server keeps serving afterwards.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, type Running, startApp } from '../helpers/server.ts';

let server: Running;
beforeAll(async () => {
  server = await startApp({ MAX_BODY_BYTES: '100000' });
});
afterAll(() => server.close());

const LEAKS = /at \w+ \(|node_modules|\/work\/|prisma|SELECT|stack/i;

async function send(body: BodyInit, contentType = 'application/json', method = 'POST') {
  const response = await fetch(`${server.url}/graphql`, {
    method,
    headers: { 'content-type': contentType, accept: 'application/graphql-response+json' },
    body,
  });
  return { status: response.status, text: await response.text() };
}

async function stillServing() {
  const answer = await post(server.url, { query: '{ technique(slug: "needle") { slug } }' });
  expect(answer.status).toBe(200);
  expect(answer.body.data).toEqual({ technique: { slug: 'needle' } });
}

const clean4xx = (r: { status: number; text: string }) => {
  expect(r.status).toBeGreaterThanOrEqual(400);
  expect(r.status).toBeLessThan(500);
  expect(r.text).not.toMatch(LEAKS);
};

describe('bad input', () => {
  const cases: Array<[string, () => Promise<{ status: number; text: string }>]> = [
    ['malformed JSON', () => send('{"query": "{ __typename }"')],
    ['JSON that is not an object', () => send('[1, 2, 3]')],
    ['query that is not a string', () => send(JSON.stringify({ query: 42 }))],
    [
      'variables that are not an object',
      () => send(JSON.stringify({ query: '{ __typename }', variables: 'x' })),
    ],
    ['an unsupported content type', () => send('{ __typename }', 'text/plain')],
    ['XML', () => send('<query>{ __typename }</query>', 'application/xml')],
    ['an empty body', () => send('')],
    ['a huge body (2 MB)', () => send(JSON.stringify({ query: `{ __typename } #${'x'.repeat(2_000_000)}` }))],
    ['invalid UTF-8', () => send(Buffer.from([0x7b, 0x22, 0x71, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x3a, 0x7d]))],
    ['random bytes', () => send(randomBytes(4096))],
    [
      'random bytes as a GraphQL document',
      () => send(JSON.stringify({ query: randomBytes(512).toString('latin1') })),
    ],
    [
      'a deeply nested query',
      () =>
        send(
          JSON.stringify({
            query: `{ ${'treatments { nodes { techniques { nodes { treatments { nodes { '.repeat(20)}slug${' } } } } } }'.repeat(20)} }`,
          }),
        ),
    ],
    [
      'an alias bomb',
      () =>
        send(
          JSON.stringify({
            query: `{ ${Array.from({ length: 5000 }, (_, i) => `a${i}: treatments(first: 100) { totalCount }`).join(' ')} }`,
          }),
        ),
    ],
    ['a field-duplication bomb', () => send(JSON.stringify({ query: `{ ${'__typename '.repeat(20000)}}` }))],
    ['a query with unknown fields', () => send(JSON.stringify({ query: '{ patients { name } }' }))],
    [
      'a GET mutation',
      () =>
        fetch(`${server.url}/graphql?query=${encodeURIComponent('mutation { x }')}`).then(async (r) => ({
          status: r.status,
          text: await r.text(),
        })),
    ],
    ['an unsupported method', () => send('', 'application/json', 'PUT')],
  ];

  for (const [name, run] of cases) {
    it(`${name}: a clean 4xx, and the server still serves`, async () => {
      clean4xx(await run());
      await stillServing();
    });
  }

  it('a mutation (none exist yet): a GraphQL error, no data, and the server still serves', async () => {
    const r = await send(JSON.stringify({ query: 'mutation { deleteEverything }' }));
    expect(r.status).toBeLessThan(500);
    expect(JSON.parse(r.text)).toMatchObject({ errors: [{ message: expect.stringMatching(/mutation/i) }] });
    expect(JSON.parse(r.text).data ?? null).toBeNull();
    expect(r.text).not.toMatch(LEAKS);
    await stillServing();
  });

  it('a cyclic-looking fragment spread is refused by validation', async () => {
    const r = await send(
      JSON.stringify({ query: 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }' }),
    );
    clean4xx(r);
    expect(r.text).toMatch(/GRAPHQL_VALIDATION_FAILED|Cannot spread fragment/);
    await stillServing();
  });

  it('many bad requests at once do not take the server down', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, () => send(randomBytes(2048))));
    for (const r of results) clean4xx(r);
    await stillServing();
  });
});
