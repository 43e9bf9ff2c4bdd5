// `npm run bench:profile -- --op cms-pull [--treatments 1000] [--requests 300]`: where the time of
// one operation goes, in process. Fills a scratch SQLite file with the synthetic base (or uses
// DATABASE_URL when --url is given), runs the operation through `yoga.fetch` with the production
// plugins, records a V8 CPU profile of the measured requests (node:inspector) and prints ms per
// request and the self time by area: database driver, Prisma, GraphQL execution, our resolvers,
// garbage collection. The README's Performance section quotes its output.
import { rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const root = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    op: { type: 'string', default: 'cms-pull' },
    treatments: { type: 'string', default: '1000' },
    requests: { type: 'string', default: '300' },
    url: { type: 'string' },
    out: { type: 'string' },
  },
});
const file = join(root, 'tmp', 'bench', `profile-${values.treatments}.db`);
const url = values.url ?? `file:${file}`;
if (!values.url) rmSync(file, { force: true });
process.env.DATABASE_URL = url;
process.env.NODE_ENV = 'production';
process.env.RESPONSE_CACHE = 'false';
process.env.RATE_LIMIT_POINTS = '0';

const { seedScale } = await import('../seed/bulk.ts');
const { db } = await import('../src/db.ts');
const { config } = await import('../src/config.ts');
const { createApp } = await import('../src/server.ts');
const { operations } = await import('./operations.ts');

if (!values.url) await seedScale(db, url, Number(values.treatments), 42, false);
const operation = operations('treatment-1').find((o) => o.name === values.op);
if (!operation) throw new Error(`unknown operation ${values.op}`);
const { yoga } = createApp(config);
const once = async () => {
  const response = await yoga.fetch('http://bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: operation.query }),
  });
  const body = (await response.json()) as { errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
};
for (let i = 0; i < 50; i++) await once();

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
await session.post('Profiler.start');
const requests = Number(values.requests);
const started = performance.now();
for (let i = 0; i < requests; i++) await once();
const elapsed = performance.now() - started;
const { profile } = await session.post('Profiler.stop');
session.disconnect();
if (values.out) writeFileSync(values.out, JSON.stringify(profile));

/** Area of a profile node, from its function and script. */
function area(url: string, name: string): string {
  if (name === '(garbage collector)') return 'garbage collection';
  if (name === '(program)' || name === '(idle)') return 'idle / V8 internals';
  if (
    /better-sqlite3|node_modules\/pg|pg-protocol/.test(url) ||
    (url === '' && /^(all|get|run|iterate|prepare)$/.test(name))
  )
    return 'database driver';
  if (/@prisma|generated\/(sqlite|postgresql)/.test(url)) return 'Prisma';
  if (/node_modules\/(graphql|@pothos|graphql-yoga|@graphql-yoga|@envelop|@whatwg-node|dataloader)/.test(url))
    return 'GraphQL execution (graphql-js, Pothos, Yoga, DataLoader)';
  if (/\/src\/|\/bench\//.test(url)) return 'our code (resolvers, SQL building, plugins)';
  if (url.startsWith('node:') || url === '') return 'Node built-ins (JSON, streams, crypto)';
  return `other: ${url.replace(/.*node_modules\//, '').split('/')[0]}`;
}

const self = new Map<string, number>();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas ?? [];
for (const [i, id] of (profile.samples ?? []).entries()) {
  const node = byId.get(id);
  if (!node) continue;
  const key = area(node.callFrame.url, node.callFrame.functionName);
  self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
}
const perRequest = elapsed / requests;
console.log(
  `${operation.name} on ${config.engine}, ${values.url ? 'the base at --url' : `N = ${values.treatments}`}: ${perRequest.toFixed(2)} ms per request (${requests} requests, in process)`,
);
const total = [...self.values()].reduce((a, b) => a + b, 0);
for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1])) {
  console.log(
    `  ${((ms / total) * 100).toFixed(0).padStart(3)} %  ${(ms / requests).toFixed(2).padStart(6)} ms  ${key}`,
  );
}
// The heaviest functions, to know where to look next.
const fns = new Map<string, number>();
for (const [i, id] of (profile.samples ?? []).entries()) {
  const node = byId.get(id);
  if (!node) continue;
  const { functionName, url: script, lineNumber } = node.callFrame;
  const key = `${functionName || '(anonymous)'} ${script.replace(/.*\/(node_modules|src|bench)\//, '$1/')}:${lineNumber + 1}`;
  fns.set(key, (fns.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
}
console.log('  heaviest functions (self time per request):');
for (const [key, ms] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
  console.log(`    ${(ms / requests).toFixed(2).padStart(6)} ms  ${key}`);
}
await db.$disconnect();
