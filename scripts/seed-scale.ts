// `npm run seed:scale -- --treatments N [--seed S] [--reset]`: fills DATABASE_URL (SQLite or
// PostgreSQL) with the deterministic synthetic knowledge base of seed/scale.ts, in one transaction
// (seed/bulk.ts). Refuses a database that already holds treatments unless --reset.
import { parseArgs } from 'node:util';
import { seedScale } from '../seed/bulk.ts';
import { config } from '../src/config.ts';
import { db } from '../src/db.ts';

const { values } = parseArgs({
  options: {
    treatments: { type: 'string' },
    seed: { type: 'string', default: '42' },
    reset: { type: 'boolean', default: false },
  },
});
const treatments = Number(values.treatments);
const seed = Number(values.seed);
if (!Number.isInteger(treatments) || treatments < 1 || !Number.isInteger(seed)) {
  console.error('usage: npm run seed:scale -- --treatments N [--seed S] [--reset]   (N, S: integers, N ≥ 1)');
  process.exit(2);
}
const started = performance.now();
try {
  const rows = await seedScale(db, config.DATABASE_URL, treatments, seed, values.reset ?? false);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `seed:scale ${config.engine}: ${treatments} treatments, ${rows} rows in ${seconds} s (seed ${seed})`,
  );
} catch (error) {
  console.error(`seed:scale failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
