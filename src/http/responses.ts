// Answers the HTTP layer writes itself (probes, 404, body too large, bad API key): JSON, never
// cached, errors in the GraphQL shape with a code and the request id.
import type { AppError } from '../errors.ts';
import { metrics } from './metrics.ts';

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
  /** A body written as it is produced (an export download, a subscription's events), instead of `body`. */
  stream?: AsyncIterable<Uint8Array>;
  /** Gzip `stream` on the way out. */
  gzip?: boolean;
  /** Called once the answer is written or abandoned, whether or not `stream` was read. */
  release?: () => void;
}

const JSON_TYPE = 'application/json; charset=utf-8';

export function jsonReply(
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): Reply & { body: string } {
  return {
    status,
    headers: { 'content-type': JSON_TYPE, 'cache-control': 'no-store', ...headers },
    body: JSON.stringify(value),
  };
}

/** An error answered outside GraphQL execution, with the status and headers in its `extensions.http`. */
export function errorReply(
  error: AppError,
  requestId: string,
  headers: Record<string, string> = {},
): Reply & { body: string } {
  const { http: answer, ...extensions } = error.extensions as Record<string, unknown> & {
    http?: { status?: number; headers?: Record<string, string> };
  };
  metrics.graphqlErrors.inc({ code: error.code });
  return jsonReply(
    answer?.status ?? 500,
    { errors: [{ message: error.message, extensions: { ...extensions, requestId } }] },
    { ...answer?.headers, ...headers },
  );
}

/** The same, as a fetch Response (for Yoga plugins that end a request early). */
export function errorResponse(error: AppError, requestId: string): Response {
  const reply = errorReply(error, requestId);
  return new Response(reply.body, { status: reply.status, headers: reply.headers });
}
