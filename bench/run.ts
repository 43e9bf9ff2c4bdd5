// `npm run bench`: for each engine and scale, starts the API (production mode) and the floor
// server on the same synthetic database, checks they give the same answers, then drives each with
// autocannon on the operations of bench/operations.ts. On PostgreSQL, PostGraphile v5 serves the
// same database as a peer (bench/postgraphile, installed with `npm --prefix bench/postgraphile ci`;
// skipped with a note when it is not installed), with its equivalent documents and the same-answer
// check. Reports req/s, p50/p99 latency, SQL statements per request (counted by the API and the
// floor), idle and peak RSS, plus cold start, as JSON in bench/results/<date>.json and as Markdown
// tables with the API/floor and API/PostGraphile ratios.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { operations } from './operations.ts';
import { peerOperations } from './postgraphile/operations.ts';

const root = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    treatments: { type: 'string', default: '1000,20000' },
    engines: { type: 'string', default: 'sqlite,postgresql' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
    /** Only these operations (comma-separated names), e.g. `--ops cms-pull,app-detail`. */
    ops: { type: 'string' },
    out: { type: 'string', default: join(root, 'bench', 'results') },
    'pg-admin': { type: 'string', default: 'postgresql://postgres@127.0.0.1:5432/postgres' },
    /**
     * Keep each engine's base of N treatments after the run (`bench_keep_<N>`, `tmp/bench/keep-<N>.db`)
     * and reuse it when it already holds N treatments: seeding N = 20 000 on PostgreSQL takes ~20
     * minutes. Only while the schema and the scale generator are unchanged.
     */
    keep: { type: 'boolean', default: false },
  },
});
const keep = values.keep ?? false;
const sizes = (values.treatments ?? '').split(',').map(Number);
const engines = (values.engines ?? '').split(',') as Array<'sqlite' | 'postgresql'>;
const duration = Number(values.duration);
const warmup = Number(values.warmup);
const connections = Number(values.connections);
const onlyOps = values.ops ? new Set(values.ops.split(',')) : null;
const scratch = join(root, 'tmp', 'bench');
mkdirSync(scratch, { recursive: true });

interface Measure {
  reqPerSec: number;
  p50: number;
  p99: number;
  statements: number;
  errors: number;
}
interface Row {
  engine: string;
  treatments: number;
  operation: string;
  api: Measure;
  floor: Measure;
  sameAnswer: boolean;
  /** PostGraphile, on PostgreSQL, for operations it has an equivalent of. */
  peer?: Measure;
  samePeerAnswer?: boolean;
}

const peerScript = 'bench/postgraphile/server.mjs';
const peerInstalled = existsSync(join(root, 'bench', 'postgraphile', 'node_modules', 'postgraphile'));

function run(cmd: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`)),
    );
  });
}

/** The API as production runs it (`npm run start:prod`): compiled by `npm run build`, plain node. */
const apiScript = 'dist/src/start.js';
/**
 * The node flags of `npm run start:prod`. Capping the old generation at 192 MB keeps the API's
 * resident memory near 250 MB under load (V8 otherwise lets it grow past 400 MB before collecting)
 * for a few per cent of throughput; a request's live data is a few MB.
 */
// BENCH_NODE_FLAGS adds flags to try (e.g. a young-generation size); BENCH_OLD_SPACE=1 drops the cap.
const apiNodeFlags = [
  ...(process.env.BENCH_OLD_SPACE ? [] : ['--max-old-space-size=192']),
  ...(process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? []),
];

/** Starts a server and resolves with its child process and URL once it prints it. */
function serve(script: string, env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  // Compiled JavaScript runs on plain node (the API with its production flags); TypeScript (the
  // floor) through tsx; the PostGraphile peer (.mjs) on plain node with its defaults.
  const args = script.endsWith('.js')
    ? [...apiNodeFlags, script]
    : script.endsWith('.mjs')
      ? [script]
      : ['--import', 'tsx', script];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const timer = setTimeout(() => reject(new Error(`${script} did not start in 60 s`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      const match = /http:\/\/(?:localhost|127\.0\.0\.1):(\d+)/.exec(chunk.toString());
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: `http://127.0.0.1:${match[1]}` });
      }
    });
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

const memory = (child: ChildProcess, field: 'VmHWM' | 'VmRSS') => {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Math.round(Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024);
};
const peakRss = (child: ChildProcess) => memory(child, 'VmHWM');
/** Resident memory of a server that has started and not served anything yet (after 2 s). */
const idleRss = async (child: ChildProcess) => {
  await new Promise((r) => setTimeout(r, 2_000));
  return memory(child, 'VmRSS');
};

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.removeAllListeners('exit');
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

