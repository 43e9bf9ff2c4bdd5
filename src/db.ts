// The one Prisma client: better-sqlite3 for `file:` URLs, pg for `postgres://` URLs. Every SQL
// statement sent through the adapter is counted (`dbStats`), for the no-N+1 tests and benchmarks.
import { AsyncLocalStorage } from 'node:async_hooks';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from '@prisma/driver-adapter-utils';
import { config } from './config.ts';
import { PrismaClient as PostgresClient } from './generated/postgresql/client.ts';
import { PrismaClient } from './generated/sqlite/client.ts';

export type Db = PrismaClient;

/** SQL statements sent to the database by this process since start. */
export const dbStats = { statements: 0 };

/** Per-request counter: the server runs each request inside `requestStatements.run({ count: 0 }, …)`. */
export const requestStatements = new AsyncLocalStorage<{ count: number }>();

export function createDb(url: string, poolSize = config.DATABASE_POOL_SIZE): Db {
  if (url.startsWith('file:')) {
    return new PrismaClient({ adapter: counting(new PrismaBetterSqlite3({ url: sqliteFilePath(url) })) });
  }
  // Both clients are generated from the same model (prisma/model.prisma), so their APIs are the
  // same; only the provider baked into each differs. One static type keeps the rest of the code
  // provider-agnostic.
  const adapter = counting(new PrismaPg({ connectionString: url, max: poolSize }));
  return new PostgresClient({ adapter }) as unknown as Db;
}

/** `file:./data/x.db` → `./data/x.db` (better-sqlite3 takes a path). */
export function sqliteFilePath(url: string): string {
  return url.replace(/^file:/, '');
}

function counting<F extends SqlDriverAdapterFactory>(factory: F): F {
  const countQueries = <T extends SqlDriverAdapter | Transaction>(target: T): T =>
    new Proxy(target, {
      get(obj, prop, receiver) {
        const value = Reflect.get(obj, prop, receiver);
        if (typeof value !== 'function') return value;
        if (prop === 'queryRaw' || prop === 'executeRaw') {
          return (...args: unknown[]) => {
            dbStats.statements++;
            const current = requestStatements.getStore();
            if (current) current.count++;
            return value.apply(obj, args);
          };
        }
        if (prop === 'startTransaction') {
          return async (...args: unknown[]) => countQueries(await value.apply(obj, args));
        }
        return value.bind(obj);
      },
    });
  return new Proxy(factory, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver);
      if (prop === 'connect') return async () => countQueries(await obj.connect());
      return typeof value === 'function' ? value.bind(obj) : value;
    },
  });
}

export const db: Db = createDb(config.DATABASE_URL);
