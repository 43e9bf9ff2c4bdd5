// The node shell in front of Yoga: routes, the body size limit, probes, /metrics and the static
// pages. Everything about a GraphQL request (request id, auth, CORS, rate limits, caching headers,
// its log line) happens in Yoga plugins (src/yoga.ts), so `yoga.fetch` behaves as production does.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { YogaServerInstance } from 'graphql-yoga';
import type { Config } from '../config.ts';
import type { ServerContext } from '../context.ts';
import type { Db } from '../db.ts';
import { AppError, ForbiddenError, LimitExceededError, UnauthenticatedError } from '../errors.ts';
import { logger, requestScope } from '../logger.ts';
import type { RedisLink } from '../redis.ts';
import { BodyTooLargeError, readBody } from './body.ts';
import { type ExportSlots, exportReply, exportSlots } from './exports.ts';
import { changelogReply, graphiqlAsset, graphiqlPage, schemaReply, wantsHtml } from './graphiql.ts';
import { metrics, registry } from './metrics.ts';
import { type IncomingContext, requestIdOf } from './plugins/requestScope.ts';
import { checkReadiness } from './readiness.ts';
import { errorReply, jsonReply, type Reply } from './responses.ts';

export interface HandlerDeps {
  // biome-ignore lint/suspicious/noExplicitAny: Yoga's second type parameter is the user context
  yoga: YogaServerInstance<ServerContext, any>;
  config: Config;
  db: Db;
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

type Route =
  | 'graphql'
  | 'graphiql'
  | 'health'
  | 'ready'
  | 'metrics'
  | 'index'
  | 'static'
  | 'export'
  | 'other';
const routes: Record<string, Route> = {
  '/graphql': 'graphql',
  '/health': 'health',
  '/ready': 'ready',
  '/metrics': 'metrics',
  '/': 'index',
  '/schema.graphql': 'static',
  '/changelog': 'static',
  '/export': 'export',
};

function routeOf(req: IncomingMessage, path: string): Route {
  const route =
    routes[path] ??
    (path.startsWith('/graphiql/') ? 'static' : path.startsWith('/export/') ? 'export' : 'other');
  // A browser opening /graphql gets GraphiQL; GraphQL clients never ask for HTML.
  if (
    route === 'graphql' &&
    (req.method === 'GET' || req.method === 'HEAD') &&
    wantsHtml(req.headers.accept)
  ) {
    return 'graphiql';
  }
  return route;
}

/** What serving needs beyond the deps: state this handler owns. */
type ServeDeps = HandlerDeps & { exports: ExportSlots };

export function createHandler(handlerDeps: HandlerDeps) {
  const { lifecycle } = handlerDeps;
  const deps: ServeDeps = { ...handlerDeps, exports: exportSlots() };
  return (req: IncomingMessage, res: ServerResponse): void => {
    lifecycle.inFlight += 1;
    void serve(deps, req, res).finally(() => {
      lifecycle.inFlight -= 1;
      if (lifecycle.inFlight === 0) lifecycle.onIdle?.();
    });
  };
}

async function serve(deps: ServeDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const startedAt = performance.now();
  const header = req.headers['x-request-id'];
  const requestId = requestIdOf(typeof header === 'string' ? header : undefined);
  const log = logger.child({ requestId });
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  const route = routeOf(req, path);
  let reply: ShellReply;
  try {
    reply = await requestScope.run({ requestId, log }, () =>
      route === 'graphql'
        ? graphql(deps, req, { requestId, startedAt, remoteAddress: req.socket.remoteAddress })
        : plain(deps, route, req, path, requestId),
    );
  } catch (error) {
    // Nothing below should throw; if it does, the client still gets a clean, generic answer.
    log.error({ err: error }, 'request failed');
    reply = errorReply(new AppError('Unexpected error.', 'INTERNAL_SERVER_ERROR', http(500)), requestId);
  }
  if (deps.lifecycle.shuttingDown) reply.headers.connection = 'close';
  res.writeHead(reply.status, { 'x-request-id': requestId, ...reply.headers });
  if (reply.stream) await streamBody(reply, req, res, log);
  else res.end(req.method === 'HEAD' ? undefined : reply.body);
  // GraphQL requests are logged and counted by their Yoga plugin (src/http/plugins/requestLog.ts).
  if (route === 'graphql' && !reply.shell) return;
  const seconds = (performance.now() - startedAt) / 1000;
  metrics.requests.inc({ route, status: String(reply.status) });
  metrics.duration.observe({ route }, seconds);
  if (route !== 'health' && route !== 'metrics' && route !== 'static') {
    log.info({ method: req.method, path, status: reply.status, ms: Math.round(seconds * 1000) }, 'request');
  }
}

/** Writes a streamed body (gzipped when asked), then releases what produced it. */
async function streamBody(reply: Reply, req: IncomingMessage, res: ServerResponse, log: typeof logger) {
  try {
    if (req.method === 'HEAD' || !reply.stream) {
      res.end();
      return;
    }
    const source = Readable.from(reply.stream);
    if (reply.gzip) await pipeline(source, createGzip(), res);
    else await pipeline(source, res);
  } catch (error) {
    // The client went away, or reading failed after the status was sent: the response ends
    // unfinished (no final chunk), which a client sees as an error, never as a short file.
    log.warn({ err: error }, 'streamed answer ended early');
    res.destroy();
  } finally {
    reply.release?.();
  }
}

/** A reply, marked when the shell answered a GraphQL request itself (body too large). */
type ShellReply = Reply & { shell?: boolean };

async function plain(
  deps: ServeDeps,
  route: Route,
  req: IncomingMessage,
  path: string,
  requestId: string,
): Promise<Reply> {
  switch (route) {
    case 'graphiql':
      return graphiqlPage(deps.config);
    case 'index':
      // A browser goes to GraphiQL; anything else gets a map of what is here.
      if (wantsHtml(req.headers.accept)) return { status: 302, headers: { location: '/graphql' }, body: '' };
      return jsonReply(200, {
        graphql: '/graphql',
        schema: '/schema.graphql',
        changelog: '/changelog',
        health: '/health',
        ready: '/ready',
        exports: '/export',
      });
    case 'static':
      if (path === '/schema.graphql') return schemaReply();
      if (path === '/changelog') return changelogReply();
      return (await graphiqlAsset(path, req.headers['accept-encoding'])) ?? notFound(req, requestId);
    case 'export':
      try {
        return await exportReply(deps.db, deps.config, deps.exports, {
          method: req.method ?? 'GET',
          path,
          headers: req.headers,
        });
      } catch (error) {
        if (error instanceof AppError) return errorReply(error, requestId);
        throw error;
      }
    case 'health':
      return jsonReply(200, { status: 'ok' });
    case 'ready': {
      if (deps.lifecycle.shuttingDown) {
        return jsonReply(503, { ready: false, checks: { process: 'shutting down' } });
      }
      const readiness = await checkReadiness(deps.db, deps.config.engine, deps.redis);
      return jsonReply(readiness.ready ? 200 : 503, readiness);
    }
    case 'metrics':
      // With METRICS_PORT, metrics are served there only (src/server.ts), never here.
      if (deps.config.METRICS_PORT) return notFound(req, requestId);
      return metricsReply(deps.config, req, requestId);
    default:
      return notFound(req, requestId);
  }
}

const notFound = (req: IncomingMessage, requestId: string) =>
  errorReply(
    new AppError(
      `Nothing at ${(req.url ?? '/').slice(0, 100)}; the API is at /graphql.`,
      'NOT_FOUND',
      http(404),
    ),
    requestId,
  );

const sameSecret = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * Prometheus metrics. With METRICS_TOKEN they need `Authorization: Bearer <token>`; without one
 * they are public, except when REQUIRE_API_KEY is set (a private API must not leak its traffic).
 */
export async function metricsReply(config: Config, req: IncomingMessage, requestId: string): Promise<Reply> {
  const token = config.METRICS_TOKEN;
  if (token) {
    const given = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!given || !sameSecret(given, token)) {
      return errorReply(
        new UnauthenticatedError('/metrics needs "Authorization: Bearer <METRICS_TOKEN>".'),
        requestId,
      );
    }
  } else if (config.REQUIRE_API_KEY && !config.METRICS_PORT) {
    return errorReply(
      new ForbiddenError(
        '/metrics is closed while REQUIRE_API_KEY is set: configure METRICS_TOKEN, or METRICS_PORT to serve it on a port of its own.',
      ),
      requestId,
    );
  }
  return {
    status: 200,
    headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' },
    body: await registry.metrics(),
  };
}

