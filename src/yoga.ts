// The GraphQL HTTP handler. Tests call `yoga.fetch` directly; src/server.ts listens.
import { GraphQLError } from 'graphql';
import { createYoga, maskError, type Plugin } from 'graphql-yoga';
import { createContext } from './context.ts';
import { requestStatements } from './db.ts';
import { fromLibraryError, isAppError } from './errors.ts';
import { usePageSizeLimit } from './plugins/pageSize.ts';
import { schema } from './schema/index.ts';

/** With EXPOSE_SQL_STATEMENTS (benchmarks), say how many SQL statements the request cost. */
function useStatementHeader(): Plugin {
  return {
    onResponse({ response }) {
      const current = requestStatements.getStore();
      if (current) response.headers.set('x-sql-statements', String(current.count));
    },
  };
}

export const yoga = createYoga({
  schema,
  context: ({ request }) => createContext(request),
  graphiql: { title: 'Aesthetic treatments knowledge API' },
  landingPage: false,
  plugins: [usePageSizeLimit(), useStatementHeader()],
  maskedErrors: {
    // Our own errors carry a stable code and a message written for clients; library validation
    // errors become ours; everything else is masked (no stack, SQL or paths reach clients).
    maskError: (error, message, isDev) => {
      if (isAppError(error)) return error as Error;
      const mapped = fromLibraryError(error);
      if (mapped) {
        const located = error as GraphQLError;
        return new GraphQLError(mapped.message, {
          nodes: located.nodes,
          path: located.path,
          extensions: mapped.extensions,
        });
      }
      return maskError(error, message, isDev);
    },
  },
});
