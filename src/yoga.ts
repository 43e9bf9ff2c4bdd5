// The GraphQL handler for one configuration: schema, context, and the plugins that guard, cache and
// describe it over HTTP. `yoga.fetch` runs exactly what production runs; src/server.ts only adds a
// node shell (body limit, probes, metrics, static pages) in front.
//
// Plugin order (each hook runs in this order; onResponse hooks too, so later ones see earlier headers):
//  1. CORS: preflights answered before anything else; CORS headers on every answer.
//  2. Request scope: request id, API key → auth and client (401 ends here); errors get the request id.
//     Response metadata: `extensions.meta` (data version, last updated, disclaimer, licence).
//  3. Persisted operations, then operation facts (name, cache hit) for the log.
//  4. Compiled execution (graphql-jit), then operation limits (tokens, depth, aliases, cost, time) and X-GraphQL-Cost.
//  5. Rate limit: charges the cost before execution; X-RateLimit-* on every answer.
//  6. Page size, SQL statement count (benchmarks).
//  7. Response cache: after the limits and the rate limit, so a miss is charged like any operation
//     and a hit skips execution (it costs nothing).
//  8. HTTP caching: Cache-Control, Vary, ETag and 304 over the finished body.
//  9. Request log: one line and the request metrics, with the final status.
import { GraphQLError } from 'graphql';
import { createYoga, maskError, type Plugin } from 'graphql-yoga';
import { usePersistedOperationsFrom } from './cache/persistedOperations.ts';
import { useKnowledgeResponseCache } from './cache/responseCache.ts';
import type { Config } from './config.ts';
import { type Context, createContext, type ServerContext } from './context.ts';
import { db, requestStatements } from './db.ts';
import { fromLibraryError, isAppError } from './errors.ts';
import { metrics } from './http/metrics.ts';
import { useCors } from './http/plugins/cors.ts';
import { useHttpCaching } from './http/plugins/httpCaching.ts';
import { useRequestLog } from './http/plugins/requestLog.ts';
import { useRequestScope } from './http/plugins/requestScope.ts';
import { useResponseMetadata } from './http/plugins/responseMetadata.ts';
import { useOperationLimits } from './limits/plugin.ts';
import { logger, requestScope } from './logger.ts';
import { useCompiledExecution } from './plugins/compiledExecution.ts';
import { usePageSizeLimit } from './plugins/pageSize.ts';
import { useRateLimit } from './ratelimit/plugin.ts';
import type { RateLimitStore } from './ratelimit/store.ts';
import type { RedisLink } from './redis.ts';
import { schema } from './schema/index.ts';

export interface YogaServices {
  rateLimitStore: RateLimitStore;
  /** Redis when REDIS_URL is set: cached answers and persisted operations are shared through it. */
  redis?: RedisLink;
}

/** With EXPOSE_SQL_STATEMENTS (benchmarks), say how many SQL statements the request cost. */
function useStatementHeader(): Plugin {
  return {
    onResponse({ response }) {
      const current = requestStatements.getStore();
      if (current) response.headers.set('x-sql-statements', String(current.count));
    },
  };
}

/** Tells the HTTP layer (logs, metrics) the operation's name and whether the cache answered. */
function useRequestFacts(): Plugin<Partial<Context>> {
  return {
    onParams({ params, context }) {
      const state = (context as Partial<Context>).state;
      if (state && params.operationName) state.operationName = params.operationName;
    },
    onResultProcess({ result, serverContext }) {
      const state = (serverContext as Partial<ServerContext>).state;
      if (state && !Array.isArray(result)) {
        state.cacheHit = Boolean((result as Record<symbol, unknown>)[Symbol.for('servedFromResponseCache')]);
      }
    },
  };
}