async function measure(request: { url: string; method?: string; body?: string }): Promise<Measure> {
  const headers = { 'content-type': 'application/json' };
  const once = await fetch(request.url, { method: request.method ?? 'GET', headers, body: request.body });
  const statements = Number(once.headers.get('x-sql-statements') ?? Number.NaN);
  await once.arrayBuffer();
  if (warmup > 0) await autocannon({ ...request, headers, connections, duration: warmup });
  const result = await autocannon({ ...request, headers, connections, duration });
  return {
    reqPerSec: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    statements,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

async function answer(request: { url: string; method?: string; body?: string }) {
  const response = await fetch(request.url, {
    method: request.method ?? 'GET',
    headers: { 'content-type': 'application/json' },
    body: request.body,
  });
  // The API's `extensions.meta` (data version, disclaimer…) describes the answer; it is not part of it.
  const { extensions: _meta, ...body } = (await response.json()) as {
    data: Record<string, unknown>;
    extensions?: unknown;
  };
  return body;
}

async function database(
  engine: string,
  treatments: number,
): Promise<{ url: string; drop: () => Promise<void> }> {
  if (engine === 'sqlite') {
    const file = join(scratch, keep ? `keep-${treatments}.db` : `bench-${process.pid}-${treatments}.db`);
    if (!keep) removeSqlite(file);
    return { url: `file:${file}`, drop: async () => (keep ? undefined : removeSqlite(file)) };
  }
  const name = keep ? `bench_keep_${treatments}` : `bench_${process.pid}_${treatments}`;
  const admin = async (sql: string, params: unknown[] = []) => {
    const client = new pg.Client({ connectionString: values['pg-admin'] });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows;
    } finally {
      await client.end();
    }
  };
  const kept = keep && (await admin('SELECT 1 FROM pg_database WHERE datname = $1', [name])).length > 0;
  if (!kept) {
    await admin(`DROP DATABASE IF EXISTS ${name}`);
    await admin(`CREATE DATABASE ${name}`);
  }
  const url = new URL(values['pg-admin'] as string);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      if (!keep) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** Treatments a kept base already holds (0 when it is new or has no schema yet). */
async function treatmentsIn(engine: string, url: string): Promise<number> {
  const sql = 'SELECT COUNT(*) AS n FROM "Treatment"';
  try {
    if (engine === 'sqlite') {
      const file = url.slice('file:'.length);
      if (!existsSync(file)) return 0;
      const { default: Database } = await import('better-sqlite3');
      const handle = new Database(file, { readonly: true });
      try {
        return Number((handle.prepare(sql).get() as { n: number }).n);
      } finally {
        handle.close();
      }
    }
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return Number((await client.query(sql)).rows[0]?.n ?? 0);
    } finally {
      await client.end();
    }
  } catch {
    return 0;
  }
}

/** A SQLite file and the WAL files beside it (the API runs SQLite in WAL mode). */
function removeSqlite(file: string) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}

async function coldStart(): Promise<number> {
  const file = join(scratch, `cold-${process.pid}.db`);
  removeSqlite(file);
  const started = performance.now();
  const { child, url } = await serve(apiScript, {
    DATABASE_URL: `file:${file}`,
    NODE_ENV: 'production',
  });
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ treatments(first: 1) { totalCount } }' }),
  });
  await response.json();
  const elapsed = performance.now() - started;
  await stop(child);
  removeSqlite(file);
  return Math.round(elapsed);
}

// The production build (`npm run build`), so the API runs as `npm run start:prod` runs it.
await run(process.execPath, [join(root, 'scripts', 'build.mjs')], {});

