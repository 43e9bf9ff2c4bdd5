// Persisted operations: clients send `extensions.persistedQuery.sha256Hash` instead of the document.
// Documents come from a trusted manifest (PERSISTED_OPERATIONS_FILE: { "<sha256>": "query …" }) and,
// unless only persisted operations are allowed, from clients registering them Apollo-style (hash and
// document together, once; the hash must match). Registered documents live in memory, or in Redis
// so every API process knows them (and in memory while Redis is unreachable).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { Plugin } from 'graphql-yoga';
import { AppError } from '../errors.ts';
import type { RedisLink } from '../redis.ts';

export interface PersistedOperationsOptions {
  /** Refuse documents that are not persisted (hash only, from the manifest). */
  only: boolean;
  manifestFile?: string;
  redis?: RedisLink;
}

const MAX_REGISTERED_IN_MEMORY = 10_000;
/** Registered documents expire after a week unused in Redis, so clients cannot fill it forever. */
const REGISTERED_TTL_SECONDS = 7 * 86_400;

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Reads and checks a manifest: every key must be the SHA-256 of its document. */
export function loadManifest(file: string): Map<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`PERSISTED_OPERATIONS_FILE ${file}: ${(error as Error).message}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error(`PERSISTED_OPERATIONS_FILE ${file}: expected an object of "<sha256>": "<document>"`);
  }
  const manifest = new Map<string, string>();
  for (const [hash, document] of Object.entries(parsed)) {
    if (typeof document !== 'string' || sha256(document) !== hash) {
      throw new Error(`PERSISTED_OPERATIONS_FILE ${file}: "${hash}" is not the SHA-256 of its document`);
    }
    manifest.set(hash, document);
  }
  return manifest;
}

const persistedHash = (extensions: unknown): string | undefined => {
  const pq = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery;
  return typeof pq?.sha256Hash === 'string' ? pq.sha256Hash : undefined;
};

export function usePersistedOperationsFrom(options: PersistedOperationsOptions): Plugin[] {
  const manifest = options.manifestFile ? loadManifest(options.manifestFile) : new Map<string, string>();
  const memory = new Map<string, string>();
  const remember = (hash: string, document: string) => {
    if (memory.size < MAX_REGISTERED_IN_MEMORY) memory.set(hash, document);
  };
  const link = options.redis;
  const redis = link?.connection('persisted');
  const store = {
    get: async (hash: string) =>
      manifest.get(hash) ??
      memory.get(hash) ??
      (link && redis
        ? await link.fallback(
            'persisted',
            () => redis.getex(hash, 'EX', REGISTERED_TTL_SECONDS),
            () => null,
          )
        : null),
    set: async (hash: string, document: string) => {
      if (!link || !redis) return remember(hash, document);
      await link.fallback(
        'persisted',
        async () => {
          await redis.set(hash, document, 'EX', REGISTERED_TTL_SECONDS);
        },
        () => remember(hash, document),
      );
    },
  };
  const register: Plugin = {
    async onParams({ params }) {
      const hash = persistedHash(params.extensions);
      if (!hash || !params.query || options.only) return;
      if (sha256(params.query) !== hash) {
        throw new AppError(
          'extensions.persistedQuery.sha256Hash is not the SHA-256 of the query sent with it.',
          'PERSISTED_QUERY_HASH_MISMATCH',
          { http: { status: 400 } },
        );
      }
      await store.set(hash, params.query);
    },
  };
  const lookup = usePersistedOperations({
    allowArbitraryOperations: !options.only,
    getPersistedOperation: (hash) => store.get(hash),
    customErrors: {
      // Apollo clients read this exact message to send the document and register it.
      notFound: {
        message: 'PersistedQueryNotFound',
        extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 200 } },
      },
      keyNotFound: {
        message: 'Send a query, or a persisted operation hash in extensions.persistedQuery.sha256Hash.',
        extensions: { code: 'PERSISTED_QUERY_ID_REQUIRED', http: { status: 400 } },
      },
      persistedQueryOnly: {
        message:
          'This server only runs persisted operations: send extensions.persistedQuery.sha256Hash instead of a query.',
        extensions: { code: 'PERSISTED_QUERY_ONLY', http: { status: 400 } },
      },
    },
  });
  return [register, lookup];
}