export function createKnowledgeYoga(config: Config, services: YogaServices) {
  const plugins: Plugin[] = [
    useCors(config.CORS_ORIGINS),
    useRequestScope({ db, requireApiKey: config.REQUIRE_API_KEY, trustProxy: config.TRUST_PROXY }),
    useResponseMetadata(),
    ...usePersistedOperationsFrom({
      only: config.PERSISTED_OPERATIONS_ONLY,
      manifestFile: config.PERSISTED_OPERATIONS_FILE,
      redis: services.redis,
    }),
    useRequestFacts(),
    // Before the limits and the response cache, which wrap whichever executor runs the operation.
    ...(config.COMPILED_EXECUTION
      ? [useCompiledExecution({ compileAfterRuns: config.COMPILE_AFTER_RUNS })]
      : []),
    useOperationLimits({
      maxTokens: config.MAX_TOKENS,
      maxDepth: config.MAX_DEPTH,
      maxAliases: config.MAX_ALIASES,
      maxCost: config.MAX_COST,
      timeoutMs: config.REQUEST_TIMEOUT_MS,
    }) as Plugin,
    useRateLimit({
      store: services.rateLimitStore,
      points: config.RATE_LIMIT_POINTS,
      windowMs: config.RATE_LIMIT_WINDOW_SECONDS * 1000,
    }) as Plugin,
    usePageSizeLimit(),
    useStatementHeader(),
  ];
  if (config.RESPONSE_CACHE) {
    plugins.push(
      useKnowledgeResponseCache({
        ttlMs: config.CACHE_TTL_SECONDS * 1000,
        maxEntries: config.RESPONSE_CACHE_MAX_ENTRIES,
        redis: services.redis,
        onLookup: (hit) => metrics.cacheLookups.inc({ result: hit ? 'hit' : 'miss' }),
      }),
    );
  }
  plugins.push(useHttpCaching(), useRequestLog());
  return createYoga<ServerContext, Context>({
    schema,
    // Both ours: CORS from CORS_ORIGINS (Yoga's echoes any origin with credentials), GraphiQL served
    // from our own process by the HTTP shell (Yoga's loads it from a CDN).
    cors: false,
    graphiql: false,
    context: ({ request, ...server }) => createContext(request, server as Partial<ServerContext>),
    landingPage: false,
    // The HTTP shell reads the body under MAX_BODY_BYTES before Yoga sees it (413 BODY_TOO_LARGE);
    // Yoga's own check would pipe every body through a second stream for nothing.
    maxRequestBodySize: false,
    plugins,
    logging: {
      debug: (...args) => logger.debug({ yoga: args }),
      info: (...args) => logger.info({ yoga: args }),
      warn: (...args) => logger.warn({ yoga: args }),
      // Yoga logs every error it masks or maps: client errors are not server errors, and
      // unexpected ones are logged by maskError below, with the request id.
      error: (...args) => logger.debug({ yoga: args }, 'masked error'),
    },
    maskedErrors: {
      // Our own errors carry a stable code and a message written for clients; library validation
      // errors become ours; everything else is logged in full and masked (no stack, SQL or paths
      // reach clients, only a code and the request id to quote).
      maskError: (error, message, isDev) => {
        if (isAppError(error)) return error as Error;
        const mapped = fromLibraryError(error);
        if (mapped) {
          const located = error as GraphQLError;
          return new GraphQLError(mapped.message, {
            nodes: located.nodes,
            path: located.path,
            extensions: mapped.extensions,
          });
        }
        const masked = maskError(error, message, isDev) as GraphQLError;
        // Yoga passes client-facing GraphQL errors (parse, validation, bad request) through.
        if (masked === error) return masked;
        const scope = requestScope.getStore();
        (scope?.log ?? logger).error({ err: error }, 'unexpected error');
        return new GraphQLError('Unexpected error.', {
          nodes: masked.nodes,
          path: masked.path,
          extensions: { code: 'INTERNAL_SERVER_ERROR', ...(scope && { requestId: scope.requestId }) },
        });
      },
    },
  });
}

export type KnowledgeYoga = ReturnType<typeof createKnowledgeYoga>;
