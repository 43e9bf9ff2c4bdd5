// Configuration is read and validated once, here; nothing else reads process.env.
import { z } from 'zod';

const DEFAULT_DATABASE_URL = 'file:./data/knowledge.db';

const schema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .min(1)
    .default(DEFAULT_DATABASE_URL)
    .refine((url) => /^(file:|postgres(ql)?:\/\/)/.test(url), {
      message: 'must start with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL)',
    }),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  /** Benchmarks only: answer with an `x-sql-statements` header counting the request's statements. */
  EXPOSE_SQL_STATEMENTS: z
    .enum(['0', '1', 'true', 'false'])
    .default('0')
    .transform((v) => v === '1' || v === 'true'),
});

export type Config = z.infer<typeof schema> & { engine: 'sqlite' | 'postgresql' };

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
  return { ...result.data, engine };
}

export const config: Config = parseConfig(process.env);
