// Compiled execution (graphql-jit, on by default) answers exactly as graphql-js's executor does:
// the same data, the same errors with the same paths and codes, for every kind of document clients
// send, and each document is compiled once (on its second run by default, its first here).
import { type DocumentNode, type ExecutionArgs, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { metrics } from '../../src/http/metrics.ts';
import { useCompiledExecution } from '../../src/plugins/compiledExecution.ts';
import { schema } from '../../src/schema/index.ts';
import { createApp } from '../../src/server.ts';

// No response cache: every request here must reach an executor.
const settings = { ...process.env, RESPONSE_CACHE: 'false' };
const compiled = createApp(
  parseConfig({ ...settings, COMPILED_EXECUTION: 'true', COMPILE_AFTER_RUNS: '0' }),
).yoga;
const interpreted = createApp(parseConfig({ ...settings, COMPILED_EXECUTION: 'false' })).yoga;

type Yoga = typeof compiled;

async function ask(yoga: Yoga, query: string, variables: Record<string, unknown> = {}, headers = {}) {
  const response = await yoga.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    data?: unknown;
    errors?: Array<{ message: string; path?: unknown; extensions?: { code?: unknown } }>;
  };
  return {
    status: response.status,
    data: body.data,
    errors: body.errors?.map((e) => ({ message: e.message, path: e.path, code: e.extensions?.code })),
  };
}

const compilations = async () =>
  (await metrics.compiledOperations.get()).values.find((v) => v.labels.result === 'compiled')?.value ?? 0;

const EDGE = `edges { cursor severity note citations { locator source { slug title } } node { slug name } }`;

/** Documents covering what the executor must get right; each runs on both executors. */
const cases: Array<[string, string, Record<string, unknown>?, Record<string, string>?]> = [
  [
    'a CMS pull: nested connections, page info, aliases and typename',
    `{ treatments(first: 5, orderBy: { field: NAME }) { totalCount pageInfo { hasNextPage endCursor }
       nodes { __typename id slug name aliases label: name(locale: EN)
         techniques(first: 3) { totalCount nodes { slug name } }
         contraindications(first: 100) { ${EDGE} }
         regulatoryStatuses { nodes { status jurisdiction { code } authority { slug } } } } } }`,
  ],
  [
    'fragments, inline fragments on a union and @include/@skip with variables',
    `query($q: String!, $with: Boolean!, $without: Boolean!) {
       search(query: $q, first: 10) { __typename ...T ... on Technique { slug name @include(if: $with) }
         ... on Contraindication { slug name @skip(if: $without) } }
     }
     fragment T on Treatment { slug summary @include(if: $with) }`,
    { q: 'prp', with: true, without: true },
  ],
  [
    'the Node interface and global ids',
    `{ treatment(slug: "mesotherapy") { id } nodes(ids: ["bm90LWFuLWlk", "VHJlYXRtZW50Om1lc290aGVyYXB5"]) { __typename id } }`,
  ],
  [
    'a reverse connection paged with a cursor',
    `query($after: String) { contraindication(slug: "pregnancy") { slug treatments(first: 2, after: $after) {
       pageInfo { hasNextPage hasPreviousPage startCursor } edges { cursor node { slug } } } } }`,
    { after: null },
  ],
  [
    'locales chosen by Accept-Language',
    '{ techniques(first: 3) { nodes { name nameLocale } } }',
    {},
    { 'accept-language': 'en' },
  ],
  [
    'NOT_FOUND inside data (a partial answer)',
    '{ a: treatment(slug: "mesotherapy") { slug } b: treatment(slug: "nope") { slug } }',
  ],
  [
    'INVALID_CURSOR from a nested connection',
    '{ treatment(slug: "mesotherapy") { contraindications(after: "garbage") { totalCount } } }',
  ],
  ['PAGE_SIZE_EXCEEDED', '{ treatments(first: 101) { totalCount } }'],
  ['a variable of the wrong type', 'query($n: Int) { treatments(first: $n) { totalCount } }', { n: 'ten' }],
  ['a required variable left out', 'query($q: String!) { search(query: $q) { __typename } }'],
  ['a mutation without the write scope', 'mutation { __typename }'],
  ['introspection', '{ __schema { queryType { name } } __type(name: "Treatment") { fields { name } } }'],
];

describe('compiled execution', () => {
  for (const [title, query, variables, headers] of cases) {
    it(`answers as graphql-js does: ${title}`, async () => {
      const [jit, js] = await Promise.all([
        ask(compiled, query, variables, headers),
        ask(interpreted, query, variables, headers),
      ]);
      expect(jit).toEqual(js);
      // Each case proves something only if it reached the executor with something to compare.
      expect(jit.data !== undefined || (jit.errors?.length ?? 0) > 0).toBe(true);
    });
  }

  it('compiles a document once and reuses it', async () => {
    const query = '{ treatments(first: 2) { nodes { slug } } }';
    const before = await compilations();
    const first = await ask(compiled, query);
    const afterFirst = await compilations();
    const second = await ask(compiled, query);
    expect(afterFirst - before).toBe(1);
    expect(await compilations()).toBe(afterFirst);
    expect(second).toEqual(first);
  });

  it('by default runs a document on graphql-js first and compiles it when it runs again', async () => {
    // Without the response cache, which would answer the second run without executing it.
    const yoga = createApp(
      parseConfig({ ...process.env, COMPILE_AFTER_RUNS: '1', RESPONSE_CACHE: 'false' }),
    ).yoga;
    const query = '{ treatments(first: 3) { nodes { slug name } } }';
    const before = await compilations();
    const first = await ask(yoga, query);
    expect(await compilations()).toBe(before);
    const second = await ask(yoga, query);
    expect(await compilations()).toBe(before + 1);
    expect(second).toEqual(first);
    expect(first.data).toBeTruthy();
  });

  it('keeps compiled code for a bounded number of documents, least recently used dropped first', async () => {
    const plugin = useCompiledExecution({ compileAfterRuns: 0, maxDocuments: 2 });
    const documents = ['{ __typename }', '{ a: __typename }', '{ b: __typename }'].map((q) => parse(q));
    const execute = async (document: DocumentNode) => {
      let executor: ((a: ExecutionArgs) => unknown) | undefined;
      await plugin.onExecute?.({
        executeFn: () => ({ data: null }),
        setExecuteFn: (fn: (a: ExecutionArgs) => unknown) => {
          executor = fn;
        },
      } as never);
      return executor?.({ schema, document, contextValue: {}, variableValues: {} } as ExecutionArgs);
    };
    const before = await compilations();
    for (const document of documents) expect(await execute(document)).toHaveProperty('data');
    expect(await compilations()).toBe(before + 3);
    // The last two are kept; the first was dropped and compiles again.
    await execute(documents[2] as DocumentNode);
    await execute(documents[1] as DocumentNode);
    expect(await compilations()).toBe(before + 3);
    await execute(documents[0] as DocumentNode);
    expect(await compilations()).toBe(before + 4);
  });

  it('never compiles an operation the limits refuse', async () => {
    const before = await compilations();
    const refused = await ask(
      createApp(parseConfig({ ...settings, MAX_DEPTH: '2' })).yoga,
      '{ treatments { nodes { techniques { nodes { slug } } } } }',
    );
    expect(refused.errors?.[0]?.code).toBe('MAX_DEPTH_EXCEEDED');
    expect(await compilations()).toBe(before);
  });
});
