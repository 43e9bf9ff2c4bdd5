// Applies and diffs migrations through Prisma's WebAssembly schema engine, so no native engine
// download is needed (docs/architecture.md, "Prisma without a network"). The history stays in Prisma's
// standard format (`_prisma_migrations`), so `prisma migrate deploy` elsewhere reads the same. A new,
// empty SQLite file (a first `npm start`) takes the migration scripts directly, in one transaction,
// with the same history rows: instantiating the engine would cost more than the scripts themselves.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';
import Database from 'better-sqlite3';
import { projectRoot } from './root.ts';

export type Engine = 'sqlite' | 'postgresql';

const root = projectRoot;
export const migrationsDir = (engine: Engine) => join(root, 'prisma', engine, 'migrations');
export const schemaPath = (engine: Engine) => join(root, 'prisma', engine, 'schema.prisma');

export const engineOf = (url: string): Engine => (url.startsWith('file:') ? 'sqlite' : 'postgresql');

type EngineModule = typeof import('@prisma/schema-engine-wasm');

/**
 * Process-wide state, on globalThis: Node caches the engine's JS glue once per process, while a
 * test runner may load this file once per project. A second instantiation would swap the glue's
 * wasm memory under the first, and two engines interleaving inside one instance corrupt each
 * other, so there is one instance and one engine at a time.
 */
const shared = globalThis as typeof globalThis & {
  __schemaEngine?: Promise<EngineModule>;
  __schemaEngineQueue?: Promise<unknown>;
};

/**
 * Node 20 cannot import a `.wasm` module without --experimental-wasm-modules, so we instantiate
 * the engine's wasm ourselves and hand it to its JS glue, as the glue's own entry file does.
 */
function loadEngineModule(): Promise<EngineModule> {
  shared.__schemaEngine ??= (async () => {
    const require = createRequire(import.meta.url);
    const pkgDir = dirname(require.resolve('@prisma/schema-engine-wasm'));
    const glue = (await import(join(pkgDir, 'schema_engine_bg.js'))) as EngineModule & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
    };
    const bytes = readFileSync(join(pkgDir, 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, {
      './schema_engine_bg.js': glue as unknown as WebAssembly.ModuleImports,
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return shared.__schemaEngine;
}

type Cleanup = () => Promise<void>;

/** The engine disposes some adapters itself; a second dispose of a pg pool throws. */
async function disposeOnce(adapter: SqlDriverAdapter): Promise<void> {
  try {
    await adapter.dispose();
  } catch (error) {
    if (!(error instanceof Error && /more than once/.test(error.message))) throw error;
  }
}

/** PostgreSQL's adapter, imported only when a PostgreSQL database is migrated (SQLite never loads pg). */
const pgAdapter = async () => (await import('@prisma/adapter-pg')).PrismaPg;

/** The path of a SQLite URL, its folder created (a new file's first start). */
function sqliteFile(url: string): string {
  const file = url.replace(/^file:/, '');
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  return file;
}

async function adapterFactory(url: string) {
  if (engineOf(url) === 'sqlite') return new PrismaBetterSqlite3({ url: sqliteFile(url) });
  return new (await pgAdapter())(pgConfig(url));
}

/** Discrete connection fields, so a shadow database can override `database`. */
function pgConfig(url: string) {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username) || undefined,
    password: decodeURIComponent(parsed.password) || undefined,
    database: decodeURIComponent(parsed.pathname.slice(1)) || undefined,
  };
}

/**
 * A throwaway database the engine replays a migrations folder into (diffs from migrations).
 * We make our own: the adapters' built-in shadow databases fail here (better-sqlite3's in-memory
 * one rejects the replay; pg's drops its database while its own pool still holds connections).
 */
async function shadowAdapter(url: string, cleanups: Cleanup[]): Promise<SqlDriverAdapter> {
  const name = `prisma_shadow_${randomUUID().replace(/-/g, '')}`;
  if (engineOf(url) === 'sqlite') {
    const file = join(tmpdir(), `${name}.db`);
    const adapter = await new PrismaBetterSqlite3({ url: file }).connect();
    cleanups.push(async () => {
      await disposeOnce(adapter);
      rmSync(file, { force: true });
    });
    return adapter;
  }
  const PrismaPg = await pgAdapter();
  const admin = await new PrismaPg(pgConfig(url)).connect();
  await admin.executeScript(`CREATE DATABASE "${name}"`);
  const adapter = await new PrismaPg({ ...pgConfig(url), database: name }).connect();
  cleanups.push(async () => {
    await disposeOnce(adapter);
    await admin.executeScript(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await disposeOnce(admin);
  });
  return adapter;
}

export function withSchemaEngine<T>(url: string, run: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const next = (shared.__schemaEngineQueue ?? Promise.resolve()).then(() => runSchemaEngine(url, run));
  shared.__schemaEngineQueue = next.catch(() => undefined);
  return next;
}

async function runSchemaEngine<T>(url: string, run: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const { SchemaEngine } = await loadEngineModule();
  // The engine never closes the connections it opens; we track them and dispose them ourselves,
  // or a later engine on the same SQLite file finds it locked.
  const factory = await adapterFactory(url);
  const cleanups: Cleanup[] = [];
  const tracking: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      cleanups.push(() => disposeOnce(adapter));
      return adapter;
    },
    connectToShadowDb: () => shadowAdapter(url, cleanups),
  };
  const engine = await SchemaEngine.new(
    { datamodels: [[schemaPath(engineOf(url)), readFileSync(schemaPath(engineOf(url)), 'utf8')]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(tracking),
  );
  try {
    return await run(engine);
  } finally {
    engine.free();
    for (const cleanup of cleanups.reverse()) await cleanup();
  }
}

/** The names of this release's migrations (their folders), in order. */
export function migrationNames(engine: Engine): string[] {
  return migrationFolders(migrationsDir(engine));
}

function migrationFolders(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/** The query listing the migrations a database has applied (finished, not rolled back). */
export const APPLIED_MIGRATIONS_SQL =
  'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL';

/** This release's migrations missing from `applied` (names read with APPLIED_MIGRATIONS_SQL). */
export function missingMigrations(engine: Engine, applied: Iterable<string>): string[] {
  const done = new Set(applied);
  return migrationNames(engine).filter((name) => !done.has(name));
}

/** The migrations folder of one engine, in the shape the schema engine reads. */
export function readMigrations(engine: Engine): MigrationList {
  const baseDir = migrationsDir(engine);
  const lockPath = join(baseDir, 'migration_lock.toml');
  const dirs = migrationNames(engine);
  return {
    baseDir,
    lockfile: { path: 'migration_lock.toml', content: readFileSync(lockPath, 'utf8') },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok', value: readFileSync(join(baseDir, name, 'migration.sql'), 'utf8') },
      },
    })),
  };
}

