// The HTTP front of the API: request ids, routes (/graphql, /health, /ready, /metrics), body size
// limit, authentication, then GraphQL through Yoga; on the way out, rate-limit headers, ETag / 304,
// Cache-Control, one log line and metrics per request.
import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { YogaServerInstance } from 'graphql-yoga';
import { authenticate } from '../auth/authenticate.ts';
import type { Config } from '../config.ts';
import type { RequestState, ServerContext } from '../context.ts';
import type { Db } from '../db.ts';
import { AppError, isAppError, LimitExceededError } from '../errors.ts';
import { logger, requestScope } from '../logger.ts';
import { toRateLimitState } from '../ratelimit/plugin.ts';
import type { RateLimitStore } from '../ratelimit/store.ts';
import type { RedisLink } from '../redis.ts';
import { BodyTooLargeError, readBody } from './body.ts';
import { metrics, registry } from './metrics.ts';
import { checkReadiness } from './readiness.ts';

export interface HandlerDeps {
  // biome-ignore lint/suspicious/noExplicitAny: Yoga's second type parameter is the user context
  yoga: YogaServerInstance<ServerContext, any>;
  config: Config;
  db: Db;
  rateLimitStore: RateLimitStore;
  lifecycle: Lifecycle;
  redis?: RedisLink;
}

/** Shared by the server and its handler: whether a shutdown began, and how many requests are being served. */
export interface Lifecycle {
  shuttingDown: boolean;
  inFlight: number;
  /** Called when the last request in flight is answered. */
  onIdle?: () => void;
}

type Route = 'graphql' | 'health' | 'ready' | 'metrics' | 'other';
const routes: Record<string, Route> = {
  '/graphql': 'graphql',
  '/health': 'health',
  '/ready': 'ready',
  '/metrics': 'metrics',
};

const REQUEST_ID = /^[\w.:-]{1,128}$/;
const JSON_TYPE = 'application/json; charset=utf-8';

interface Reply {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
  state?: RequestState;
  client?: string;
}

export function createHandler(deps: HandlerDeps) {
  const { lifecycle } = deps;
  return (req: IncomingMessage, res: ServerResponse): void => {
    lifecycle.inFlight += 1;
    void serve(deps, req, res).finally(() => {
      lifecycle.inFlight -= 1;
      if (lifecycle.inFlight === 0) lifecycle.onIdle?.();
    });
  };
}

async function serve(deps: HandlerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = performance.now();
  const incomingId = req.headers['x-request-id'];
  const requestId = typeof incomingId === 'string' && REQUEST_ID.test(incomingId) ? incomingId : randomUUID();
  const log = logger.child({ requestId });
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  const route = routes[path] ?? 'other';
  let reply: Reply;
  try {
    reply = await requestScope.run({ requestId, log }, () => route_(deps, route, req, requestId));
  } catch (error) {
    // Nothing below should throw; if it does, the client still gets a clean, generic answer.
    log.error({ err: error }, 'request failed');
    reply = errorReply(new AppError('Unexpected error.', 'INTERNAL_SERVER_ERROR', http(500)), requestId);
  }
  if (deps.lifecycle.shuttingDown) reply.headers.connection = 'close';
  res.writeHead(reply.status, { ...reply.headers, 'x-request-id': requestId });
  res.end(req.method === 'HEAD' ? undefined : reply.body);

  const seconds = (performance.now() - started) / 1000;
  metrics.requests.inc({ route, status: String(reply.status) });
  metrics.duration.observe({ route }, seconds);
  if (route !== 'health' && route !== 'metrics') {
    log.info(
      {
        method: req.method,
        path,
        status: reply.status,
        ms: Math.round(seconds * 1000),
        client: reply.client,
        operation: reply.state?.operationName,
        cost: reply.state?.cost,
        cacheHit: reply.state?.cacheHit,
      },
      'request',
    );
  }
}

async function route_(
  deps: HandlerDeps,
  route: Route,
  req: IncomingMessage,
  requestId: string,
): Promise<Reply> {
  switch (route) {
    case 'health':
      return json(200, { status: 'ok' });
    case 'ready': {
      if (deps.lifecycle.shuttingDown) {
        return json(503, { ready: false, checks: { process: 'shutting down' } });
      }
      const readiness = await checkReadiness(deps.db, deps.config.engine, deps.redis);
      return json(readiness.ready ? 200 : 503, readiness);
    }
    case 'metrics':
      return {
        status: 200,
        headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' },
        body: await registry.metrics(),
      };
    case 'graphql':
      return graphql(deps, req, requestId);
    default:
      return errorReply(
        new AppError(
          `Nothing at ${(req.url ?? '/').slice(0, 100)}; the API is at /graphql.`,
          'NOT_FOUND',
          http(404),
        ),
        requestId,
      );
  }
}

