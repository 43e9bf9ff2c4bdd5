// The one Prisma client: better-sqlite3 for `file:` URLs, pg for `postgres://` URLs.
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { config } from './config.ts';
import { PrismaClient as PostgresClient } from './generated/postgresql/client.ts';
import { PrismaClient } from './generated/sqlite/client.ts';

export type Db = PrismaClient;

export function createDb(url: string, poolSize = config.DATABASE_POOL_SIZE): Db {
  if (url.startsWith('file:')) {
    return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: sqliteFilePath(url) }) });
  }
  // Both clients are generated from the same model (prisma/model.prisma), so their APIs are the
  // same; only the provider baked into each differs. One static type keeps the rest of the code
  // provider-agnostic.
  const client = new PostgresClient({ adapter: new PrismaPg({ connectionString: url, max: poolSize }) });
  return client as unknown as Db;
}

/** `file:./data/x.db` → `./data/x.db` (better-sqlite3 takes a path). */
export function sqliteFilePath(url: string): string {
  return url.replace(/^file:/, '');
}

export const db: Db = createDb(config.DATABASE_URL);