const rows: Row[] = [];
interface Rss {
  engine: string;
  treatments: number;
  apiIdleMb: number;
  apiMb: number;
  floorMb: number;
  peerIdleMb?: number;
  peerMb?: number;
}
const rss: Rss[] = [];
for (const engine of engines) {
  for (const treatments of sizes) {
    const db = await database(engine, treatments);
    try {
      if (keep && (await treatmentsIn(engine, db.url)) === treatments) {
        console.error(`${engine} N=${treatments}: reusing the kept base`);
      } else {
        await run(
          process.execPath,
          [
            '--import',
            'tsx',
            'scripts/seed-scale.ts',
            '--treatments',
            String(treatments),
            ...(keep ? ['--reset'] : []),
          ],
          { DATABASE_URL: db.url },
        );
      }
      const api = await serve(apiScript, {
        DATABASE_URL: db.url,
        NODE_ENV: 'production',
        EXPOSE_SQL_STATEMENTS: '1',
        // Measured: the database path. A response cache would answer repeated requests from
        // memory, and the benchmark's single client would spend any rate-limit budget.
        RESPONSE_CACHE: 'false',
        RATE_LIMIT_POINTS: '0',
      });
      const floor = await serve('bench/floor/server.ts', { DATABASE_URL: db.url });
      const peer =
        engine === 'postgresql' && peerInstalled
          ? await serve(peerScript, { DATABASE_URL: db.url, GRAPHILE_ENV: 'production' })
          : null;
      const [apiIdleMb, peerIdleMb] = await Promise.all([
        idleRss(api.child),
        peer ? idleRss(peer.child) : Promise.resolve(undefined),
      ]);
      const peers = peerOperations('treatment-1');
      try {
        for (const op of operations('treatment-1').filter((o) => !onlyOps || onlyOps.has(o.name))) {
          const apiRequest = {
            url: `${api.url}/graphql`,
            method: 'POST',
            body: JSON.stringify({ query: op.query }),
          };
          const floorRequest = { url: `${floor.url}${op.floorPath}` };
          const apiAnswer = await answer(apiRequest);
          const sameAnswer = isDeepStrictEqual(apiAnswer, await answer(floorRequest));
          const peerOp = peer ? peers[op.name] : undefined;
          const peerRequest =
            peer && peerOp
              ? { url: `${peer.url}/graphql`, method: 'POST', body: JSON.stringify({ query: peerOp.query }) }
              : null;
          const samePeerAnswer =
            peerOp && peerRequest
              ? isDeepStrictEqual(
                  peerOp.fromApi(apiAnswer.data),
                  peerOp.fromPeer((await answer(peerRequest)).data),
                )
              : undefined;
          rows.push({
            engine,
            treatments,
            operation: op.name,
            api: await measure(apiRequest),
            floor: await measure(floorRequest),
            sameAnswer,
            ...(peerRequest ? { peer: await measure(peerRequest), samePeerAnswer } : {}),
          });
          console.error(`${engine} N=${treatments} ${op.name} done`);
        }
        rss.push({
          engine,
          treatments,
          apiIdleMb,
          apiMb: peakRss(api.child),
          floorMb: peakRss(floor.child),
          ...(peer ? { peerIdleMb, peerMb: peakRss(peer.child) } : {}),
        });
      } finally {
        await stop(api.child);
        await stop(floor.child);
        if (peer) await stop(peer.child);
      }
    } finally {
      await db.drop();
    }
  }
}
const coldStartMs = await coldStart();

const date = new Date().toISOString();
const report = {
  date,
  machine: { cpus: 2, node: process.version },
  duration,
  connections,
  coldStartMs,
  rss,
  rows,
};
mkdirSync(values.out as string, { recursive: true });
writeFileSync(
  join(values.out as string, `${date.slice(0, 10)}.json`),
  `${JSON.stringify(report, null, 2)}\n`,
);

const ratio = (a: number, b: number) => (b > 0 ? `${Math.round((a / b) * 100)} %` : 'n/a');
const yes = (same: boolean | undefined) => (same === undefined ? '–' : same ? 'yes' : 'NO');
const lines = [
  `Benchmark ${date} (2 cores, ${process.version}; ${connections} connections, ${duration} s per run)`,
  '',
  '| engine | N | operation | API req/s | floor req/s | API/floor | PostGraphile req/s | API/PostGraphile | API p50 / p99 ms | floor p50 / p99 ms | SQL/request API / floor | same answer floor / PostGraphile |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ...rows.map(
    (r) =>
      `| ${r.engine} | ${r.treatments} | ${r.operation} | ${r.api.reqPerSec} | ${r.floor.reqPerSec} | ${ratio(r.api.reqPerSec, r.floor.reqPerSec)} | ${r.peer?.reqPerSec ?? '–'} | ${r.peer ? ratio(r.api.reqPerSec, r.peer.reqPerSec) : '–'} | ${r.api.p50} / ${r.api.p99} | ${r.floor.p50} / ${r.floor.p99} | ${r.api.statements} / ${r.floor.statements} | ${yes(r.sameAnswer)} / ${yes(r.samePeerAnswer)} |`,
  ),
  '',
  '| engine | N | API idle / peak RSS MB | floor peak RSS MB | PostGraphile idle / peak RSS MB |',
  '| --- | --- | --- | --- | --- |',
  ...rss.map(
    (r) =>
      `| ${r.engine} | ${r.treatments} | ${r.apiIdleMb} / ${r.apiMb} | ${r.floorMb} | ${r.peerMb === undefined ? '–' : `${r.peerIdleMb} / ${r.peerMb}`} |`,
  ),
  '',
  `Cold start (fresh SQLite file → migrate + seed → first answer): ${coldStartMs} ms`,
  ...(peerInstalled
    ? []
    : ['', 'PostGraphile not installed (npm --prefix bench/postgraphile ci): no peer column.']),
];
console.log(lines.join('\n'));
