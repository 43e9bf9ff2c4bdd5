// The one Prisma client: better-sqlite3 for `file:` URLs, pg for `postgres://` URLs. Every SQL
// statement sent through the adapter is counted (`dbStats`), for the no-N+1 tests and benchmarks.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from '@prisma/driver-adapter-utils';
import type pg from 'pg';
import { config } from './config.ts';
import type { PrismaClient } from './generated/sqlite/client.ts';
import { logger } from './logger.ts';
import type { Engine } from './migrations.ts';
import { type Reader, type Snapshot, sqliteReader, sqliteSnapshot } from './readers.ts';
import { pinnedReplica, replicaRouting } from './replicas.ts';

export type Db = PrismaClient;

/**
 * Each engine's generated Prisma client and driver adapter, loaded on demand: a process serving
 * SQLite never loads PostgreSQL's client (and the reverse), which is ~15 MB of resident memory.
 * The configured engine is loaded below; a process that opens the other one too (the test setup,
 * `npm run bench:write`) calls `loadEngine` first.
 */
interface EngineModule {
  Client: new (options: { adapter: SqlDriverAdapterFactory }) => Db;
  /** The driver adapter over a SQLite file path or a pg pool. */
  adapter: (target: string | pg.Pool) => SqlDriverAdapterFactory;
}
/** What only PostgreSQL needs (the pg driver and its readers), loaded with its engine. */
interface PgModules {
  Pool: typeof pg.Pool;
  pgReader: typeof import('./pgReaders.ts').pgReader;
  pgSnapshot: typeof import('./pgReaders.ts').pgSnapshot;
}
let pgModules: PgModules | undefined;
const engines: Partial<Record<Engine, EngineModule>> = {};

export async function loadEngine(engine: Engine): Promise<void> {
  if (engines[engine]) return;
  if (engine === 'sqlite') {
    const [{ PrismaClient: Client }, { PrismaBetterSqlite3 }] = await Promise.all([
      import('./generated/sqlite/client.ts'),
      import('@prisma/adapter-better-sqlite3'),
    ]);
    engines.sqlite = {
      Client: Client as unknown as EngineModule['Client'],
      adapter: (file) => new PrismaBetterSqlite3({ url: file as string }),
    };
  } else {
    const [{ PrismaClient: Client }, { PrismaPg }, { default: driver }, { pgReader, pgSnapshot }] =
      await Promise.all([
        import('./generated/postgresql/client.ts'),
        import('@prisma/adapter-pg'),
        import('pg'),
        import('./pgReaders.ts'),
      ]);
    pgModules = { Pool: driver.Pool, pgReader, pgSnapshot };
    engines.postgresql = {
      Client: Client as unknown as EngineModule['Client'],
      adapter: (pool) => new PrismaPg(pool as pg.Pool),
    };
  }
}

function engineModules(engine: Engine): EngineModule {
  const found = engines[engine];
  if (!found) throw new Error(`createDb: call loadEngine('${engine}') before opening a ${engine} database`);
  return found;
}

/**
 * SQL statements sent to the database by this process since start, and rows they returned (what
 * proves a page is cut in SQL rather than in memory).
 */
export const dbStats = { statements: 0, rows: 0 };

/** Per-request counter: the server runs each request inside `requestStatements.run({ count: 0 }, …)`. */
export const requestStatements = new AsyncLocalStorage<{ count: number }>();

/** The plain-SQL readers of each client (src/readers.ts): its primary's and its replicas'. */
interface Readers {
  primary: Reader;
  replicas: Reader[];
  engine: Engine;
  /** Opens a consistent view of the primary (src/export). */
  snapshot: () => Promise<Snapshot>;
  /** The primary's reads, left out of the statement counts: the server's own catalog checks. */
  uncounted: Reader;
}
const readersOf = new WeakMap<object, Readers>();

