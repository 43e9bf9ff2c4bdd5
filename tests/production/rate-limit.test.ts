// Budgets of cost points per client and window: headers tell what remains, a spent budget gets 429
// RATE_LIMITED and charges nothing, and with Redis two API processes share one budget.
import { describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/auth/keys.ts';
import { db } from '../../src/db.ts';
import { appsForFile, codeOf, post, REDIS_URL, redisPrefix } from '../helpers/server.ts';

// Costs 1 + 5 = 6 points (a page of 5 objects under one connection).
const SIX = { query: '{ sources(first: 5) { nodes { slug } } }' };
const start = appsForFile({ RESPONSE_CACHE: 'false', RATE_LIMIT_WINDOW_SECONDS: '3600' });

describe('rate limiting', () => {
  it('charges each operation its cost and says what remains (x-ratelimit-*)', async () => {
    const server = await start({ RATE_LIMIT_POINTS: '20' });
    const first = await post(server.url, SIX);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-ratelimit-limit')).toBe('20');
    expect(first.headers.get('x-ratelimit-used')).toBe('6');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('14');
    expect(first.headers.get('x-graphql-cost')).toBe('6');
    expect(Number(first.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);

    await post(server.url, SIX);
    await post(server.url, SIX); // 18 used, 2 remain
    const spent = await post(server.url, SIX);
    expect(spent.status).toBe(429);
    expect(codeOf(spent)).toBe('RATE_LIMITED');
    expect(spent.body.errors?.[0]?.message).toMatch(/costs 6 points and 2 of 20 remain/);
    expect(Number(spent.headers.get('retry-after'))).toBeGreaterThan(0);
    // Refused operations charge nothing: a 2-point operation still fits.
    expect(spent.headers.get('x-ratelimit-remaining')).toBe('2');
    expect(await (await fetch(`${server.url}/metrics`)).text()).toMatch(
      /^rate_limited_requests_total [1-9]/m,
    );
    const small = await post(server.url, { query: '{ sources(first: 1) { nodes { slug } } }' });
    expect(small.status).toBe(200);
    expect(small.headers.get('x-ratelimit-remaining')).toBe('0');
  });

  it('keeps one budget per API key, separate from the anonymous one', async () => {
    const server = await start({ RATE_LIMIT_POINTS: '6' });
    const { key } = await createApiKey(db, 'budget test', ['read']);
    expect((await post(server.url, SIX)).status).toBe(200);
    expect((await post(server.url, SIX)).status).toBe(429);
    const keyed = await post(server.url, SIX, { authorization: `Bearer ${key}` });
    expect(keyed.status).toBe(200);
    expect(keyed.headers.get('x-ratelimit-remaining')).toBe('0');
  });

  it('shares the budget across two API processes through Redis', async () => {
    const env = { RATE_LIMIT_POINTS: '12', REDIS_URL, REDIS_PREFIX: redisPrefix() };
    const a = await start(env);
    const b = await start(env);
    expect((await post(a.url, SIX)).headers.get('x-ratelimit-remaining')).toBe('6');
    const second = await post(b.url, SIX);
    expect(second.status).toBe(200);
    expect(second.headers.get('x-ratelimit-remaining')).toBe('0');
    const third = await post(a.url, SIX);
    expect(third.status).toBe(429);
    expect(codeOf(third)).toBe('RATE_LIMITED');
  });

  it('in memory, two processes do not share (each has its own budget)', async () => {
    const a = await start({ RATE_LIMIT_POINTS: '6' });
    const b = await start({ RATE_LIMIT_POINTS: '6' });
    expect((await post(a.url, SIX)).status).toBe(200);
    expect((await post(b.url, SIX)).status).toBe(200);
  });
});
