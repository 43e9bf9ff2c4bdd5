// Redis is an accelerator, never a single point of failure. One link holds a connection per purpose
// (so a slow use cannot starve another) and knows whether Redis is reachable; while it is not, every
// store that uses it (rate limits, cached answers, persisted operations) falls back to per-process
// memory through `fallback`. Going away and coming back are logged once each, and exported as a metric.
import { createRequire } from 'node:module';
import type { Redis } from 'ioredis';
import { metrics } from './http/metrics.ts';
import { logger } from './logger.ts';

/** `changes` publishes commits, `changes-subscriber` hears them (src/write/commits.ts). */
export type RedisPurpose = 'ratelimit' | 'cache' | 'persisted' | 'changes' | 'changes-subscriber';

export interface RedisLink {
  connection(purpose: RedisPurpose): Redis;
  /** True while every connection is ready. */
  readonly available: boolean;
  /**
   * Runs `remote` against Redis when it is reachable, else (or if it fails) `local`, the per-process
   * memory equivalent; `store` names the store for the fallback metric.
   */
  fallback<T>(store: RedisPurpose, remote: () => Promise<T>, local: () => T | Promise<T>): Promise<T>;
  /** Resolves once every connection is ready, or after `timeoutMs` (the process then starts degraded). */
  connected(timeoutMs: number): Promise<boolean>;
  close(): Promise<void>;
}

/** Longest a command may take before it counts as failed (and memory answers instead). */
const COMMAND_TIMEOUT_MS = 1000;

/**
 * ioredis is loaded only when REDIS_URL is set: a process without Redis does not hold the client
 * (about 2 MB of resident memory at idle). It is CommonJS, so `require` loads it synchronously.
 */
const loadRedis = () => createRequire(import.meta.url)('ioredis') as typeof import('ioredis');

export function connectRedis(url: string, prefix: string): RedisLink {
  const { Redis: RedisClient } = loadRedis();
  const connections = new Map<RedisPurpose, Redis>();
  // 'starting' until the first connection attempt settles, so a Redis absent at start is reported once.
  let state: 'starting' | 'up' | 'down' = 'starting';
  const waiting = new Set<() => void>();
  // Set by close(): connections going away then are not an outage.
  let closing = false;
  metrics.redisAvailable.set(0);

  const update = (error?: Error) => {
    if (closing) return;
    const allReady = [...connections.values()].every((c) => c.status === 'ready');
    if (allReady && state !== 'up') {
      if (state === 'down') logger.info('redis is reachable again: shared stores are back in use');
      state = 'up';
      metrics.redisAvailable.set(1);
      for (const wake of waiting) wake();
    } else if (!allReady && error && state !== 'down') {
      // One warning per outage; reconnect attempts after it stay quiet.
      logger.warn(
        { err: { message: error.message } },
        'redis is unreachable: rate limits, cached answers and persisted operations use per-process memory until it returns',
      );
      state = 'down';
      metrics.redisAvailable.set(0);
      for (const wake of waiting) wake();
    }
  };

  const link: RedisLink = {
    connection(purpose) {
      let connection = connections.get(purpose);
      if (!connection) {
        connection = new RedisClient(url, {
          keyPrefix: `${prefix}:${purpose}:`,
          connectionName: `aesthetic-knowledge-api:${purpose}`,
          // Fail at once while Redis is away (memory answers instead) rather than queue or retry.
          enableOfflineQueue: false,
          maxRetriesPerRequest: 0,
          commandTimeout: COMMAND_TIMEOUT_MS,
          retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
        });
        connection.on('ready', () => update());
        connection.on('error', (error: Error) => update(error));
        connection.on('close', () => update(new Error('connection closed')));
        connections.set(purpose, connection);
      }
      return connection;
    },
    get available() {
      return state === 'up';
    },
    async fallback(store, remote, local) {
      if (state === 'up') {
        try {
          return await remote();
        } catch {
          // A failed or slow command: this request is answered from memory.
        }
      }
      metrics.redisFallbacks.inc({ store });
      return local();
    },
    connected(timeoutMs) {
      if (state === 'up') return Promise.resolve(true);
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          waiting.delete(done);
          resolve(state === 'up');
        };
        const timer = setTimeout(done, timeoutMs);
        waiting.add(done);
      });
    },
    async close() {
      closing = true;
      const all = [...connections.values()];
      for (const c of all) c.removeAllListeners('error').on('error', () => {});
      await Promise.all(all.map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
  return link;
}