export function createDb(url: string, poolSize = config.DATABASE_POOL_SIZE, readUrls: string[] = []): Db {
  if (url.startsWith('file:')) {
    const file = sqliteFilePath(url);
    const { Client, adapter } = engineModules('sqlite');
    const base = new Client({ adapter: counting(adapter(file)) });
    const reader = sqliteReader(file);
    // The plain-SQL reader's read-only handle is closed with the client, like its adapter's.
    const client = base.$extends({
      client: {
        async $disconnect() {
          await base.$disconnect();
          reader.close();
        },
      },
    }) as unknown as Db;
    readersOf.set(client, {
      uncounted: reader.read,
      primary: countingReader(reader.read),
      replicas: [],
      engine: 'sqlite',
      snapshot: async () => sqliteSnapshot(file),
    });
    return client;
  }
  // Both clients are generated from the same model (prisma/model.prisma), so their APIs are the
  // same; only the provider baked into each differs. One static type keeps the rest of the code
  // provider-agnostic. Prisma's adapter and our plain-SQL reads share one pool per database.
  const { Client, adapter } = engineModules('postgresql');
  const { Pool, pgReader, pgSnapshot } = pgModules as PgModules;
  const postgres = (connectionString: string) => {
    const pool = new Pool({ connectionString, max: poolSize });
    // An idle connection the server closes (restart, failover, dropped database) must not take the
    // process down: the pool drops it and opens another when needed.
    pool.on('error', (error) => logger.warn({ err: error }, 'idle database connection closed'));
    const base = new Client({ adapter: counting(adapter(pool)) });
    // The adapter leaves a pool it was given open: close it with the client.
    const client = base.$extends({
      client: {
        async $disconnect() {
          await base.$disconnect();
          await pool.end();
        },
      },
    }) as unknown as Db;
    const raw = pgReader(pool);
    return { client, raw, reader: countingReader(raw), snapshot: () => pgSnapshot(pool) };
  };
  const primary = postgres(url);
  if (readUrls.length === 0) {
    readersOf.set(primary.client, {
      uncounted: primary.raw,
      primary: primary.reader,
      replicas: [],
      engine: 'postgresql',
      snapshot: primary.snapshot,
    });
    return primary.client;
  }
  // Reads outside transactions go to the request's replica; writes and transactions to the primary.
  const replicas = readUrls.map(postgres);
  const readers: Readers = {
    uncounted: primary.raw,
    primary: primary.reader,
    replicas: replicas.map((r) => r.reader),
    engine: 'postgresql',
    snapshot: primary.snapshot,
  };
  const routed = primary.client.$extends(
    replicaRouting(
      replicas.map((r) => r.client as unknown as Record<string, unknown>),
      readers,
    ),
  ) as unknown as Db;
  readersOf.set(routed, readers);
  return routed;
}

/**
 * Plain-SQL reads (outside transactions) of a client: on the request's replica when it has
 * replicas, the one its Prisma reads use (the routing extension cannot tell raw reads from writes).
 */
export function sqlReader(client: Db = db): Reader {
  const readers = readersOf.get(client);
  if (!readers) throw new Error('sqlReader: a client made by createDb is required');
  const { replicas } = readers;
  if (replicas.length === 0) return readers.primary;
  return replicas[pinnedReplica(readers, replicas.length)] ?? readers.primary;
}

/** Plain-SQL reads on the primary, for checks that must see what was just written or migrated. */
export function primaryReader(client: Db = db): Reader {
  const readers = readersOf.get(client);
  if (!readers) throw new Error('primaryReader: a client made by createDb is required');
  return readers.primary;
}

/**
 * Reads on the primary that no statement count sees (dbStats, x-sql-statements): for what the
 * server asks the database about itself in the background, such as its tables' sizes.
 */
export function uncountedReader(client: Db = db): Reader {
  const readers = readersOf.get(client);
  if (!readers) throw new Error('uncountedReader: a client made by createDb is required');
  return readers.uncounted;
}

/** A consistent view of the client's primary for a long read; close it when done. */
export function openSnapshot(client: Db = db): Promise<Snapshot> {
  const readers = readersOf.get(client);
  if (!readers) throw new Error('openSnapshot: a client made by createDb is required');
  return readers.snapshot();
}

/** The engine behind a client made by createDb (plain-SQL writers number placeholders for PostgreSQL). */
export function clientEngine(client: Db): Engine {
  const readers = readersOf.get(client);
  if (!readers) throw new Error('clientEngine: a client made by createDb is required');
  return readers.engine;
}

/** Counts a reader's statements and rows like the adapter's (dbStats, per-request count). */
function countingReader(read: Reader): Reader {
  return async (sql, params) => {
    dbStats.statements++;
    const current = requestStatements.getStore();
    if (current) current.count++;
    const rows = await read(sql, params);
    dbStats.rows += rows.length;
    return rows;
  };
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

await loadEngine(config.engine);
export const db: Db = createDb(config.DATABASE_URL, config.DATABASE_POOL_SIZE, config.DATABASE_READ_URLS);
