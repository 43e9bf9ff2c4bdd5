// PostGraphile v5 (Amber preset, simplified inflection) over the same PostgreSQL database the API
// serves: the peer `npm run bench` compares the API with. DATABASE_URL and PORT (0 = any free
// port) from the environment; prints one line `listening on <url>` when ready.
//
// PostGraphile 5 declares Node >= 22; on Node 20 it runs with the few built-ins it reaches added
// by ./node20.mjs (imported first, so it runs before PostGraphile's modules load).
import './node20.mjs';
import { createServer } from 'node:http';
import { PgSimplifyInflectionPreset } from '@graphile/simplify-inflection';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

const connectionString = process.env.DATABASE_URL;
if (!connectionString?.startsWith('postgres')) {
  console.error('DATABASE_URL must be a PostgreSQL URL');
  process.exit(2);
}
const preset = {
  extends: [PostGraphileAmberPreset, PgSimplifyInflectionPreset],
  pgServices: [makePgService({ connectionString, schemas: ['public'], poolConfig: { max: 10 } })],
  grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
  grafast: { explain: false },
};
const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.on('error', (error) => {
  console.error(error);
  process.exit(1);
});
serv.addTo(server).then(
  () => {
    server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
      const { port } = server.address();
      console.log(`listening on http://127.0.0.1:${port}/graphql`);
    });
  },
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close();
    Promise.resolve(pgl.release()).finally(() => process.exit(0));
  });
}
