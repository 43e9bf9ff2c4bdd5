// /ready: the database answers and every migration of this release is applied. A load balancer
// sends traffic only to ready processes (and stops during shutdown). Redis being away does not make
// a process unready (memory stands in for it), but the body says so: `degraded`.
import { type Db, primaryReader } from '../db.ts';
import { APPLIED_MIGRATIONS_SQL, type Engine, missingMigrations } from '../migrations.ts';
import type { RedisLink } from '../redis.ts';

export interface Readiness {
  ready: boolean;
  /** Present (true) while the process serves with a fallback, e.g. Redis unreachable. */
  degraded?: true;
  checks: { database: string; migrations: string; redis?: string };
}

const REDIS_DOWN = 'unreachable: rate limits, cached answers and persisted operations use per-process memory';

/** Adds the Redis check when REDIS_URL is configured. */
function withRedis(readiness: Readiness, redis: RedisLink | undefined): Readiness {
  if (!redis) return readiness;
  if (redis.available) return { ...readiness, checks: { ...readiness.checks, redis: 'ok' } };
  return { ...readiness, degraded: true, checks: { ...readiness.checks, redis: REDIS_DOWN } };
}

const withTimeout = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref(),
    ),
  ]);

export async function checkReadiness(
  db: Db,
  engine: Engine,
  redis?: RedisLink,
  timeoutMs = 2000,
): Promise<Readiness> {
  return withRedis(await checkDatabase(db, engine, timeoutMs), redis);
}

async function checkDatabase(db: Db, engine: Engine, timeoutMs: number): Promise<Readiness> {
  try {
    const rows = await withTimeout(
      primaryReader(db)(APPLIED_MIGRATIONS_SQL, []) as Promise<Array<{ migration_name: string }>>,
      timeoutMs,
    );
    const missing = missingMigrations(
      engine,
      rows.map((r) => r.migration_name),
    );
    return {
      ready: missing.length === 0,
      checks: {
        database: 'ok',
        migrations: missing.length === 0 ? 'ok' : `pending: ${missing.join(', ')}`,
      },
    };
  } catch (error) {
    return {
      ready: false,
      checks: { database: `unreachable: ${(error as Error).message.split('\n')[0]}`, migrations: 'unknown' },
    };
  }
}
