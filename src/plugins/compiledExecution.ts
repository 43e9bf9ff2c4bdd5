// Compiled execution: a query or mutation document that runs again is compiled by graphql-jit into
// a function that calls the schema's resolvers directly, instead of graphql-js walking the document
// on every request. A CMS pull completes ~6 500 fields; graphql-js builds a resolve-info object, a
// path and a promise wrapper for each of them, which was most of the garbage a request made
// (docs/performance.md). A document graphql-jit cannot compile runs on graphql-js, as do every
// subscription and every request whose variables do not coerce.
// https://github.com/zalando-incubator/graphql-jit
import { createRequire } from 'node:module';
import type { DocumentNode, ExecutionArgs } from 'graphql';
import type { CompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';
import { lruGet } from '../cache/lru.ts';
import { metrics } from '../http/metrics.ts';
import { logger } from '../logger.ts';

type Jit = typeof import('graphql-jit');
let jit: Jit | undefined;
/**
 * graphql-jit loads fast-json-stringify and ajv with it (~0.1–0.15 s, a few MB): required when a
 * first document is compiled, not at start, so a cold start and an idle server never pay for it.
 */
const compiler = (): Jit => {
  jit ??= createRequire(import.meta.url)('graphql-jit') as Jit;
  return jit;
};

/** Per operation of a document: runs so far while not compiled yet, then the compiled query (null: did not compile). */
type State = number | CompiledQuery | null;

export interface CompiledExecutionOptions {
  /**
   * Runs of a document on graphql-js before it is compiled: 1 (the default) compiles what runs a
   * second time, so a one-off document never pays for a compile; 0 compiles on the first run.
   */
  compileAfterRuns?: number;
  /** Documents whose state (runs, compiled code) is kept, least recently used dropped first. */
  maxDocuments?: number;
}

/**
 * Compiled code is kept per document object (Yoga's parser cache hands every request with the same
 * text the same document) for at most `maxDocuments` documents, least recently used dropped first:
 * a client sending endless new documents costs compiles, never unbounded memory.
 */
export function useCompiledExecution({
  compileAfterRuns = 1,
  maxDocuments = 200,
}: CompiledExecutionOptions = {}): Plugin {
  const byDocument = new Map<DocumentNode, Map<string, State>>();
  const compiledFor = (args: ExecutionArgs): CompiledQuery | null => {
    const states = lruGet(byDocument, args.document, () => new Map<string, State>(), maxDocuments);
    const name = args.operationName ?? '';
    const state = states.get(name) ?? 0;
    if (typeof state !== 'number') return state;
    if (state < compileAfterRuns) {
      states.set(name, state + 1);
      return null;
    }
    const { compileQuery, isCompiledQuery } = compiler();
    const result = compileQuery(args.schema, args.document, args.operationName ?? undefined);
    if (isCompiledQuery(result)) {
      metrics.compiledOperations.inc({ result: 'compiled' });
      states.set(name, result);
      return result;
    }
    metrics.compiledOperations.inc({ result: 'fallback' });
    // Validation has passed, so this is a compiler limit: graphql-js runs it, with the same answer.
    logger.warn({ errors: result.errors?.map((e) => e.message) }, 'graphql-jit could not compile a document');
    states.set(name, null);
    return null;
  };
  return {
    onExecute({ executeFn, setExecuteFn }) {
      // Decided when the operation runs, so one the limits or the rate limit refuse is never compiled.
      setExecuteFn((run) => {
        const query = compiledFor(run);
        if (!query) return executeFn(run);
        const result = query.query(run.rootValue, run.contextValue, run.variableValues);
        // Only variables that do not coerce give an answer without data (and without a promise):
        // graphql-js answers those, with its messages and HTTP 400, as it always has.
        if (!(result instanceof Promise) && !('data' in result)) return executeFn(run);
        return result;
      });
    },
  };
}
