// `npm start`: validate the configuration, apply pending migrations, seed an empty database, then
// serve until SIGTERM / SIGINT, which finish in-flight requests before exiting.
import type { Config } from './config.ts';

let config: Config;
try {
  // Imported here, not statically: the module validates the environment as it loads.
  ({ config } = await import('./config.ts'));
} catch (error) {
  if ((error as Error).name !== 'ConfigError') throw error;
  // A bad variable is an operator's mistake: say which, without a stack trace.
  console.error((error as Error).message);
  process.exit(1);
}

const { logger } = await import('./logger.ts');
const { db, primaryReader } = await import('./db.ts');
const { applyMigrations, migrationNames } = await import('./migrations.ts');
const { createApp } = await import('./server.ts');

const applied = await applyMigrations(config.DATABASE_URL);
if (applied.length > 0) {
  logger.info({ migrations: applied }, 'applied migrations');
  const { backfillAfterMigrating } = await import('./write/backfill.ts');
  const filled = await backfillAfterMigrating(db, applied, migrationNames(config.engine)[0] as string);
  if (filled > 0) logger.info({ rows: filled }, 'filled derived columns of existing rows');
}
// Plain SQL, and the seed code (validator, YAML) loaded only for an empty database: Prisma's query
// engine and the seed's modules then stay out of a serving process until something writes.
if ((await primaryReader(db)('SELECT 1 AS "seeded" FROM "Source" LIMIT 1', [])).length === 0) {
  const { seedDatabase } = await import('../seed/load.ts');
  const stats = await seedDatabase(db);
  logger.info({ rows: stats.created }, 'seeded an empty database');
}
const app = createApp(config);
const { url } = await app.listen(config.PORT);
const port = Number(new URL(url).port);
const graphqlUrl = `http://${config.HOST === '0.0.0.0' || config.HOST === '127.0.0.1' ? 'localhost' : config.HOST}:${port}/graphql`;
logger.info({ port, host: config.HOST, url: graphqlUrl, engine: config.engine }, 'listening');
// Logs are JSON lines for machines; a person at a terminal also gets one plain line to click.
if (process.stdout.isTTY) console.log(`GraphQL API on ${graphqlUrl} (${config.engine})`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    void app
      .close()
      .then(() => db.$disconnect())
      .then(() => {
        logger.info('stopped');
        process.exit(0);
      });
  });
}
