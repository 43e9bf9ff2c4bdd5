// Fixed-window budgets of cost points per client. In memory for one process; in Redis when several
// API processes must share one budget (the check-and-charge is one Lua script, so it is atomic), with
// memory answering while Redis is unreachable.
import type { Redis } from 'ioredis';
import type { RedisLink } from '../redis.ts';

export interface Budget {
  /** False when the charge did not fit; nothing was charged then. */
  allowed: boolean;
  used: number;
  /** Unix time (ms) when the window ends. */
  resetAt: number;
}

export interface RateLimitStore {
  /** Charges `points` to `client` if they fit in `limit` for the current window. */
  charge(client: string, points: number, limit: number, windowMs: number): Promise<Budget>;
  /** The current window's usage, charging nothing. */
  peek(client: string, windowMs: number): Promise<Budget>;
}

const windowOf = (windowMs: number, now = Date.now()) => {
  const index = Math.floor(now / windowMs);
  return { index, resetAt: (index + 1) * windowMs };
};

export function memoryRateLimitStore(): RateLimitStore {
  const windows = new Map<string, { index: number; used: number }>();
  let lastSweep = 0;
  const current = (client: string, windowMs: number) => {
    const { index, resetAt } = windowOf(windowMs);
    // Drop finished windows now and then, so idle clients do not accumulate.
    if (index !== lastSweep) {
      for (const [key, w] of windows) if (w.index < index) windows.delete(key);
      lastSweep = index;
    }
    let w = windows.get(client);
    if (!w || w.index !== index) {
      w = { index, used: 0 };
      windows.set(client, w);
    }
    return { w, resetAt };
  };
  return {
    async charge(client, points, limit, windowMs) {
      const { w, resetAt } = current(client, windowMs);
      if (w.used + points > limit) return { allowed: false, used: w.used, resetAt };
      w.used += points;
      return { allowed: true, used: w.used, resetAt };
    },
    async peek(client, windowMs) {
      const { w, resetAt } = current(client, windowMs);
      return { allowed: true, used: w.used, resetAt };
    },
  };
}

// KEYS[1] window key; ARGV: points, limit, ttl ms. Returns {allowed (0/1), used}.
const CHARGE = `
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
local points = tonumber(ARGV[1])
if used + points > tonumber(ARGV[2]) then return {0, used} end
used = redis.call('INCRBY', KEYS[1], points)
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return {1, used}`;

/** Keys are `<client>:<window>` under the connection's prefix (`<REDIS_PREFIX>:ratelimit:`). */
export function redisRateLimitStore(redis: Redis): RateLimitStore {
  const key = (client: string, index: number) => `${client}:${index}`;
  return {
    async charge(client, points, limit, windowMs) {
      const { index, resetAt } = windowOf(windowMs);
      const [allowed, used] = (await redis.eval(
        CHARGE,
        1,
        key(client, index),
        points,
        limit,
        windowMs + 1000,
      )) as [number, number];
      return { allowed: allowed === 1, used, resetAt };
    },
    async peek(client, windowMs) {
      const { index, resetAt } = windowOf(windowMs);
      const used = Number((await redis.get(key(client, index))) ?? 0);
      return { allowed: true, used, resetAt };
    },
  };
}

/** Redis while it answers, this process's memory while it does not (budgets are then per process). */
export function sharedRateLimitStore(link: RedisLink): RateLimitStore {
  const remote = redisRateLimitStore(link.connection('ratelimit'));
  const local = memoryRateLimitStore();
  return {
    charge: (client, points, limit, windowMs) =>
      link.fallback(
        'ratelimit',
        () => remote.charge(client, points, limit, windowMs),
        () => local.charge(client, points, limit, windowMs),
      ),
    peek: (client, windowMs) =>
      link.fallback(
        'ratelimit',
        () => remote.peek(client, windowMs),
        () => local.peek(client, windowMs),
      ),
  };
}