const noFilters = { externalTables: [], externalEnums: [] };

/**
 * True when `_prisma_migrations` already records every migration folder as applied (finished, not
 * rolled back). Checked with one plain query so that starting on an up-to-date database does not
 * instantiate the WebAssembly schema engine, which costs ~100 MB of resident memory for the life
 * of the process.
 */
async function everyMigrationApplied(url: string): Promise<boolean> {
  const adapter = await (await adapterFactory(url)).connect();
  try {
    const result = await adapter.queryRaw({ sql: APPLIED_MIGRATIONS_SQL, args: [], argTypes: [] });
    return (
      missingMigrations(
        engineOf(url),
        result.rows.map((row) => String(row[0])),
      ).length === 0
    );
  } catch {
    // No history table yet (a fresh database): the engine creates it.
    return false;
  } finally {
    await adapter.dispose();
  }
}

/**
 * Applies every pending migration of the URL's engine; returns the names it applied. `upTo` stops
 * after that migration (tests build a database as an earlier release left it, then upgrade it).
 */
export async function applyMigrations(url: string, options: { upTo?: string } = {}): Promise<string[]> {
  const { upTo } = options;
  const fresh = engineOf(url) === 'sqlite' ? migrateEmptySqlite(url, upTo) : null;
  if (fresh) return fresh;
  if (!upTo && (await everyMigrationApplied(url))) {
    await useWriteAheadLog(url);
    return [];
  }
  // WAL first: the migration scripts' few hundred statements then commit by appending to the log
  // instead of creating and deleting a rollback journal each (a fresh file migrates ~4× faster).
  await useWriteAheadLog(url);
  return migrate(url, upTo);
}

/**
 * SQLite in WAL mode (kept in the file once set): readers on their own handles (the plain-SQL
 * reader, an export's snapshot) and the writer never block each other, and a long read sees one
 * consistent state while curators write.
 */
async function useWriteAheadLog(url: string): Promise<void> {
  if (engineOf(url) !== 'sqlite') return;
  const adapter = await (await adapterFactory(url)).connect();
  try {
    await adapter.queryRaw({ sql: 'PRAGMA journal_mode = WAL', args: [], argTypes: [] });
  } finally {
    await adapter.dispose();
  }
}

