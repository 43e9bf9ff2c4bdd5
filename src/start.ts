// `npm start`: apply pending migrations, seed an empty database, then serve /graphql.
import { seedDatabase } from '../seed/load.ts';
import { config } from './config.ts';
import { db } from './db.ts';
import { applyMigrations } from './migrations.ts';
import { startServer } from './server.ts';

const applied = await applyMigrations(config.DATABASE_URL);
if (applied.length > 0) console.log(`applied migrations: ${applied.join(', ')}`);
if ((await db.source.count()) === 0) {
  const stats = await seedDatabase(db);
  console.log(`seeded an empty database (${stats.created} rows)`);
}
const server = await startServer(config.PORT);
const address = server.address();
const port = typeof address === 'object' && address ? address.port : config.PORT;
console.log(`GraphQL API on http://localhost:${port}/graphql (${config.engine})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close(() => void db.$disconnect().then(() => process.exit(0)));
  });
}
