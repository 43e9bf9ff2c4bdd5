// Last on the way out: one log line and the request metrics per GraphQL request, with what the
// plugins before it learnt (operation name, cost, whether the response cache answered).
import type { Plugin } from 'graphql-yoga';
import { logger } from '../../logger.ts';
import { metrics } from '../metrics.ts';
import type { IncomingContext } from './requestScope.ts';

export function useRequestLog(): Plugin {
  return {
    onResponse({ request, response, serverContext }) {
      const server = serverContext as IncomingContext;
      const seconds = (performance.now() - (server.startedAt ?? performance.now())) / 1000;
      metrics.requests.inc({ route: 'graphql', status: String(response.status) });
      metrics.duration.observe({ route: 'graphql' }, seconds);
      logger.info(
        {
          requestId: server.requestId,
          method: request.method,
          path: new URL(request.url).pathname,
          status: response.status,
          ms: Math.round(seconds * 1000),
          client: server.client,
          operation: server.state?.operationName,
          cost: server.state?.cost,
          cacheHit: server.state?.cacheHit,
        },
        'request',
      );
    },
  };
}
