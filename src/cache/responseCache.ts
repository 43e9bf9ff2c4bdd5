// Cached answers for anonymous read queries: in memory by default, in Redis with REDIS_URL (shared by
// every API process; memory answers while Redis is unreachable). Keys include the data version
// (src/cache/dataVersion.ts) and the locale, so a write anywhere invalidates every cached answer at
// once and languages never mix.
import {
  type Cache,
  createInMemoryCache,
  hashSHA256,
  useResponseCache,
} from '@graphql-yoga/plugin-response-cache';
import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.ts';
import { localeFromHeader } from '../context.ts';
import type { RedisLink } from '../redis.ts';
import { dataVersionOf } from './dataVersion.ts';

export interface ResponseCacheOptions {
  ttlMs: number;
  maxEntries: number;
  redis?: RedisLink;
  onLookup?: (hit: boolean) => void;
}

/**
 * One key per answer, expiring with it. Nothing is invalidated by entity (keys carry the data
 * version), so unlike `@envelop/response-cache-redis` no entity sets are kept, which had no expiry.
 */
function redisCache(link: RedisLink, ttlMs: number, local: Cache): Cache {
  const redis = link.connection('cache');
  return {
    get: (key) =>
      link.fallback(
        'cache',
        async () => {
          const stored = await redis.get(key);
          return stored ? (JSON.parse(stored) as ExecutionResult) : undefined;
        },
        () => local.get(key),
      ),
    set: (key, result, entities, ttl) =>
      link.fallback(
        'cache',
        async () => {
          await redis.set(key, JSON.stringify(result), 'PX', Number.isFinite(ttl) && ttl > 0 ? ttl : ttlMs);
        },
        () => local.set(key, result, entities, ttl),
      ),
    invalidate: (entities) => local.invalidate(entities),
  };
}

/** Regulatory decisions are the most time-sensitive facts: answers holding them live shorter. */
export const REGULATORY_TTL_MS = 60_000;

const isAnonymous = (ctx: Partial<Context>) => !ctx.auth?.apiKey;

export function useKnowledgeResponseCache(options: ResponseCacheOptions): Plugin {
  const memory = createInMemoryCache({ max: options.maxEntries });
  const base = options.redis ? redisCache(options.redis, options.ttlMs, memory) : memory;
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
      const { version } = await dataVersionOf(request);
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
