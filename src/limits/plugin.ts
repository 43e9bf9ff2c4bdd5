// Operation limits that protect the database: tokens (while parsing), depth, aliases and cost
// (before execution, with the variables known) and a time limit on execution. Each rejection is a
// LimitExceededError whose code names the limit, with the limit and the measured value.
import type { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { RequestState } from '../context.ts';
import { LimitExceededError } from '../errors.ts';
import { measureOperation } from './analysis.ts';

export interface OperationLimits {
  maxTokens: number;
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  timeoutMs: number;
}

const fmt = (n: number) => n.toLocaleString('en-US');

export function useOperationLimits(limits: OperationLimits): Plugin<{ state?: RequestState }> {
  return {
    /** The measured cost, for clients to budget with. */
    onResponse({ response, serverContext }) {
      const cost = (serverContext as { state?: RequestState }).state?.cost;
      if (cost !== undefined) response.headers.set('x-graphql-cost', String(cost));
    },
    onParse({ parseFn, setParseFn }) {
      if (!limits.maxTokens) return;
      setParseFn((source, options) => {
        try {
          return parseFn(source, { ...options, maxTokens: limits.maxTokens });
        } catch (error) {
          // Matched by message ("more that", sic, in graphql 16): graphql-js may be loaded twice
          // (ESM and CJS), so no instanceof.
          if (/more th(?:an|at) \d+ tokens/.test((error as Error)?.message ?? '')) {
            throw new LimitExceededError(
              'MAX_TOKENS_EXCEEDED',
              `The document has more than ${fmt(limits.maxTokens)} tokens, the limit.`,
              limits.maxTokens,
            );
          }
          throw error;
        }
      });
    },
    onExecute({ args, executeFn, setExecuteFn, setResultAndStopExecution }) {
      const measure = measureOperation(
        args.schema,
        args.document,
        args.operationName,
        (args.variableValues ?? {}) as Record<string, unknown>,
      );
      const state = args.contextValue.state;
      if (state) state.cost = measure.cost;
      const rejection =
        check(
          measure.depth,
          limits.maxDepth,
          'MAX_DEPTH_EXCEEDED',
          (v, l) => `The operation is ${v} fields deep; the limit is ${l}.`,
        ) ??
        check(
          measure.aliases,
          limits.maxAliases,
          'MAX_ALIASES_EXCEEDED',
          (v, l) => `The operation uses ${v} aliases; the limit is ${l}.`,
        ) ??
        check(
          measure.cost,
          limits.maxCost,
          'MAX_COST_EXCEEDED',
          (v, l) =>
            `The operation's estimated cost is ${v} points; the limit is ${l}. Ask for smaller pages (first/last) or fewer nested lists.`,
        );
      if (rejection) {
        setResultAndStopExecution({ errors: [rejection] });
        return;
      }
      if (!limits.timeoutMs) return;
      const timeoutMs = limits.timeoutMs;
      const timeoutError = () =>
        new LimitExceededError(
          'REQUEST_TIMEOUT',
          `The operation did not finish within ${fmt(timeoutMs)} ms, the time limit.`,
          timeoutMs,
          undefined,
          503,
        );
      setExecuteFn(async (executionArgs) => {
        const deadline = performance.now() + timeoutMs;
        let timer: NodeJS.Timeout | undefined;
        // The race answers on time when the database is asynchronous (PostgreSQL)...
        const timeout = new Promise<{ errors: GraphQLError[] }>((resolve) => {
          timer = setTimeout(() => resolve({ errors: [timeoutError()] }), timeoutMs);
        });
        try {
          const result = await Promise.race([Promise.resolve(executeFn(executionArgs)), timeout]);
          // ...and this check when it is synchronous (better-sqlite3 never yields to timers): a
          // late answer is refused the same way, never half-sent.
          return performance.now() > deadline ? { errors: [timeoutError()] } : result;
        } finally {
          clearTimeout(timer);
        }
      });
    },
  };
}

function check(
  value: number,
  limit: number,
  code: string,
  message: (value: string, limit: string) => string,
): LimitExceededError | undefined {
  if (!limit || value <= limit) return undefined;
  return new LimitExceededError(code, message(fmt(value), fmt(limit)), limit, value);
}
