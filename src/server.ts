import { createServer, type Server } from 'node:http';
import { yoga } from './yoga.ts';

export function startServer(port: number): Promise<Server> {
  const server = createServer(yoga);
  return new Promise((resolve) => server.listen(port, () => resolve(server)));
}
