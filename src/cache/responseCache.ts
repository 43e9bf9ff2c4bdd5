// Cached answers for anonymous read queries: in memory by default, in Redis with REDIS_URL (shared by
// every API process). Keys include the data version (src/cache/dataVersion.ts) and the locale, so a
// write anywhere invalidates every cached answer at once and languages never mix.
import { createRedisCache } from '@envelop/response-cache-redis';
import { createInMemoryCache, hashSHA256, useResponseCache } from '@graphql-yoga/plugin-response-cache';
import type { Plugin } from 'graphql-yoga';
import type { Redis } from 'ioredis';
import { type Context, localeFromHeader } from '../context.ts';
import { readDataVersion } from './dataVersion.ts';

export interface ResponseCacheOptions {
  ttlMs: number;
  maxEntries: number;
  redis?: Redis;
  onLookup?: (hit: boolean) => void;
}

/** Regulatory decisions are the most time-sensitive facts: answers holding them live shorter. */
export const REGULATORY_TTL_MS = 60_000;

const isAnonymous = (ctx: Partial<Context>) => !ctx.auth?.apiKey;

export function useKnowledgeResponseCache(options: ResponseCacheOptions): Plugin {
  const base = options.redis
    ? createRedisCache({ redis: options.redis })
    : createInMemoryCache({ max: options.maxEntries });
  const cache: typeof base = {
    ...base,
    get: async (key) => {
      const hit = await base.get(key);
      options.onLookup?.(hit != null);
      return hit;
    },
  };
  // onTtl runs just before shouldCacheResult for the same result (synchronously), which is how the
  // chosen TTL reaches the Cache-Control header stored with the answer.
  let lastTtl = options.ttlMs;
  return useResponseCache<Context>({
    cache,
    ttl: options.ttlMs,
    ttlPerSchemaCoordinate: { RegulatoryStatus: Math.min(options.ttlMs, REGULATORY_TTL_MS) },
    invalidateViaMutation: false,
    session: () => null,
    enabled: (_request, ctx) => isAnonymous(ctx),
    // Runs before the context factory: the locale is read from the request itself.
    buildResponseCacheKey: async ({ documentString, variableValues, operationName, context, request }) => {
      if (!isAnonymous(context as unknown as Partial<Context>)) return 'uncached';
      const version = await readDataVersion();
      const locale = localeFromHeader(request.headers.get('accept-language'));
      return hashSHA256(
        JSON.stringify([version, locale, operationName ?? null, documentString, variableValues ?? {}]),
      );
    },
    onTtl: ({ ttl }) => {
      lastTtl = ttl;
      return ttl;
    },
    shouldCacheResult: ({ result }) => {
      if (result.errors?.length) return false;
      // Stored with the answer, so hits carry the same header as the miss that stored it.
      result.extensions ??= {};
      const extensions = result.extensions as { http?: { headers?: Record<string, string> } };
      extensions.http ??= {};
      extensions.http.headers = {
        ...extensions.http.headers,
        'cache-control': `public, max-age=${Math.floor(lastTtl / 1000)}`,
      };
      return true;
    },
  }) as Plugin;
}
