// `npm run db:seed`: validates the whole seed under seed/data, then writes it in one transaction.
// Bad input is reported with file and path, exits non-zero and leaves the database as it was.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../src/db.ts';
import { projectRoot } from '../src/root.ts';
import type { SyncStats } from './sync.ts';
import { readSeed, SeedValidationError } from './validate.ts';
import { writeSeed } from './write.ts';

export const defaultSeedDir = join(projectRoot, 'seed', 'data');

export async function seedDatabase(db: Db, dir = defaultSeedDir): Promise<SyncStats> {
  const data = readSeed(dir);
  return writeSeed(db, data);
}

async function main() {
  const [{ db }, { applyMigrations }, { config }] = await Promise.all([
    import('../src/db.ts'),
    import('../src/migrations.ts'),
    import('../src/config.ts'),
  ]);
  const dir = process.argv[2] ?? defaultSeedDir;
  try {
    await applyMigrations(config.DATABASE_URL);
    const stats = await seedDatabase(db, dir);
    console.log(
      `seeded ${config.engine}: ${stats.created} created, ${stats.updated} updated, ${stats.deleted} deleted`,
    );
  } catch (error) {
    console.error(error instanceof SeedValidationError ? error.message : error);
    process.exitCode = 1;
  } finally {
    await db.$disconnect();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
