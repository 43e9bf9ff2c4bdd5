// The first thing every GraphQL request meets after CORS: its id (the client's X-Request-Id when
// well-formed, else a new one), who is asking (API key or anonymous; a bad key ends the request
// with 401), and which budget it spends. On the way out, every error carries the request id (before
// serialisation) and the answer its X-Request-Id header.
import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { authenticate } from '../../auth/authenticate.ts';
import type { ServerContext } from '../../context.ts';
import type { Db } from '../../db.ts';
import { type AppError, isAppError } from '../../errors.ts';
import { metrics } from '../metrics.ts';
import { errorResponse } from '../responses.ts';

export interface RequestScopeOptions {
  db: Db;
  requireApiKey: boolean;
  /** Trust X-Forwarded-For for the client address (behind a proxy you control). */
  trustProxy: boolean;
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** A well-formed X-Request-Id, or a new id. */
export function requestIdOf(header: string | null | undefined): string {
  return header && REQUEST_ID.test(header) ? header : randomUUID();
}

/** What the HTTP shell may pass with a request (yoga.fetch alone passes nothing). */
export type IncomingContext = Partial<ServerContext> & { remoteAddress?: string; startedAt?: number };

function clientOf(request: Request, server: IncomingContext, keyId: number | undefined, trustProxy: boolean) {
  if (keyId !== undefined) return `key:${keyId}`;
  const forwarded = trustProxy ? request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
  return `ip:${forwarded || server.remoteAddress || 'local'}`;
}

export function useRequestScope(options: RequestScopeOptions): Plugin {
  return {
    async onRequest({ request, serverContext, endResponse }) {
      const server = serverContext as IncomingContext;
      server.startedAt ??= performance.now();
      server.requestId ??= requestIdOf(request.headers.get('x-request-id'));
      server.state = {};
      try {
        server.auth = await authenticate(
          options.db,
          Object.fromEntries(request.headers),
          options.requireApiKey,
        );
      } catch (error) {
        if (!isAppError(error)) throw error;
        endResponse(errorResponse(error as AppError, server.requestId));
        return;
      }
      server.client = clientOf(request, server, server.auth.apiKey?.id, options.trustProxy);
    },
    onResultProcess({ result, setResult, serverContext }) {
      const requestId = (serverContext as IncomingContext).requestId;
      if (!requestId || Array.isArray(result) || !('errors' in result) || !result.errors?.length) return;
      setResult({ ...result, errors: result.errors.map((error) => withRequestId(error, requestId)) });
    },
    onResponse({ response, serverContext }) {
      const requestId = (serverContext as IncomingContext).requestId;
      if (requestId) response.headers.set('x-request-id', requestId);
    },
  };
}

function withRequestId(error: GraphQLError | Error, requestId: string): GraphQLError {
  const located = error instanceof GraphQLError ? error : new GraphQLError(error.message);
  const extensions = { ...located.extensions, requestId };
  metrics.graphqlErrors.inc({ code: String((extensions as Record<string, unknown>).code ?? 'UNKNOWN') });
  return new GraphQLError(located.message, {
    nodes: located.nodes,
    source: located.source,
    positions: located.positions,
    path: located.path,
    originalError: located.originalError,
    extensions,
  });
}
