// Runs once per test run and engine: migrates and seeds a template database that every test
// file then copies (tests/setup/per-file.ts), and removes everything the run created at the end.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Redis } from 'ioredis';
import type { TestProject } from 'vitest/node';
import { seedDatabase } from '../../seed/load.ts';
import { createDb, loadEngine } from '../../src/db.ts';
import { applyMigrations } from '../../src/migrations.ts';
import {
  createPgDatabase,
  dropPgDatabase,
  dropPgDatabasesLike,
  type TestEngine,
  TMP_ROOT,
  withPgAdmin,
} from './databases.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    engine: TestEngine;
    runId: string;
    templateUrl: string;
    templateName: string;
  }
}

/**
 * Deletes the Redis keys of this run (`<runId>_…`, see redisPrefix) and of earlier runs whose
 * process is gone. Tests use the shared Redis; they must not leave anything in it.
 */
async function deleteRedisKeys(runId: string) {
  const redis = new Redis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
  });
  try {
    await redis.connect();
  } catch {
    return; // No Redis: the tests that need it fail on their own, with a clearer message.
  }
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', 'akt_*_[sp]_*', 'COUNT', 1000);
      cursor = next;
      const ours = keys.filter((key) => {
        const pid = Number(/^akt_(\d+)_/.exec(key)?.[1]);
        return key.startsWith(`${runId}_`) || (pid && !isAlive(pid));
      });
      if (ours.length > 0) await redis.del(ours);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** Databases of earlier runs whose process is gone (killed runs never reach their teardown). */
async function dropAbandonedPgDatabases() {
  const names = await withPgAdmin(async (c) =>
    (
      await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'akt\\_%'")
    ).rows.map((r) => r.datname),
  );
  for (const name of names) {
    const pid = Number(/^akt_(\d+)_/.exec(name)?.[1]);
    if (!pid || isAlive(pid)) continue;
    await dropPgDatabase(name);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export default async function setup(project: TestProject) {
  const engine = (project.config.env?.TEST_ENGINE ?? 'sqlite') as TestEngine;
  const runId = `akt_${process.pid}_${engine === 'sqlite' ? 's' : 'p'}`;
  const templateName = `${runId}_template`;
  let templateUrl: string;
  if (engine === 'postgresql') {
    await dropAbandonedPgDatabases();
    await dropPgDatabasesLike(runId);
    templateUrl = await createPgDatabase(templateName);
  } else {
    mkdirSync(TMP_ROOT, { recursive: true });
    const file = join(TMP_ROOT, `${templateName}.db`);
    rmSync(file, { force: true });
    templateUrl = `file:${file}`;
  }
  try {
    await applyMigrations(templateUrl);
    await loadEngine(engine);
    const db = createDb(templateUrl, 2);
    await seedDatabase(db).finally(() => db.$disconnect());
    // Every file copies the template's one file: nothing may be left in its write-ahead log.
    if (engine === 'sqlite') {
      const sqlite = new Database(templateUrl.replace(/^file:/, ''));
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
      sqlite.close();
    }
  } catch (error) {
    // No teardown runs when setup fails: clean up here.
    if (engine === 'postgresql') await dropPgDatabasesLike(runId);
    throw error;
  }

  project.provide('engine', engine);
  project.provide('runId', runId);
  project.provide('templateUrl', templateUrl);
  project.provide('templateName', templateName);

  return async () => {
    await deleteRedisKeys(runId);
    if (engine === 'postgresql') await dropPgDatabasesLike(runId);
    else rmSync(TMP_ROOT, { recursive: true, force: true });
  };
}
