// /ready: the database answers and every migration of this release is applied. A load balancer
// sends traffic only to ready processes (and stops during shutdown).
import { type Db, primaryReader } from '../db.ts';
import { APPLIED_MIGRATIONS_SQL, type Engine, missingMigrations } from '../migrations.ts';

export interface Readiness {
  ready: boolean;
  checks: { database: string; migrations: string };
}

const withTimeout = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref(),
    ),
  ]);

export async function checkReadiness(db: Db, engine: Engine, timeoutMs = 2000): Promise<Readiness> {
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
