// Each operation limit accepts an operation at its value and rejects one just above, with a code
// naming the limit and the measured value; the server keeps serving afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Answer, codeOf, post, type Running, startApp } from '../helpers/server.ts';

let server: Running;
beforeAll(async () => {
  server = await startApp({
    MAX_DEPTH: '4',
    MAX_ALIASES: '3',
    MAX_TOKENS: '40',
    MAX_COST: '11',
    MAX_BODY_BYTES: '600',
    RESPONSE_CACHE: 'false',
  });
});
afterAll(() => server.close());

const ask = (query: string) => post(server.url, { query });
const ok = (answer: Answer) => {
  expect(answer.body.errors).toBeUndefined();
  expect(answer.status).toBe(200);
};
const rejected = (answer: Answer, code: string, limit: number, value?: number) => {
  expect(answer.status).toBe(400);
  expect(codeOf(answer)).toBe(code);
  expect(answer.body.errors?.[0]?.extensions).toMatchObject({ limit, ...(value !== undefined && { value }) });
  expect(answer.body.errors?.[0]?.message).toContain(String(limit));
  expect(answer.body.data ?? null).toBeNull();
};

describe('operation limits', () => {
  it('depth: 4 levels pass, 5 are refused with MAX_DEPTH_EXCEEDED', async () => {
    ok(await ask('{ treatments(first: 1) { edges { node { slug } } } }'));
    rejected(
      await ask('{ treatments(first: 1) { edges { node { techniques(first: 1) { totalCount } } } } }'),
      'MAX_DEPTH_EXCEEDED',
      4,
      5,
    );
  });

  it('aliases: 3 pass, 4 are refused with MAX_ALIASES_EXCEEDED (aliased __typename included)', async () => {
    ok(await ask('{ a: __typename b: __typename c: __typename }'));
    rejected(
      await ask('{ a: __typename b: __typename c: __typename d: __typename }'),
      'MAX_ALIASES_EXCEEDED',
      3,
      4,
    );
  });

  it('tokens: 40 pass, 41 are refused with MAX_TOKENS_EXCEEDED while parsing', async () => {
    // `{ __typename }` is 3 tokens; each extra `__typename` adds 1.
    const doc = (tokens: number) => `{ ${Array.from({ length: tokens - 2 }, () => '__typename').join(' ')} }`;
    ok(await ask(doc(40)));
    rejected(await ask(doc(41)), 'MAX_TOKENS_EXCEEDED', 40);
  });

  it('cost: a page of 10 costs 11 and passes, a page of 11 costs 12 and is refused', async () => {
    ok(await ask('{ sources(first: 10) { nodes { slug } } }'));
    rejected(await ask('{ sources(first: 11) { nodes { slug } } }'), 'MAX_COST_EXCEEDED', 11, 12);
  });

  it('cost counts page sizes given as variables, and the default page size when absent', async () => {
    const answer = await post(server.url, {
      query: 'query ($n: Int) { sources(first: $n) { nodes { slug } } }',
      variables: { n: 11 },
    });
    rejected(answer, 'MAX_COST_EXCEEDED', 11, 12);
    // No `first`: 20 by default, so 1 + 20.
    rejected(await ask('{ sources { nodes { slug } } }'), 'MAX_COST_EXCEEDED', 11, 21);
  });

  it('body size: 600 bytes pass, 601 are refused with 413 BODY_TOO_LARGE', async () => {
    const body = (size: number) => {
      const json = JSON.stringify({ query: '{ __typename }' });
      return `${json.slice(0, -1) + ' '.repeat(size - json.length)}}`;
    };
    expect(Buffer.byteLength(body(600))).toBe(600);
    ok(await post(server.url, body(600)));
    const refused = await post(server.url, body(601));
    expect(refused.status).toBe(413);
    expect(codeOf(refused)).toBe('BODY_TOO_LARGE');
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ limit: 600 });
    ok(await ask('{ __typename }'));
  });
});

describe('time limit', () => {
  it('an operation still running at REQUEST_TIMEOUT_MS gets REQUEST_TIMEOUT (503); a generous limit lets it finish', async () => {
    const heavy = `{ treatments(first: 100) { nodes { slug techniques(first: 100) { edges { citations { locator } node { slug } } } contraindications(first: 100) { edges { citations { locator } } } } } }`;
    const strict = await startApp({ REQUEST_TIMEOUT_MS: '1', MAX_COST: '0', RESPONSE_CACHE: 'false' });
    try {
      const answer = await post(strict.url, { query: heavy });
      expect(answer.status).toBe(503);
      expect(codeOf(answer)).toBe('REQUEST_TIMEOUT');
      expect(answer.body.errors?.[0]?.extensions).toMatchObject({ limit: 1 });
    } finally {
      await strict.close();
    }
    const relaxed = await startApp({ REQUEST_TIMEOUT_MS: '60000', MAX_COST: '0', RESPONSE_CACHE: 'false' });
    try {
      ok(await post(relaxed.url, { query: heavy }));
    } finally {
      await relaxed.close();
    }
  });
});
