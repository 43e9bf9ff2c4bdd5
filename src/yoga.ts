// The GraphQL HTTP handler. Tests call `yoga.fetch` directly; src/server.ts listens.
import { createYoga } from 'graphql-yoga';
import { createContext } from './context.ts';
import { schema } from './schema/index.ts';

export const yoga = createYoga({
  schema,
  context: ({ request }) => createContext(request),
  graphiql: { title: 'Aesthetic treatments knowledge API' },
  landingPage: false,
});