async function graphql(
  deps: HandlerDeps,
  req: IncomingMessage,
  server: IncomingContext,
): Promise<ShellReply> {
  const { config, yoga } = deps;
  const method = req.method ?? 'GET';
  let body: Buffer | undefined;
  try {
    body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req, config.MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      const reply = errorReply(
        new LimitExceededError('BODY_TOO_LARGE', error.message, error.limit, undefined, 413),
        server.requestId as string,
        { connection: 'close' },
      );
      return { ...reply, shell: true };
    }
    throw error;
  }
  // Yoga's own fetch classes (@whatwg-node's), not Node's global ones: undici's Request builds an
  // AbortSignal and a web stream per request, which cost as much as a small query's execution.
  const { Request, Headers } = yoga.fetchAPI;
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const request = new Request(`http://localhost${req.url ?? '/graphql'}`, {
    method,
    headers,
    body: body ? new Uint8Array(body) : undefined,
  });
  const response = await yoga.fetch(request, server);
  const out: Record<string, string> = {};
  // Yoga's headers keep the case they were set with.
  response.headers.forEach((value, name) => {
    out[name.toLowerCase()] = value;
  });
  // A subscription answers with a stream of events: written as they come, never buffered.
  if (response.body && /^(text\/event-stream|multipart\/mixed)/.test(out['content-type'] ?? '')) {
    return { status: response.status, headers: out, body: '', stream: response.body };
  }
  const payload = Buffer.from(await response.arrayBuffer());
  if (response.status !== 304) out['content-length'] = String(payload.length);
  return { status: response.status, headers: out, body: payload };
}

/** `extensions.http` as Yoga reads it: the status and headers an error answers with. */
const http = (status: number) => ({ http: { status } });
