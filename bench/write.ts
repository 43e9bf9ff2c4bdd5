// `npm run bench:write`: what one small write costs at scale. For each engine and N, fills a
// scratch database with the synthetic knowledge base (seed:scale), then times writes through the
// unit of work (src/write): adding and removing one cited contraindication link (incremental
// overlap pairs, versions, change log, audit, data version), against one full rebuild of the
// pair table, which is what every write cost before the unit of work.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { seedScale } from '../seed/bulk.ts';
import { createDb, type Db, dbStats, loadEngine } from '../src/db.ts';
import { addFact, removeFact } from '../src/write/curation/facts.ts';
import { factSpecs } from '../src/write/curation/specs.ts';
import { refreshOverlapStatements } from '../src/write/overlaps.ts';
import { type Row, type Writer, write } from '../src/write/unitOfWork.ts';

const root = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    treatments: { type: 'string', default: '1000,20000' },
    engines: { type: 'string', default: 'sqlite,postgresql' },
    writes: { type: 'string', default: '20' },
    'pg-admin': { type: 'string', default: 'postgresql://postgres@127.0.0.1:5432/postgres' },
    /** A database already filled by seed:scale (its engine from the URL): measured as it is, left in place. */
    url: { type: 'string' },
  },
});
const sizes = (values.treatments ?? '').split(',').map(Number);
const engines = (values.engines ?? '').split(',') as Array<'sqlite' | 'postgresql'>;
const writes = Number(values.writes);
const scratch = join(root, 'tmp', 'bench');
mkdirSync(scratch, { recursive: true });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function scratchUrl(engine: string, n: number): Promise<{ url: string; drop(): Promise<void> }> {
  if (engine === 'sqlite') {
    const file = join(scratch, `write-${n}.db`);
    rmSync(file, { force: true });
    return { url: `file:${file}`, drop: async () => rmSync(file, { force: true }) };
  }
  const name = `bench_write_${n}_${process.pid}`;
  const admin = new pg.Client({ connectionString: values['pg-admin'] });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(values['pg-admin'] as string);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: values['pg-admin'] });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Adds a cited link from treatment `t` to a contraindication it lacks, or removes one it has. */
async function toggleLink(w: Writer, t: number, add: boolean) {
  const links = await w.findMany('treatmentContraindication', { where: { treatmentId: t } });
  if (!add) {
    const link = links[0] as Row;
    await w.remove(
      'citation',
      await w.findMany('citation', { where: { treatmentContraindicationId: link.id } }),
    );
    await w.remove('treatmentContraindication', [link]);
    return;
  }
  const taken = links.map((l) => l.contraindicationId as number);
  const [free] = await w.findMany('contraindication', { where: { id: { notIn: taken } } });
  const [section] = await w.findMany('sourceSection', {});
  const [link] = await w.create('treatmentContraindication', [
    { treatmentId: t, contraindicationId: free?.id as number, severity: 'RELATIVE' },
  ]);
  await w.create('citation', [
    {
      key: `bench:${t}/${free?.id}|${Date.now()}`,
      sourceId: section?.sourceId as number,
      sectionId: section?.id as number,
      claimType: 'treatmentContraindication',
      claimSubject: `treatment-${t}/contraindication-${free?.id}`,
      treatmentContraindicationId: link?.id as number,
    },
  ]);
}

/** The same change as a curator makes it: addTreatmentContraindication then its removal, validated and cited. */
async function curatedLinks(db: Db, n: number): Promise<{ ms: number; statements: number }> {
  const spec = factSpecs.find((f) => f.model === 'TreatmentContraindication');
  if (!spec) throw new Error('no contraindication link spec');
  const [section] = await db.sourceSection.findMany({ take: 1, include: { source: true } });
  const times: number[] = [];
  const statements: number[] = [];
  for (let i = 0; i < writes; i++) {
    const treatment = await db.treatment.findFirstOrThrow({ where: { id: 1 + ((i * 104729) % n) } });
    const linked = await db.treatmentContraindication.findMany({ where: { treatmentId: treatment.id } });
    const free = await db.contraindication.findFirstOrThrow({
      where: { id: { notIn: linked.map((l) => l.contraindicationId) } },
    });
    const input = { treatment: treatment.slug, contraindication: free.slug };
    const started = performance.now();
    const before = dbStats.statements;
    await write(db, 'bench', (w) =>
      addFact(w, spec, {
        ...input,
        severity: 'RELATIVE',
        citations: [{ source: section?.source.slug, section: section?.locator }],
      }),
    );
    const added = dbStats.statements - before;
    const { version } = await db.treatment.findUniqueOrThrow({ where: { id: treatment.id } });
    const beforeRemove = dbStats.statements;
    await write(db, 'bench', (w) => removeFact(w, spec, { ...input, version }));
    statements.push((added + dbStats.statements - beforeRemove) / 2);
    // The version read between the two is not part of either mutation's time.
    times.push((performance.now() - started) / 2);
  }
  return { ms: median(times), statements: median(statements) };
}

async function measure(db: Db, n: number) {
  const times: number[] = [];
  for (let i = 0; i < writes; i++) {
    const t = 1 + ((i * 7919) % n);
    const started = performance.now();
    await write(db, 'bench', (w) => toggleLink(w, t, i % 2 === 0));
    times.push(performance.now() - started);
  }
  const rebuild: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    await db.$transaction(
      async (tx) => {
        for (const sql of refreshOverlapStatements) await tx.$executeRawUnsafe(sql);
      },
      { timeout: 600_000 },
    );
    rebuild.push(performance.now() - started);
  }
  return { write: median(times), curated: await curatedLinks(db, n), rebuild: median(rebuild) };
}

console.log(
  '| engine | N | one link write (median) | one curated link mutation, validated (median) | its SQL statements | full pair rebuild (median) |',
);
console.log('|---|---|---|---|---|---|');
const row = (engine: string, n: number, r: Awaited<ReturnType<typeof measure>>) =>
  console.log(
    `| ${engine} | ${n} | ${ms(r.write)} | ${ms(r.curated.ms)} | ${r.curated.statements} | ${ms(r.rebuild)} |`,
  );
if (values.url) {
  const engine = values.url.startsWith('file:') ? 'sqlite' : 'postgresql';
  await loadEngine(engine);
  const db = createDb(values.url, 2);
  try {
    const n = await db.treatment.count();
    row(engine, n, await measure(db, n));
  } finally {
    await db.$disconnect();
  }
} else {
  for (const engine of engines) {
    for (const n of sizes) {
      const { url, drop } = await scratchUrl(engine, n);
      await loadEngine(engine);
      const db = createDb(url, 2);
      try {
        await seedScale(db, url, n, 42, false);
        row(engine, n, await measure(db, n));
      } finally {
        await db.$disconnect();
        await drop();
      }
    }
  }
}
