// `npm run db:migrate`: applies pending migrations to DATABASE_URL.
import { config } from '../src/config.ts';
import { applyMigrations } from '../src/migrations.ts';

const applied = await applyMigrations(config.DATABASE_URL);
console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
