// `npm run db:migrate`: applies pending migrations to DATABASE_URL.
import { config } from '../src/config.ts';
import { db } from '../src/db.ts';
import { applyMigrations, migrationNames } from '../src/migrations.ts';
import { backfillAfterMigrating } from '../src/write/backfill.ts';

const applied = await applyMigrations(config.DATABASE_URL);
// Columns a migration adds empty and only the application can compute (sort keys).
await backfillAfterMigrating(db, applied, migrationNames(config.engine)[0] as string);
await db.$disconnect();
console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
