// The one Prisma client: better-sqlite3 for `file:` URLs, pg for `postgres://` URLs. Every SQL
// statement sent through the adapter is counted (`dbStats`), for the no-N+1 tests and benchmarks.
import { AsyncLocalStorage } from 'node:async_hooks';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from '@prisma/driver-adapter-utils';
import { config } from './config.ts';
import { PrismaClient as PostgresClient } from './generated/postgresql/client.ts';
import { PrismaClient } from './generated/sqlite/client.ts';
import { replicaRouting } from './replicas.ts';

export type Db = PrismaClient;

/**
 * SQL statements sent to the database by this process since start, and rows they returned (what
 * proves a page is cut in SQL rather than in memory).
 */
export const dbStats = { statements: 0, rows: 0 };

/** Per-request counter: the server runs each request inside `requestStatements.run({ count: 0 }, …)`. */
export const requestStatements = new AsyncLocalStorage<{ count: number }>();

export function createDb(url: string, poolSize = config.DATABASE_POOL_SIZE, readUrls: string[] = []): Db {
  if (url.startsWith('file:')) {
    return new PrismaClient({ adapter: counting(new PrismaBetterSqlite3({ url: sqliteFilePath(url) })) });
  }
  // Both clients are generated from the same model (prisma/model.prisma), so their APIs are the
  // same; only the provider baked into each differs. One static type keeps the rest of the code
  // provider-agnostic.
  const postgres = (connectionString: string) =>
    new PostgresClient({ adapter: counting(new PrismaPg({ connectionString, max: poolSize })) });
  if (readUrls.length === 0) return postgres(url) as unknown as Db;
  // Reads outside transactions go to the request's replica; writes and transactions to the primary.
  const replicas = readUrls.map((u) => postgres(u) as unknown as Record<string, unknown>);
  return postgres(url).$extends(replicaRouting(replicas)) as unknown as Db;
}

/**
 * The client for raw read-only SQL: the routing sends raw queries to the primary (it cannot tell
 * reads from writes), so plain-SQL reads ask for the request's replica explicitly.
 */
export function reader(client: Db = db): Db {
  const replica = (client as unknown as { $replica?: () => Db }).$replica;
  return replica ? replica.call(client) : client;
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
          return async (...args: unknown[]) => {
            dbStats.statements++;
            const current = requestStatements.getStore();
            if (current) current.count++;
            const result = await value.apply(obj, args);
            const rows = (result as { rows?: unknown[] }).rows;
            if (Array.isArray(rows)) dbStats.rows += rows.length;
            return result;
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

export const db: Db = createDb(config.DATABASE_URL, config.DATABASE_POOL_SIZE, config.DATABASE_READ_URLS);
