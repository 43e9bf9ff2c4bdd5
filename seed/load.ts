// `npm run db:seed [-- DIR] [--keep-curated]`: validates the whole seed under seed/data, then
// writes it in one transaction. Bad input is reported with file and path, exits non-zero and leaves
// the database as it was. Entities curated through the API since the seed last wrote them are left
// alone; when the seed would have changed one, it is listed and the exit code is non-zero unless
// --keep-curated (the seed's other changes are written either way).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../src/db.ts';
import { projectRoot } from '../src/root.ts';
import { readSeedCached } from './cache.ts';
import type { SyncStats } from './sync.ts';
import { writeSeed } from './write.ts';

export const defaultSeedDir = join(projectRoot, 'seed', 'data');

export async function seedDatabase(db: Db, dir = defaultSeedDir): Promise<SyncStats> {
  return writeSeed(db, await readSeedCached(dir));
}

async function main() {
  const [{ db }, { applyMigrations }, { config }] = await Promise.all([
    import('../src/db.ts'),
    import('../src/migrations.ts'),
    import('../src/config.ts'),
  ]);
  const args = process.argv.slice(2);
  const keepCurated = args.includes('--keep-curated');
  const dir = args.find((a) => !a.startsWith('--')) ?? defaultSeedDir;
  try {
    await applyMigrations(config.DATABASE_URL);
    const stats = await seedDatabase(db, dir);
    console.log(
      `seeded ${config.engine}: ${stats.created} created, ${stats.updated} updated, ${stats.deleted} deleted`,
    );
    if (stats.conflicts.length > 0) {
      console.error(
        `left alone ${stats.conflicts.length} entit${stats.conflicts.length === 1 ? 'y' : 'ies'} curated through the API since the seed wrote them, where the seed differs:\n` +
          stats.conflicts.map((c) => `  ${c}`).join('\n') +
          '\n(the database is the source of truth for them: export them back to seed data to review, or pass --keep-curated)',
      );
      if (!keepCurated) process.exitCode = 2;
    }
  } catch (error) {
    // Validation problems are the message itself (seed/validate.ts); anything else keeps its stack.
    console.error((error as Error | null)?.name === 'SeedValidationError' ? (error as Error).message : error);
    process.exitCode = 1;
  } finally {
    await db.$disconnect();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
