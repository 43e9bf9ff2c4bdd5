// One API process's server: the HTTP layer over Yoga, its Redis connections and rate-limit store,
// and a graceful shutdown that lets in-flight requests finish. `npm start` builds one from the
// environment; tests build several with their own settings.

import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from './config.ts';
import { db, requestStatements } from './db.ts';
import { AppError } from './errors.ts';
import { createHandler, type Lifecycle, metricsReply } from './http/handler.ts';
import { errorReply, type Reply } from './http/responses.ts';
import { memoryRateLimitStore, sharedRateLimitStore } from './ratelimit/store.ts';
import { connectRedis } from './redis.ts';
import { withReadReplica } from './replicas.ts';
import { endChangeStreams } from './resolvers/changeStream.ts';
import { relayCommits } from './write/commits.ts';
import { createKnowledgeYoga, type KnowledgeYoga } from './yoga.ts';

export interface App {
  yoga: KnowledgeYoga;
  /** The node:http listener (also usable with another server). */
  handler: ReturnType<typeof createHandler>;
  listen(port: number, host?: string): Promise<{ server: Server; url: string }>;
  /**
   * Graceful stop: /ready answers 503 at once; requests in flight finish (new ones are still served,
   * with `Connection: close`) for at least SHUTDOWN_DELAY_MS and at most SHUTDOWN_TIMEOUT_MS; then the
   * listener closes, and Redis after it.
   */
  close(): Promise<void>;
}

const REDIS_CONNECT_WAIT_MS = 2000;

export function createApp(config: Config): App {
  const redis = config.REDIS_URL ? connectRedis(config.REDIS_URL, config.REDIS_PREFIX) : undefined;
  const rateLimitStore = redis ? sharedRateLimitStore(redis) : memoryRateLimitStore();
  const yoga = createKnowledgeYoga(config, { rateLimitStore, redis });
  // With Redis, a commit in any API process wakes the `changes` subscriptions of every process.
  const stopRelay = redis
    ? relayCommits(
        redis.connection('changes'),
        redis.connection('changes-subscriber'),
        `${config.REDIS_PREFIX}:changes`,
      )
    : undefined;
  const lifecycle: Lifecycle = { shuttingDown: false, inFlight: 0 };
  const handle = createHandler({ yoga, config, db, lifecycle, redis });
  const counted: typeof handle = config.EXPOSE_SQL_STATEMENTS
    ? (req, res) => requestStatements.run({ count: 0 }, () => handle(req, res))
    : handle;
  // With replicas, every read of a request (its data version included) comes from one replica.
  const handler: typeof handle =
    config.DATABASE_READ_URLS.length > 0 ? (req, res) => withReadReplica(() => counted(req, res)) : counted;
  let server: Server | undefined;
  let metricsServer: Server | undefined;

  return {
    yoga,
    handler,
    async listen(port, host = config.HOST) {
      // A moment for Redis to connect, so the first requests already share its stores; if it is
      // not there, the process starts degraded (memory) rather than not at all.
      await redis?.connected(REDIS_CONNECT_WAIT_MS);
      server = createServer(handler);
      // Slow clients cannot hold a connection forever (headers and body both count).
      server.requestTimeout = config.REQUEST_TIMEOUT_MS ? config.REQUEST_TIMEOUT_MS + 5000 : 0;
      server.headersTimeout = 20_000;
      const listening = server;
      if (config.METRICS_PORT) metricsServer = await listenForMetrics(config, host);
      return new Promise((resolve, reject) => {
        listening.once('error', reject);
        listening.listen(port, host, () => {
          const { port: bound } = listening.address() as AddressInfo;
          resolve({ server: listening, url: `http://127.0.0.1:${bound}` });
        });
      });
    },
    async close() {
      lifecycle.shuttingDown = true;
      // Open subscriptions end now (clients resume from their last cursor elsewhere), so they do not
      // hold the shutdown until its timeout.
      endChangeStreams();
      if (server) {
        await drained(lifecycle, config.SHUTDOWN_DELAY_MS, config.SHUTDOWN_TIMEOUT_MS);
        const closing = server;
        const closed = new Promise<void>((resolve) => closing.close(() => resolve()));
        closing.closeIdleConnections();
        // Past the timeout, whatever still runs is cut off.
        if (lifecycle.inFlight > 0) closing.closeAllConnections();
        await closed;
      }
      const metricsClosing = metricsServer;
      if (metricsClosing) await new Promise<void>((resolve) => metricsClosing.close(() => resolve()));
      await yoga.dispose?.();
      stopRelay?.();
      await redis?.close();
    },
  };
}

/**
 * Resolves once no request is in flight and at least `delayMs` has passed (load balancers need a
 * moment to see /ready fail), or after `timeoutMs` whatever is still running.
 */
function drained(lifecycle: Lifecycle, delayMs: number, timeoutMs: number): Promise<void> {
  const delay = new Promise<void>((resolve) => setTimeout(resolve, Math.min(delayMs, timeoutMs)));
  const idle = new Promise<void>((resolve) => {
    if (lifecycle.inFlight === 0) resolve();
    else lifecycle.onIdle = resolve;
  });
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref());
  return Promise.race([Promise.all([delay, idle]).then(() => undefined), timeout]);
}

/** METRICS_PORT: /metrics on a listener of its own (still behind METRICS_TOKEN when one is set). */
function listenForMetrics(config: Config, host: string): Promise<Server> {
  const metricsServer = createServer((req, res) => {
    const requestId = randomUUID();
    const path = (req.url ?? '/').split('?')[0];
    const reply: Promise<Reply> =
      path === '/metrics'
        ? metricsReply(config, req, requestId)
        : Promise.resolve(
            errorReply(
              new AppError('Only /metrics is served on this port.', 'NOT_FOUND', { http: { status: 404 } }),
              requestId,
            ),
          );
    void reply.then((r) => {
      res.writeHead(r.status, r.headers);
      res.end(r.body);
    });
  });
  return new Promise((resolve, reject) => {
    metricsServer.once('error', reject);
    metricsServer.listen(config.METRICS_PORT, host, () => resolve(metricsServer));
  });
}
