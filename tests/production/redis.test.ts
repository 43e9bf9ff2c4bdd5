// Redis is an accelerator: every key it holds sits under REDIS_PREFIX and expires, and when it goes
// away the API keeps answering from per-process memory, says so on /ready, logs it once, and goes
// back to Redis when it returns. The outage uses a Redis server of this test's own.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { sha256 } from '../../src/cache/persistedOperations.ts';
import {
  freePort,
  post,
  REDIS_URL,
  redisPrefix,
  type Spawned,
  spawnServer,
  startApp,
} from '../helpers/server.ts';
import { createPgDatabase, dropPgDatabase, sqliteCopy } from '../setup/databases.ts';

const NAME = { query: '{ technique(slug: "needle") { name } }' };

const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** Every key under a prefix, with its remaining time to live (ms; -1 when it never expires). */
async function keysUnder(prefix: string): Promise<Map<string, number>> {
  const redis = new Redis(REDIS_URL);
  try {
    const keys = new Map<string, number>();
    let cursor = '0';
    do {
      const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      for (const key of batch) keys.set(key, await redis.pttl(key));
    } while (cursor !== '0');
    return keys;
  } finally {
    redis.disconnect();
  }
}

describe('keys in Redis', () => {
  it('are all under REDIS_PREFIX, one namespace per store, and every one expires', async () => {
    const prefix = redisPrefix();
    const server = await startApp({ REDIS_URL, REDIS_PREFIX: prefix, RATE_LIMIT_POINTS: '100000' });
    cleanups.push(() => server.close());
    const query = '{ technique(slug: "needle") { slug nameEn: name(locale: EN) } }';
    // A cached answer, a rate-limit charge and a registered persisted operation.
    expect((await post(server.url, NAME)).status).toBe(200);
    const registered = await post(server.url, {
      query,
      extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } },
    });
    expect(registered.status).toBe(200);

    const keys = await keysUnder(`${prefix}:`);
    const stores = new Set([...keys.keys()].map((key) => key.slice(prefix.length + 1).split(':')[0]));
    expect(stores).toEqual(new Set(['cache', 'ratelimit', 'persisted']));
    for (const [key, ttl] of keys) {
      // No second prefix inside ours (rate-limit keys once read `<prefix>:ratelimit:akt:ratelimit:…`).
      expect(key.slice(prefix.length)).not.toMatch(/:akt:/);
      expect(ttl, key).toBeGreaterThan(0);
    }
  });
});

/** A throwaway Redis on `port`, answering once it is up. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const probe = new Redis({ port, host: '127.0.0.1', lazyConnect: true, retryStrategy: () => 100 });
  probe.on('error', () => {});
  try {
    for (let attempt = 0; attempt < 50; attempt++) {
      try {
        await probe.connect();
        await probe.ping();
        return child;
      } catch {
        probe.disconnect();
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error(`redis-server on ${port} did not start`);
  } finally {
    probe.disconnect();
  }
}

const stopRedis = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

/** Polls /ready until `check` holds (Redis reconnects with a back-off of up to 2 s). */
async function readyUntil(url: string, check: (body: Record<string, unknown>) => boolean) {
  let body: Record<string, unknown> = {};
  for (let attempt = 0; attempt < 60; attempt++) {
    const response = await fetch(`${url}/ready`);
    body = (await response.json()) as Record<string, unknown>;
    if (check(body)) return { status: response.status, body };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`/ready never matched: ${JSON.stringify(body)}`);
}

describe('Redis going away under a running server', () => {
  it('keeps answering from memory, reports degraded on /ready, warns once, and uses Redis again when it returns', async () => {
    const port = await freePort();
    let redis = await startRedis(port);
    cleanups.push(() => stopRedis(redis));
    const name = `${inject('runId')}_redis_${randomBytes(3).toString('hex')}`;
    const databaseUrl =
      inject('engine') === 'postgresql'
        ? await createPgDatabase(name, inject('templateName'))
        : sqliteCopy(inject('templateUrl').replace(/^file:/, ''), name);
    if (inject('engine') === 'postgresql') cleanups.push(() => dropPgDatabase(name));
    const server: Spawned = await spawnServer({
      DATABASE_URL: databaseUrl,
      REDIS_URL: `redis://127.0.0.1:${port}`,
      REDIS_PREFIX: redisPrefix(),
      RATE_LIMIT_POINTS: '100000',
    });
    cleanups.push(() => server.kill());

    const up = await readyUntil(server.url, (b) => (b.checks as Record<string, string>).redis === 'ok');
    expect(up).toEqual({
      status: 200,
      body: { ready: true, checks: { database: 'ok', migrations: 'ok', redis: 'ok' } },
    });
    expect((await post(server.url, NAME)).status).toBe(200);

    await stopRedis(redis);
    const down = await readyUntil(server.url, (b) => b.degraded === true);
    expect(down.status).toBe(200);
    expect(down.body).toMatchObject({ ready: true, degraded: true, checks: { redis: /^unreachable/ } });

    // Every kind of request still works: plain, cached, rate-limited, persisted by hash.
    for (let i = 0; i < 5; i++) {
      const answer = await post(server.url, NAME);
      expect(answer.status).toBe(200);
      expect(answer.body.data).toEqual({ technique: { name: expect.any(String) } });
      expect(answer.headers.get('x-ratelimit-remaining')).toMatch(/^\d+$/);
    }
    const query = '{ technique(slug: "needle") { slug nameEn: name(locale: EN) } }';
    const persisted = { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } };
    expect((await post(server.url, { query, ...persisted })).status).toBe(200);
    const byHash = await post(server.url, persisted);
    expect(byHash.body.data).toEqual({ technique: { slug: 'needle', nameEn: expect.any(String) } });
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/^redis_available 0$/m);
    expect(metrics).toMatch(/redis_fallback_operations_total\{store="cache"\} [1-9]/);

    redis = await startRedis(port);
    const back = await readyUntil(server.url, (b) => (b.checks as Record<string, string>).redis === 'ok');
    expect(back.body).toEqual({ ready: true, checks: { database: 'ok', migrations: 'ok', redis: 'ok' } });
    expect((await post(server.url, NAME)).status).toBe(200);
    expect(await (await fetch(`${server.url}/metrics`)).text()).toMatch(/^redis_available 1$/m);

    // A graceful stop closes the Redis connections: that is not an outage to report.
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    const lines = server.output().split('\n');
    expect(lines.filter((l) => l.includes('redis is unreachable'))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('redis is reachable again'))).toHaveLength(1);
    // No request failed and nothing else about Redis was logged (no reconnect flood).
    expect(lines.filter((l) => /"level":50/.test(l))).toEqual([]);
    expect(lines.filter((l) => /redis/i.test(l))).toHaveLength(2);
  }, 60_000);
});
