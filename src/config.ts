// Configuration is read and validated once, here; nothing else reads process.env.
import { z } from 'zod';

const DEFAULT_DATABASE_URL = 'file:./data/knowledge.db';

const flag = (fallback: boolean) =>
  z
    .enum(['0', '1', 'true', 'false'])
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === '1' || v === 'true');

const count = (fallback: number, max = 1_000_000_000) =>
  z.coerce.number().int().min(0).max(max).default(fallback);

const databaseUrl = z
  .string()
  .trim()
  .refine((url) => /^(file:|postgres(ql)?:\/\/)/.test(url), {
    message: 'must start with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL)',
  });

const schema = z.object({
  DATABASE_URL: databaseUrl.default(DEFAULT_DATABASE_URL),
  /** Comma-separated PostgreSQL replicas; reads go there, writes and transactions to DATABASE_URL. */
  DATABASE_READ_URLS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(databaseUrl.refine((u) => !u.startsWith('file:'), 'replicas must be PostgreSQL URLs'))),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** Interface to listen on; defaults to 127.0.0.1, or 0.0.0.0 (every interface) in production. */
  HOST: z.string().trim().optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  REDIS_URL: z
    .string()
    .trim()
    .refine((u) => /^rediss?:\/\//.test(u), 'must start with redis:// or rediss://')
    .optional(),
  /** Prefix of every Redis key this API writes (several deployments can share one Redis). */
  REDIS_PREFIX: z
    .string()
    .regex(/^[\w:.-]{1,64}$/, 'letters, digits, and _ : . - only (at most 64)')
    .default('akt'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  // Operation limits (0 disables a limit).
  MAX_DEPTH: count(15, 1000),
  MAX_ALIASES: count(30, 10_000),
  MAX_TOKENS: count(5000, 1_000_000),
  MAX_COST: count(100_000),
  MAX_BODY_BYTES: count(100_000, 100_000_000),
  REQUEST_TIMEOUT_MS: count(15_000, 600_000),

  // Rate limiting: a budget of cost points per window, per API key or per client IP.
  RATE_LIMIT_POINTS: count(2_000_000),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  /** Trust X-Forwarded-For for the client IP (only behind a proxy you control). */
  TRUST_PROXY: flag(false),

  // Auth.
  REQUIRE_API_KEY: flag(false),
  /**
   * Browser origins allowed to read answers: `*` (any page, anonymous reads, never credentials) or a
   * comma-separated list of origins (echoed, with Vary: Origin).
   */
  CORS_ORIGINS: z
    .string()
    .trim()
    .default('*')
    .transform((v) =>
      v === '*'
        ? v
        : v
            .split(',')
            .map((s) => s.trim().replace(/\/$/, ''))
            .filter(Boolean),
    )
    .pipe(
      z.union([
        z.literal('*'),
        z.array(
          z
            .string()
            .regex(
              /^https?:\/\/[^/\s,]+$/,
              'each origin is scheme://host[:port], e.g. https://cms.example.org',
            ),
        ),
      ]),
    ),
  /** Bearer token /metrics requires; without it /metrics is public unless REQUIRE_API_KEY is set. */
  METRICS_TOKEN: z.string().trim().min(16, 'at least 16 characters').optional(),
  /** Serve /metrics on this port only (e.g. reachable only inside the cluster), not on PORT. */
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),

  // Execution.
  /** Run queries and mutations compiled by graphql-jit (false: graphql-js's executor). */
  COMPILED_EXECUTION: flag(true),
  /** Runs of a document on graphql-js before it is compiled (0: compile on the first run). */
  COMPILE_AFTER_RUNS: count(1, 1000),

  // Caching.
  RESPONSE_CACHE: flag(true),
  CACHE_TTL_SECONDS: count(300, 86_400 * 30),
  /** In-memory response cache only (Redis evicts by its own policy): answers kept, least recently used dropped. */
  RESPONSE_CACHE_MAX_ENTRIES: z.coerce.number().int().min(1).max(1_000_000).default(500),
  PERSISTED_OPERATIONS_ONLY: flag(false),
  /** JSON file mapping sha256 hashes to documents, trusted at start (e.g. a client's build manifest). */
  PERSISTED_OPERATIONS_FILE: z.string().trim().optional(),

  /**
   * Longest a `changes` subscription waits before looking at the change log again when no commit
   * signal came (writes by processes that do not signal: `npm run db:seed`, or any without Redis).
   */
  CHANGES_POLL_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  /** Downloads at /export served at once by this process (each holds a snapshot); 0 turns them off. */
  EXPORT_CONCURRENCY: count(2, 100),

  SHUTDOWN_TIMEOUT_MS: count(10_000, 600_000),
  /** On SIGTERM, keep serving (with /ready at 503) at least this long, so load balancers stop sending. */
  SHUTDOWN_DELAY_MS: count(0, 600_000),
  /** Benchmarks only: answer with an `x-sql-statements` header counting the request's statements. */
  EXPOSE_SQL_STATEMENTS: flag(false),
});

export type Config = z.infer<typeof schema> & { engine: 'sqlite' | 'postgresql'; HOST: string };

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses an environment; throws a ConfigError naming every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const engine = result.data.DATABASE_URL.startsWith('file:') ? 'sqlite' : 'postgresql';
  if (engine === 'sqlite' && result.data.DATABASE_READ_URLS.length > 0) {
    throw new ConfigError(
      'Invalid configuration:\n  DATABASE_READ_URLS: read replicas need a PostgreSQL DATABASE_URL',
    );
  }
  const host = result.data.HOST ?? (result.data.NODE_ENV === 'production' ? '0.0.0.0' : '127.0.0.1');
  return { ...result.data, engine, HOST: host };
}

export const config: Config = parseConfig(process.env);