/** Prisma's own history table on SQLite, as its schema engine creates it. */
const SQLITE_HISTORY_TABLE = `CREATE TABLE "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

/** An instant as the schema engine writes it in `_prisma_migrations` on SQLite. */
const engineInstant = (at: Date) => at.toISOString().replace('Z', '+00:00');

/**
 * On a SQLite file holding no table at all: runs the migration scripts (up to `upTo`) in one
 * transaction and records them as the schema engine would (its table, a checksum that is the
 * script's SHA-256, one step each), so the engine and `prisma migrate` treat them as applied.
 * Returns null, having changed nothing, when the file already holds something: the engine decides.
 * A script that fails rolls everything back, leaving the file empty, and names the migration.
 */
export function migrateEmptySqlite(
  url: string,
  upTo?: string,
  dir = migrationsDir('sqlite'),
): string[] | null {
  const file = sqliteFile(url);
  // Each connection to :memory: is its own database: only the engine's connection can migrate it.
  if (file === ':memory:') return null;
  const sqlite = new Database(file);
  const tables = () => (sqlite.prepare('SELECT count(*) AS "n" FROM sqlite_master').get() as { n: number }).n;
  try {
    // A database that holds anything (every start but the first) is the engine's, and is left
    // before any pragma or lock: a server already running on it is not kept waiting.
    if (tables() > 0) return null;
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('busy_timeout = 5000');
    // Scripts that redefine a table turn foreign keys off around it; inside a transaction that
    // pragma is ignored, so it is off for the whole run (the tables are empty until it ends).
    sqlite.pragma('foreign_keys = OFF');
    const names = migrationFolders(dir).filter((name) => !upTo || name <= upTo);
    // IMMEDIATE: a second process starting on the same new file waits here, then finds tables.
    sqlite.exec('BEGIN IMMEDIATE');
    try {
      if (tables() > 0) {
        sqlite.exec('ROLLBACK');
        return null;
      }
      sqlite.exec(SQLITE_HISTORY_TABLE);
      const record = sqlite.prepare(
        'INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "logs", "rolled_back_at", "started_at", "applied_steps_count") VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)',
      );
      for (const name of names) {
        const bytes = readFileSync(join(dir, name, 'migration.sql'));
        const script = bytes.toString('utf8');
        const startedAt = engineInstant(new Date());
        try {
          sqlite.exec(script);
        } catch (error) {
          throw new Error(`Migration ${name} failed on a new SQLite file: ${(error as Error).message}`, {
            cause: error,
          });
        }
        const checksum = createHash('sha256').update(bytes).digest('hex');
        record.run(randomUUID(), checksum, engineInstant(new Date()), name, startedAt);
      }
      sqlite.exec('COMMIT');
      return names;
    } catch (error) {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      throw error;
    }
  } finally {
    sqlite.close();
  }
}

/** Applies pending migrations through the schema engine only (tests compare it with the direct path). */
export async function migrateWithSchemaEngine(url: string, upTo?: string): Promise<string[]> {
  await useWriteAheadLog(url);
  return migrate(url, upTo);
}

function migrate(url: string, upTo: string | undefined): Promise<string[]> {
  return withSchemaEngine(url, async (engine) => {
    const migrationsList = readMigrations(engineOf(url));
    if (upTo) {
      migrationsList.migrationDirectories = migrationsList.migrationDirectories.filter((d) => d.path <= upTo);
    }
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: noFilters });
    return appliedMigrationNames;
  });
}

/** SQL that creates the current provider schema from nothing (what a first migration holds). */
export async function modelSql(engine: Engine, url: string): Promise<string> {
  return withSchemaEngine(url, async (schemaEngine) => {
    const result = await schemaEngine.diff({
      from: { tag: 'empty' },
      to: { tag: 'schemaDatamodel', files: [schemaFile(engine)] },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return result.stdout ?? '';
  });
}

/**
 * The provider schema the latest migration brings a database to, kept beside the migrations so a
 * new migration is a diff between two datamodels: no database introspection, which the pg adapter
 * cannot do through the WebAssembly engine (it has no mapping for PostgreSQL's `"char"` type).
 */
export const migratedSchemaPath = (engine: Engine) => join(root, 'prisma', engine, 'migrated.prisma');

/** SQL from the schema as of the latest migration (or nothing) to the current provider schema. */
export async function pendingMigrationSql(engine: Engine, url: string): Promise<string> {
  const migrated = migratedSchemaPath(engine);
  return withSchemaEngine(url, async (schemaEngine) => {
    const result = await schemaEngine.diff({
      from: existsSync(migrated)
        ? { tag: 'schemaDatamodel', files: [{ path: migrated, content: readFileSync(migrated, 'utf8') }] }
        : { tag: 'empty' },
      to: { tag: 'schemaDatamodel', files: [schemaFile(engine)] },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return result.stdout ?? '';
  });
}

/** True when a diff script changes nothing. */
export const isEmptyMigration = (sql: string) =>
  sql.trim() === '' || /^-- This is an empty migration\.?$/.test(sql.trim());

const schemaFile = (engine: Engine) => ({
  path: schemaPath(engine),
  content: readFileSync(schemaPath(engine), 'utf8'),
});
