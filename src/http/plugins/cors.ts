// CORS, configured (CORS_ORIGINS) rather than echoed. `*` lets any page read anonymously: the
// header is the constant `*` and credentials are never allowed (API keys travel in headers, which
// `*` permits when they are listed). A list of origins echoes only those, and every answer then
// varies by Origin, so a shared cache never hands one site's header to another.
import type { Plugin } from 'graphql-yoga';

export type CorsOrigins = '*' | readonly string[];

const ALLOWED_HEADERS = [
  'accept',
  'accept-language',
  'authorization',
  'content-type',
  'if-none-match',
  'x-api-key',
  'x-request-id',
].join(', ');

/** What a browser script may read from an answer. */
const EXPOSED_HEADERS = [
  'etag',
  'retry-after',
  'x-graphql-cost',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'x-ratelimit-resource',
  'x-ratelimit-used',
  'x-request-id',
].join(', ');

/** Appends a token to a Vary header without repeating it. */
export function addVary(headers: Headers, token: string) {
  const current = headers.get('vary');
  const tokens = current ? current.split(',').map((t) => t.trim()) : [];
  if (!tokens.some((t) => t.toLowerCase() === token.toLowerCase())) tokens.push(token);
  headers.set('vary', tokens.join(', '));
}

/** The CORS headers for a request's Origin (none when the origin is not allowed). */
export function corsHeaders(origins: CorsOrigins, origin: string | null): Record<string, string> {
  if (!origin) return {};
  if (origins === '*') return { 'access-control-allow-origin': '*' };
  return origins.includes(origin) ? { 'access-control-allow-origin': origin } : {};
}

export function useCors(origins: CorsOrigins): Plugin {
  const apply = (request: Request, headers: Headers) => {
    for (const [name, value] of Object.entries(corsHeaders(origins, request.headers.get('origin')))) {
      headers.set(name, value);
    }
    if (origins !== '*') addVary(headers, 'Origin');
  };
  return {
    onRequest({ request, endResponse }) {
      if (request.method !== 'OPTIONS') return;
      // A preflight: answered here, before authentication or any body is read.
      const headers = new Headers({ 'content-length': '0', 'cache-control': 'no-store' });
      apply(request, headers);
      if (headers.has('access-control-allow-origin')) {
        headers.set('access-control-allow-methods', 'GET, POST, OPTIONS');
        headers.set('access-control-allow-headers', ALLOWED_HEADERS);
        headers.set('access-control-max-age', '600');
      }
      endResponse(new Response(null, { status: 204, headers }));
    },
    onResponse({ request, response }) {
      if (request.method === 'OPTIONS') return;
      apply(request, response.headers);
      if (response.headers.has('access-control-allow-origin')) {
        response.headers.set('access-control-expose-headers', EXPOSED_HEADERS);
      }
    },
  };
}