async function graphql(deps: HandlerDeps, req: IncomingMessage, requestId: string): Promise<Reply> {
  const { config, yoga } = deps;
  const method = req.method ?? 'GET';
  let body: Buffer | undefined;
  try {
    body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req, config.MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      return errorReply(
        new LimitExceededError('BODY_TOO_LARGE', error.message, error.limit, undefined, 413),
        requestId,
        { connection: 'close' },
      );
    }
    throw error;
  }

  let server: ServerContext;
  try {
    const auth = await authenticate(deps.db, req.headers, config.REQUIRE_API_KEY);
    server = { requestId, auth, state: {}, client: clientOf(req, auth.apiKey?.id, config.TRUST_PROXY) };
  } catch (error) {
    if (isAppError(error)) return errorReply(error as AppError, requestId);
    throw error;
  }

  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    // This layer answers conditional requests itself (strong ETags over the body).
    if (value === undefined || name === 'if-none-match') continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const request = new Request(`http://localhost${req.url ?? '/graphql'}`, {
    method,
    headers,
    body: body ? new Uint8Array(body) : undefined,
  });
  const response = await yoga.fetch(request, server);
  let payload: Buffer = Buffer.from(await response.arrayBuffer());
  const out: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    // Yoga's headers keep the case they were set with.
    const lower = name.toLowerCase();
    // The response cache's own validators name cache entries, not bodies: this layer sends ETags.
    if (lower !== 'etag' && lower !== 'last-modified') out[lower] = value;
  });
  const isJson = /json/.test(out['content-type'] ?? '');
  if (isJson && payload.includes('"errors"')) payload = withRequestIds(payload, requestId);

  await rateLimitHeaders(deps, server, out);
  const cacheable =
    response.status === 200 && /\bpublic\b/.test(out['cache-control'] ?? '') && !server.auth.apiKey;
  if (!cacheable) out['cache-control'] = server.auth.apiKey ? 'private, no-store' : 'no-store';
  if (cacheable && isJson) {
    const etag = `"${createHash('sha256').update(payload).digest('base64url').slice(0, 32)}"`;
    out.etag = etag;
    out.vary = 'Accept, Accept-Language, Authorization, X-API-Key';
    if (matches(req.headers['if-none-match'], etag)) {
      delete out['content-type'];
      delete out['content-length'];
      return { status: 304, headers: out, body: '', state: server.state, client: server.client };
    }
  }
  out['content-length'] = String(payload.length);
  return { status: response.status, headers: out, body: payload, state: server.state, client: server.client };
}

function clientOf(req: IncomingMessage, keyId: number | undefined, trustProxy: boolean): string {
  if (keyId !== undefined) return `key:${keyId}`;
  const forwarded = req.headers['x-forwarded-for'];
  const first = trustProxy && typeof forwarded === 'string' ? forwarded.split(',')[0]?.trim() : undefined;
  return `ip:${first || req.socket.remoteAddress || 'unknown'}`;
}

async function rateLimitHeaders(deps: HandlerDeps, server: ServerContext, out: Record<string, string>) {
  const points = deps.config.RATE_LIMIT_POINTS;
  if (!points) return;
  let state = server.state.rateLimit;
  if (!state) {
    // Not charged (cache hit, or refused before execution): still say where the budget stands.
    const budget = await deps.rateLimitStore.peek(
      server.client,
      deps.config.RATE_LIMIT_WINDOW_SECONDS * 1000,
    );
    state = toRateLimitState(budget, points);
  }
  out['x-ratelimit-limit'] = String(state.limit);
  out['x-ratelimit-remaining'] = String(state.remaining);
  out['x-ratelimit-used'] = String(state.used);
  out['x-ratelimit-reset'] = String(state.reset);
  out['x-ratelimit-resource'] = 'graphql-cost';
  if (server.state.cost !== undefined) out['x-graphql-cost'] = String(server.state.cost);
}

/** Every error a client sees carries the request id, to quote when reporting a problem. */
function withRequestIds(payload: Buffer, requestId: string): Buffer {
  try {
    const result = JSON.parse(payload.toString('utf8')) as {
      errors?: Array<{ extensions?: Record<string, unknown> }>;
    };
    if (!Array.isArray(result.errors)) return payload;
    for (const error of result.errors) {
      error.extensions = { ...error.extensions, requestId };
      metrics.graphqlErrors.inc({ code: String(error.extensions.code ?? 'UNKNOWN') });
    }
    return Buffer.from(JSON.stringify(result));
  } catch {
    return payload;
  }
}

function matches(header: string | string[] | undefined, etag: string): boolean {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return false;
  return value.split(',').some((tag) => {
    const t = tag.trim().replace(/^W\//, '');
    return t === etag || t === '*';
  });
}

/** `extensions.http` as Yoga reads it: the status and headers an error answers with. */
const http = (status: number) => ({ http: { status } });

function json(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return {
    status,
    headers: { 'content-type': JSON_TYPE, 'cache-control': 'no-store', ...headers },
    body: JSON.stringify(value),
  };
}

/** An error answered by this layer, with the status and headers it carries in `extensions.http`. */
function errorReply(error: AppError, requestId: string, headers: Record<string, string> = {}): Reply {
  const { http: answer, ...extensions } = error.extensions as Record<string, unknown> & {
    http?: { status?: number; headers?: Record<string, string> };
  };
  metrics.graphqlErrors.inc({ code: error.code });
  return json(
    answer?.status ?? 500,
    { errors: [{ message: error.message, extensions: { ...extensions, requestId } }] },
    { ...answer?.headers, ...headers },
  );
}
