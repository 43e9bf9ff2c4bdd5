import { createServer, type Server } from 'node:http';
import { config } from './config.ts';
import { requestStatements } from './db.ts';
import { yoga } from './yoga.ts';

export function startServer(port: number): Promise<Server> {
  const server = config.EXPOSE_SQL_STATEMENTS
    ? createServer((req, res) => requestStatements.run({ count: 0 }, () => yoga(req, res)))
    : createServer(yoga);
  return new Promise((resolve) => server.listen(port, () => resolve(server)));
}
