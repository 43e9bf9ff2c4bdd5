// Prometheus metrics, served at /metrics. One registry per process: several apps in one process
// (tests) share it, as they share the process.
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry });

export const metrics = {
  requests: new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests, by route and status.',
    labelNames: ['route', 'status'] as const,
    registers: [registry],
  }),
  duration: new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from request to response, by route.',
    labelNames: ['route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  }),
  graphqlErrors: new Counter({
    name: 'graphql_errors_total',
    help: 'Errors returned to clients, by code.',
    labelNames: ['code'] as const,
    registers: [registry],
  }),
  cacheLookups: new Counter({
    name: 'response_cache_lookups_total',
    help: 'Response cache lookups, by result (hit or miss).',
    labelNames: ['result'] as const,
    registers: [registry],
  }),
  compiledOperations: new Counter({
    name: 'graphql_compiled_operations_total',
    help: 'Operations compiled by graphql-jit on their first run (compiled), or left to graphql-js (fallback).',
    labelNames: ['result'] as const,
    registers: [registry],
  }),
  rateLimited: new Counter({
    name: 'rate_limited_requests_total',
    help: 'Operations refused because their client spent its budget.',
    registers: [registry],
  }),
  redisAvailable: new Gauge({
    name: 'redis_available',
    help: '1 while Redis (REDIS_URL) is reachable; 0 while stores fall back to per-process memory.',
    registers: [registry],
  }),
  redisFallbacks: new Counter({
    name: 'redis_fallback_operations_total',
    help: 'Store operations answered from per-process memory because Redis was unreachable, by store.',
    labelNames: ['store'] as const,
    registers: [registry],
  }),
};
