// Charges each operation's cost (measured by src/limits) to its client's budget before it runs;
// an operation that does not fit is refused with RATE_LIMITED (HTTP 429) and charges nothing. Every
// answer says where the budget stands (X-RateLimit-*): from the charge, or, for an answer that
// charged nothing (a cache hit, a request refused before execution), from one read of the store.
import type { Plugin } from 'graphql-yoga';
import type { RateLimitState, RequestState } from '../context.ts';
import { RateLimitedError } from '../errors.ts';
import { metrics } from '../http/metrics.ts';
import type { Budget, RateLimitStore } from './store.ts';

export interface RateLimitOptions {
  store: RateLimitStore;
  /** Points per window; 0 disables rate limiting. */
  points: number;
  windowMs: number;
}

export function toRateLimitState(budget: Budget, limit: number): RateLimitState {
  return {
    limit,
    used: budget.used,
    remaining: Math.max(0, limit - budget.used),
    reset: Math.ceil(budget.resetAt / 1000),
  };
}

export function useRateLimit(options: RateLimitOptions): Plugin<{ state?: RequestState; client?: string }> {
  return {
    async onResponse({ request, response, serverContext }) {
      const { state, client } = serverContext as { state?: RequestState; client?: string };
      if (!options.points || !state || !client || request.method === 'OPTIONS') return;
      const rate =
        state.rateLimit ??
        toRateLimitState(await options.store.peek(client, options.windowMs), options.points);
      response.headers.set('x-ratelimit-limit', String(rate.limit));
      response.headers.set('x-ratelimit-remaining', String(rate.remaining));
      response.headers.set('x-ratelimit-used', String(rate.used));
      response.headers.set('x-ratelimit-reset', String(rate.reset));
      response.headers.set('x-ratelimit-resource', 'graphql-cost');
    },
    async onExecute({ args, setResultAndStopExecution }) {
      const { state, client } = args.contextValue;
      if (!options.points || !state || !client) return;
      // Every operation costs at least one point, so even cheap ones are counted.
      const cost = Math.max(1, state.cost ?? 1);
      const budget = await options.store.charge(client, cost, options.points, options.windowMs);
      state.rateLimit = toRateLimitState(budget, options.points);
      if (!budget.allowed) {
        metrics.rateLimited.inc();
        const resetIn = Math.max(1, Math.ceil((budget.resetAt - Date.now()) / 1000));
        setResultAndStopExecution({
          errors: [new RateLimitedError(cost, state.rateLimit.remaining, options.points, resetIn)],
        });
      }
    },
  };
}
