// `npm run bench`: for each engine and scale, starts the API (production mode) and the floor
// server on the same synthetic database, checks they give the same answers, then drives each with
// autocannon on the four operations of bench/operations.ts. Reports req/s, p50/p99 latency, SQL
// statements per request (counted by each server) and peak RSS, plus cold start, as JSON in
// bench/results/<date>.json and as a Markdown table with the API/floor ratios.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { operations } from './operations.ts';

const root = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    treatments: { type: 'string', default: '1000,20000' },
    engines: { type: 'string', default: 'sqlite,postgresql' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
    out: { type: 'string', default: join(root, 'bench', 'results') },
    'pg-admin': { type: 'string', default: 'postgresql://postgres@127.0.0.1:5432/postgres' },
  },
});
const sizes = (values.treatments ?? '').split(',').map(Number);
const engines = (values.engines ?? '').split(',') as Array<'sqlite' | 'postgresql'>;
const duration = Number(values.duration);
const warmup = Number(values.warmup);
const connections = Number(values.connections);
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
}

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
const apiNodeFlags = ['--max-old-space-size=192'];

/** Starts a server and resolves with its child process and URL once it prints it. */
function serve(script: string, env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  // Compiled JavaScript runs on plain node; TypeScript (the floor) through tsx.
  const args = script.endsWith('.js') ? [...apiNodeFlags, script] : ['--import', 'tsx', script];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const timer = setTimeout(() => reject(new Error(`${script} did not start in 60 s`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      const match = /http:\/\/localhost:(\d+)/.exec(chunk.toString());
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: `http://127.0.0.1:${match[1]}` });
      }
    });
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

const peakRss = (child: ChildProcess) => {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
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
  return response.json();
}

async function database(
  engine: string,
  treatments: number,
): Promise<{ url: string; drop: () => Promise<void> }> {
  if (engine === 'sqlite') {
    const file = join(scratch, `bench-${process.pid}-${treatments}.db`);
    rmSync(file, { force: true });
    return { url: `file:${file}`, drop: async () => rmSync(file, { force: true }) };
  }
  const name = `bench_${process.pid}_${treatments}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: values['pg-admin'] });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  await admin(`DROP DATABASE IF EXISTS ${name}`);
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(values['pg-admin'] as string);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function coldStart(): Promise<number> {
  const file = join(scratch, `cold-${process.pid}.db`);
  rmSync(file, { force: true });
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
  rmSync(file, { force: true });
  return Math.round(elapsed);
}

await run(
  process.execPath,
  [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
  {},
);

const rows: Row[] = [];
const rss: Array<{ engine: string; treatments: number; apiMb: number; floorMb: number }> = [];
for (const engine of engines) {
  for (const treatments of sizes) {
    const db = await database(engine, treatments);
    try {
      await run(
        process.execPath,
        ['--import', 'tsx', 'scripts/seed-scale.ts', '--treatments', String(treatments)],
        {
          DATABASE_URL: db.url,
        },
      );
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
      try {
        for (const op of operations('treatment-1')) {
          const apiRequest = {
            url: `${api.url}/graphql`,
            method: 'POST',
            body: JSON.stringify({ query: op.query }),
          };
          const floorRequest = { url: `${floor.url}${op.floorPath}` };
          const sameAnswer = isDeepStrictEqual(await answer(apiRequest), await answer(floorRequest));
          rows.push({
            engine,
            treatments,
            operation: op.name,
            api: await measure(apiRequest),
            floor: await measure(floorRequest),
            sameAnswer,
          });
          console.error(`${engine} N=${treatments} ${op.name} done`);
        }
        rss.push({
          engine,
          treatments,
          apiMb: Math.round(peakRss(api.child)),
          floorMb: Math.round(peakRss(floor.child)),
        });
      } finally {
        await stop(api.child);
        await stop(floor.child);
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
const lines = [
  `Benchmark ${date} (2 cores, ${process.version}; ${connections} connections, ${duration} s per run)`,
  '',
  '| engine | N | operation | API req/s | floor req/s | API/floor | API p50 / p99 ms | floor p50 / p99 ms | SQL/request API / floor | same answer |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ...rows.map(
    (r) =>
      `| ${r.engine} | ${r.treatments} | ${r.operation} | ${r.api.reqPerSec} | ${r.floor.reqPerSec} | ${ratio(r.api.reqPerSec, r.floor.reqPerSec)} | ${r.api.p50} / ${r.api.p99} | ${r.floor.p50} / ${r.floor.p99} | ${r.api.statements} / ${r.floor.statements} | ${r.sameAnswer ? 'yes' : 'NO'} |`,
  ),
  '',
  '| engine | N | peak RSS API MB | peak RSS floor MB |',
  '| --- | --- | --- | --- |',
  ...rss.map((r) => `| ${r.engine} | ${r.treatments} | ${r.apiMb} | ${r.floorMb} |`),
  '',
  `Cold start (fresh SQLite file → migrate + seed → first answer): ${coldStartMs} ms`,
];
console.log(lines.join('\n'));
