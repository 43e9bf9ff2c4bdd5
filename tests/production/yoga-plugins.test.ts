// Every HTTP concern of a GraphQL request lives in a Yoga plugin, so `yoga.fetch` alone (no node
// server in front) answers exactly as production does: request ids on the answer and in every
// error, authentication, rate-limit and cost headers, caching headers, ETag and 304, CORS.
import { afterAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/auth/keys.ts';
import { parseConfig } from '../../src/config.ts';
import { db } from '../../src/db.ts';
import { createApp } from '../../src/server.ts';

const app = createApp(parseConfig({ ...process.env, RATE_LIMIT_POINTS: '1000' }));
afterAll(() => app.close());

const graphql = (query: string, headers: Record<string, string> = {}) =>
  app.yoga.fetch(
    new Request('http://localhost/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        ...headers,
      },
      body: JSON.stringify({ query }),
    }),
  );

describe('yoga.fetch runs the production path', () => {
  it('stamps a request id, rate-limit and cost headers, caching headers and CORS', async () => {
    const response = await graphql('{ technique(slug: "needle") { slug } }', {
      'x-request-id': 'plugin-path-1',
      origin: 'https://clinic.example',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('plugin-path-1');
    expect(response.headers.get('x-ratelimit-limit')).toBe('1000');
    expect(Number(response.headers.get('x-ratelimit-remaining'))).toBeLessThan(1000);
    expect(response.headers.get('x-graphql-cost')).toMatch(/^\d+$/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const etag = response.headers.get('etag') as string;
    expect(etag).toMatch(/^"[\w-]+"$/);

    const again = await graphql('{ technique(slug: "needle") { slug } }', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    // A cache hit charged nothing, and still says where the budget stands.
    expect(again.headers.get('x-ratelimit-remaining')).toBe(response.headers.get('x-ratelimit-remaining'));
  });

  it('puts the request id in every error, before serialisation', async () => {
    const response = await graphql('{ technique(slug: "nope") { slug } }', {
      'x-request-id': 'plugin-path-2',
    });
    const body = (await response.json()) as { errors: Array<{ extensions: Record<string, unknown> }> };
    expect(body.errors[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', requestId: 'plugin-path-2' });
    expect(response.headers.get('cache-control')).toBe('no-store');

    const syntax = await graphql('{ technique(slug: ', { 'x-request-id': 'plugin-path-3' });
    const parsed = (await syntax.json()) as { errors: Array<{ extensions: Record<string, unknown> }> };
    expect(parsed.errors[0]?.extensions.requestId).toBe('plugin-path-3');
  });

  it('authenticates: a bad key is refused with 401, a good one answers privately', async () => {
    const refused = await graphql('{ __typename }', {
      authorization: 'Bearer not-a-key',
      'x-request-id': 'k-1',
    });
    expect(refused.status).toBe(401);
    const body = (await refused.json()) as { errors: Array<{ extensions: Record<string, unknown> }> };
    expect(body.errors[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', requestId: 'k-1' });
    expect(refused.headers.get('x-request-id')).toBe('k-1');

    const { key } = await createApiKey(db, 'plugin path', ['read']);
    const keyed = await graphql('{ technique(slug: "needle") { slug } }', { authorization: `Bearer ${key}` });
    expect(keyed.status).toBe(200);
    expect(keyed.headers.get('cache-control')).toBe('private, no-cache');
    expect(keyed.headers.get('etag')).toMatch(/^"/);
  });
});
