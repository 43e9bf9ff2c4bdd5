// HTTP caching of GraphQL answers, decided once the answer is complete. Anonymous answers the
// response cache marked `public` keep that Cache-Control; answers to an API key are
// `private, no-cache` (a client's own cache may keep them and revalidate); anything else is not
// stored. Every stored answer gets a strong ETag over its body, a 304 when If-None-Match matches,
// and a Vary naming every header that changes it.
import { createHash } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import { addVary } from './cors.ts';
import type { IncomingContext } from './requestScope.ts';

const VARY = ['Accept', 'Accept-Language', 'Authorization', 'X-API-Key'];

/** Whether an If-None-Match header names `etag` (weak or strong) or is `*`. */
export function matches(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim().replace(/^W\//, '');
    return t === etag || t === '*';
  });
}

export function useHttpCaching(): Plugin {
  return {
    async onResponse({ request, response, serverContext, setResponse }) {
      if (request.method === 'OPTIONS') return;
      const keyed = Boolean((serverContext as IncomingContext).auth?.apiKey);
      const headers = response.headers;
      // The response cache's own validators name cache entries, not bodies.
      headers.delete('etag');
      headers.delete('last-modified');
      for (const token of VARY) addVary(headers, token);
      // An anonymous answer the response cache did not mark public is never stored: its body is
      // left as it is (reading and re-wrapping it costs a copy on every request).
      if (!keyed && !/\bpublic\b/.test(headers.get('cache-control') ?? '')) {
        headers.set('cache-control', 'no-store');
        return;
      }
      const fresh = response.status === 200 && /json/.test(headers.get('content-type') ?? '');
      const body = fresh ? await response.text() : undefined;
      // What is left: answers to a key (stored unless they hold errors) and public anonymous answers.
      const storable = body !== undefined && !(keyed && body.includes('"errors"'));
      if (!storable) {
        headers.set('cache-control', keyed ? 'private, no-store' : 'no-store');
        if (body !== undefined) setResponse(new Response(body, { status: response.status, headers }));
        return;
      }
      if (keyed) headers.set('cache-control', 'private, no-cache');
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
      headers.set('etag', etag);
      if (matches(request.headers.get('if-none-match'), etag)) {
        headers.delete('content-type');
        headers.delete('content-length');
        setResponse(new Response(null, { status: 304, headers }));
        return;
      }
      headers.set('content-length', String(Buffer.byteLength(body)));
      setResponse(new Response(body, { status: 200, headers }));
    },
  };
}
