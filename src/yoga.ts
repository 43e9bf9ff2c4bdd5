// The GraphQL HTTP handler. Tests call `yoga.fetch` directly; src/server.ts listens.
import { createYoga, maskError } from 'graphql-yoga';
import { createContext } from './context.ts';
import { isAppError } from './errors.ts';
import { schema } from './schema/index.ts';

export const yoga = createYoga({
  schema,
  context: ({ request }) => createContext(request),
  graphiql: { title: 'Aesthetic treatments knowledge API' },
  landingPage: false,
  maskedErrors: {
    // Our own errors carry a stable code and a message written for clients; everything else is
    // masked (no stack, SQL or paths reach clients).
    maskError: (error, message, isDev) =>
      isAppError(error) ? (error as Error) : maskError(error, message, isDev),
  },
});
