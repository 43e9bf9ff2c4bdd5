// Compiled execution: each query or mutation document is compiled once by graphql-jit into a
// function that calls the schema's resolvers directly, instead of graphql-js walking the document
// for every request. A CMS pull completes ~6 500 fields; graphql-js builds a resolve-info object, a
// path and a promise wrapper for each of them, which was most of the garbage a request made
// (docs/performance.md). A document graphql-jit cannot compile runs on graphql-js, as do every
// subscription and every request whose variables do not coerce.
// https://github.com/zalando-incubator/graphql-jit
import type { DocumentNode, ExecutionArgs } from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';
import { metrics } from '../http/metrics.ts';
import { logger } from '../logger.ts';

/** A document's compiled operations by name (`''` for the only one), or null where it did not compile. */
type Compiled = Map<string, CompiledQuery | null>;

/**
 * Compiled documents live as long as the document object: Yoga's parser cache hands every request
 * with the same text the same document, and forgets it under its own LRU bound, so a client sending
 * endless new documents cannot grow this cache.
 */
export function useCompiledExecution(): Plugin {
  const byDocument = new WeakMap<DocumentNode, Compiled>();
  const compiledFor = (args: ExecutionArgs): CompiledQuery | null => {
    let compiled = byDocument.get(args.document);
    if (!compiled) {
      compiled = new Map();
      byDocument.set(args.document, compiled);
    }
    const name = args.operationName ?? '';
    let query = compiled.get(name);
    if (query === undefined) {
      const result = compileQuery(args.schema, args.document, args.operationName ?? undefined);
      if (isCompiledQuery(result)) {
        query = result;
        metrics.compiledOperations.inc({ result: 'compiled' });
      } else {
        metrics.compiledOperations.inc({ result: 'fallback' });
        // Validation has passed, so this is a compiler limit: graphql-js runs it, with the same answer.
        logger.warn(
          { errors: result.errors?.map((e) => e.message) },
          'graphql-jit could not compile a document',
        );
        query = null;
      }
      compiled.set(name, query);
    }
    return query;
  };
  return {
    onExecute({ executeFn, setExecuteFn }) {
      // Compiled when it first runs, so an operation the limits or the rate limit refuse costs no compile.
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
