// What operators rely on: /health, /ready (database and migrations), /metrics, request ids, JSON
// logs, a configuration checked at start, and a SIGTERM that lets in-flight requests finish.

import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { post, type Running, root, spawnServer, startApp } from '../helpers/server.ts';
import { createPgDatabase, dropPgDatabase, sqliteCopy, TMP_ROOT } from '../setup/databases.ts';

let server: Running;
beforeAll(async () => {
  server = await startApp();
});
afterAll(() => server.close());

describe('probes and metrics', () => {
  it('/health says the process is up', async () => {
    const response = await fetch(`${server.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('/ready checks the database and the migrations', async () => {
    const response = await fetch(`${server.url}/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ready: true, checks: { database: 'ok', migrations: 'ok' } });
  });

  it('/metrics exposes request counts, latency, errors and cache lookups for Prometheus', async () => {
    await post(server.url, { query: '{ technique(slug: "needle") { slug } }' });
    await post(server.url, { query: '{ technique(slug: "needle") { slug } }' });
    await post(server.url, { query: '{ technique(slug: "nope") { slug } }' });
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(text).toMatch(/http_requests_total\{route="graphql",status="200"\} \d+/);
    expect(text).toMatch(/http_request_duration_seconds_bucket\{le="0.1",route="graphql"\} \d+/);
    expect(text).toMatch(/graphql_errors_total\{code="NOT_FOUND"\} [1-9]/);
    expect(text).toMatch(/response_cache_lookups_total\{result="hit"\} [1-9]/);
    expect(text).toMatch(/process_resident_memory_bytes/);
  });

  it('echoes a well-formed X-Request-Id, makes one otherwise, and puts it on every error', async () => {
    const mine = await post(
      server.url,
      { query: '{ technique(slug: "nope") { slug } }' },
      { 'x-request-id': 'abc-123' },
    );
    expect(mine.headers.get('x-request-id')).toBe('abc-123');
    expect(mine.body.errors?.[0]?.extensions?.requestId).toBe('abc-123');
    const made = await post(
      server.url,
      { query: '{ __typename }' },
      { 'x-request-id': 'bad id with spaces' },
    );
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers 404 with a JSON error elsewhere', async () => {
    const response = await fetch(`${server.url}/nothing-here`);
    expect(response.status).toBe(404);
    expect(
      ((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions
        .code,
    ).toBe('NOT_FOUND');
  });
});

describe('readiness failures', () => {
  it('is not ready while migrations are missing (an empty database)', async () => {
    const { writeFileSync, mkdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    mkdirSync(TMP_ROOT, { recursive: true });
    const file = join(TMP_ROOT, `empty_${randomBytes(4).toString('hex')}.db`);
    writeFileSync(file, '');
    const { createDb, loadEngine } = await import('../../src/db.ts');
    const { checkReadiness } = await import('../../src/http/readiness.ts');
    await loadEngine('sqlite');
    const empty = createDb(`file:${file}`);
    const readiness = await checkReadiness(empty, 'sqlite');
    expect(readiness.ready).toBe(false);
    await empty.$disconnect();
  });

  it.runIf(inject('engine') === 'postgresql')(
    'says not ready (503) when the database becomes unreachable, and keeps answering',
    async () => {
      const name = `${inject('runId')}_ready_${randomBytes(3).toString('hex')}`;
      const url = await createPgDatabase(name, inject('templateName'));
      const child = await spawnServer({ DATABASE_URL: url });
      try {
        expect((await fetch(`${child.url}/ready`)).status).toBe(200);
        await dropPgDatabase(name);
        const response = await fetch(`${child.url}/ready`);
        expect(response.status).toBe(503);
        const body = (await response.json()) as { ready: boolean; checks: { database: string } };
        expect(body.ready).toBe(false);
        expect(body.checks.database).toMatch(/^unreachable/);
        expect((await fetch(`${child.url}/health`)).status).toBe(200);
      } finally {
        child.kill();
        await dropPgDatabase(name);
      }
    },
  );
});

describe('process lifecycle', () => {
  const databaseFor = async (label: string) => {
    const name = `${inject('runId')}_${label}_${randomBytes(3).toString('hex')}`;
    if (inject('engine') === 'postgresql') {
      return { url: await createPgDatabase(name, inject('templateName')), drop: () => dropPgDatabase(name) };
    }
    return { url: sqliteCopy(inject('templateUrl').replace(/^file:/, ''), name), drop: async () => {} };
  };

  /** Sends half a POST, runs `during`, then the rest: the request is in flight meanwhile. */
  const inFlight = (url: string, during: () => Promise<void>) => {
    const { port } = new URL(url);
    const body = JSON.stringify({ query: '{ technique(slug: "needle") { slug } }' });
    return new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/graphql',
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          let text = '';
          res.on('data', (c) => {
            text += c;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 10));
      setTimeout(() => {
        void during().then(() => req.end(body.slice(10)), reject);
      }, 100);
    });
  };

  const isListening = async (url: string) =>
    fetch(`${url}/health`).then(
      () => true,
      () => false,
    );

  it('`npm start` delivers SIGTERM to the server: /ready turns 503 while the request in flight finishes, then it exits 0', async () => {
    const db = await databaseFor('shutdown');
    // The documented command, signalled as a supervisor does: the process it started is npm.
    const child = await spawnServer({ DATABASE_URL: db.url }, ['npm', 'start']);
    try {
      let readyDuringDrain: { status: number; body: unknown } | undefined;
      const { status, text } = await inFlight(child.url, async () => {
        child.child.kill('SIGTERM');
        await new Promise((r) => setTimeout(r, 300));
        const ready = await fetch(`${child.url}/ready`);
        readyDuringDrain = { status: ready.status, body: await ready.json() };
      });
      expect(readyDuringDrain).toEqual({
        status: 503,
        body: { ready: false, checks: { process: 'shutting down' } },
      });
      expect(status).toBe(200);
      expect(JSON.parse(text).data).toEqual({ technique: { slug: 'needle' } });
      expect(await child.exited).toBe(0);
      // The server itself stopped: nothing is left answering on its port.
      expect(await isListening(child.url)).toBe(false);
      const logs = child.output();
      expect(logs).toMatch(/"msg":"shutting down: finishing in-flight requests"/);
      expect(logs).toMatch(/"msg":"stopped"/);
      // Every line the server writes is JSON (npm's own "> name start" banner aside).
      const serverLines = logs.split('\n').filter((l) => l.trim() && !l.startsWith('>'));
      for (const line of serverLines) expect(() => JSON.parse(line), line).not.toThrow();
      expect(JSON.parse(serverLines.find((l) => l.includes('"path":"/graphql"')) as string)).toMatchObject({
        level: 30,
        requestId: expect.any(String),
        status: 200,
      });
    } finally {
      child.kill();
      await db.drop();
    }
  });

  /** Documents the built server must answer exactly as the sources do. */
  const bundleChecks = [
    `{ treatments(first: 3, orderBy: { field: NAME }) { totalCount pageInfo { hasNextPage endCursor }
       nodes { __typename id slug name(locale: EN) aliases
         contraindications(first: 5) { edges { cursor severity citations { locator source { slug } } node { slug name } } }
         regulatoryStatuses { nodes { status jurisdiction { code } } } } } }`,
    '{ search(query: "prp", first: 5) { __typename ... on Treatment { slug } ... on Technique { slug } } }',
    '{ contraindicationOverlaps(minShared: 1, first: 3) { totalCount nodes { treatmentA { slug } treatmentB { slug } sharedCount } } }',
  ];

  it.runIf(inject('engine') === 'sqlite')(
    '`npm run start:prod` starts the existing build without rebuilding, answers as the sources do, and stops on SIGTERM',
    async () => {
      await new Promise<void>((resolve, reject) =>
        execFile('npm', ['run', 'build'], { cwd: root }, (error) => (error ? reject(error) : resolve())),
      );
      const entry = join(root, 'dist', 'src', 'start.js');
      const builtAt = statSync(entry).mtimeMs;
      const db = await databaseFor('prod');
      // No response cache, so the second run of a document reaches the executor and compiles.
      const child = await spawnServer(
        { DATABASE_URL: db.url, RESPONSE_CACHE: 'false', COMPILE_AFTER_RUNS: '1' },
        ['npm', 'run', 'start:prod'],
      );
      try {
        expect((await fetch(`${child.url}/health`)).status).toBe(200);
        // The bundle answers as the sources do, on graphql-js first and compiled (graphql-jit, left
        // out of the bundle, sharing its graphql) the second time.
        for (const query of bundleChecks) {
          const expected = await post(server.url, { query });
          expect(expected.body.errors).toBeUndefined();
          for (let run = 0; run < 2; run++) {
            const answer = await post(child.url, { query });
            expect(answer.status).toBe(200);
            expect(answer.body).toEqual(expected.body);
          }
        }
        const metricsText = await (await fetch(`${child.url}/metrics`)).text();
        expect(metricsText).toMatch(
          new RegExp(`graphql_compiled_operations_total\\{result="compiled"\\} ${bundleChecks.length}\\b`),
        );
        child.child.kill('SIGTERM');
        expect(await child.exited).toBe(0);
        expect(await isListening(child.url)).toBe(false);
        expect(statSync(entry).mtimeMs).toBe(builtAt);
        expect(child.output()).not.toMatch(/tsc/);
      } finally {
        child.kill();
        await db.drop();
      }
    },
    60_000,
  );

  it('masks unexpected errors: a generic message with code and request id; the detail is logged', async () => {
    const db = await databaseFor('masking');
    const child = await spawnServer({ DATABASE_URL: db.url });
    try {
      // Break the database under the running server: the next query fails in SQL.
      const sql = 'DROP TABLE "TreatmentTechnique" CASCADE';
      if (inject('engine') === 'postgresql') {
        const client = new pg.Client({ connectionString: db.url });
        await client.connect();
        await client.query(sql);
        await client.end();
      } else {
        const sqlite = new Database(db.url.replace(/^file:/, ''));
        sqlite.prepare(sql.replace(' CASCADE', '')).run();
        sqlite.close();
      }
      const answer = await post(
        child.url,
        { query: '{ technique(slug: "needle") { treatments { nodes { slug } } } }' },
        { 'x-request-id': 'mask-check-1' },
      );
      expect(answer.status).toBeLessThan(600);
      expect(answer.body.errors?.[0]).toMatchObject({
        message: 'Unexpected error.',
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'mask-check-1' },
      });
      expect(JSON.stringify(answer.body)).not.toMatch(/TreatmentTechnique|SELECT|prisma|at \w+ \(/i);
      await new Promise((r) => setTimeout(r, 200));
      const logged = child
        .output()
        .split('\n')
        .filter((l) => l.includes('"mask-check-1"') && l.includes('"msg":"unexpected error"'));
      expect(logged.length).toBeGreaterThan(0);
      expect(logged.join('\n')).toMatch(/TreatmentTechnique/);
      expect(JSON.parse(logged[0] as string)).toMatchObject({
        level: 50,
        err: { stack: expect.any(String) },
      });
    } finally {
      child.kill();
      await db.drop();
    }
  });

  it('refuses to start with a bad variable, naming it, without a stack trace', async () => {
    await expect(spawnServer({ MAX_DEPTH: 'deep', REDIS_URL: 'http://nope' })).rejects.toThrow(
      /exited with 1:\s*Invalid configuration:\n\s+REDIS_URL: must start with redis:\/\/[^\n]*\n\s+MAX_DEPTH: [^\n]*\s*$/,
    );
  });
});
