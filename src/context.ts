import { randomUUID } from 'node:crypto';
import type { ApiKeyIdentity } from './auth/keys.ts';
import type { Scope } from './auth/scopes.ts';
import { createLoaders, type Loaders } from './resolvers/loaders.ts';

// The request context, built once per request: the locale clients asked for, who is asking, and
// what the request has cost. Nothing else reads request headers.
export type LocaleCode = 'FR' | 'EN';

export interface Auth {
  /** The API key presented, or null for an anonymous client. */
  apiKey: ApiKeyIdentity | null;
  scopes: ReadonlySet<Scope>;
}

export interface RateLimitState {
  limit: number;
  remaining: number;
  used: number;
  /** Unix time (seconds) when the window resets. */
  reset: number;
}

/** What the HTTP layer learns from the GraphQL layer about one request (headers, logs, metrics). */
export interface RequestState {
  cost?: number;
  rateLimit?: RateLimitState;
  cacheHit?: boolean;
  operationName?: string;
}

/** Passed by the HTTP layer (src/http/handler.ts) with each request. */
export interface ServerContext {
  requestId: string;
  auth: Auth;
  state: RequestState;
  /** Who the client is, for rate limiting: `key:<id>` or `ip:<address>`. */
  client: string;
}

export interface Context extends ServerContext {
  /** Locale from `Accept-Language` (first supported language wins), else FR. */
  locale: LocaleCode;
  /** Per-request batch loaders (src/resolvers/loaders.ts). */
  loaders: Loaders;
}

/** An anonymous reader: what a client without a key gets, and any request nothing says otherwise about (`yoga.fetch` in tests). */
export const anonymous: Auth = { apiKey: null, scopes: new Set<Scope>(['read']) };

/** Picks FR or EN from an Accept-Language header, honouring q-values; FR when neither is asked. */
export function localeFromHeader(header: string | null | undefined): LocaleCode {
  if (!header) return 'FR';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.trim().toLowerCase().split('-')[0], q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((x) => x.q > 0 && !Number.isNaN(x.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { lang } of ranked) {
    if (lang === 'fr') return 'FR';
    if (lang === 'en') return 'EN';
  }
  return 'FR';
}

export function createContext(request: Request, server: Partial<ServerContext> = {}): Context {
  return {
    requestId: server.requestId ?? randomUUID(),
    auth: server.auth ?? anonymous,
    state: server.state ?? {},
    client: server.client ?? 'ip:local',
    locale: localeFromHeader(request.headers.get('accept-language')),
    loaders: createLoaders(),
  };
}
