// The GraphQL-over-HTTP spec, as audited by the graphql-http package: every MUST audit passes, and
// every SHOULD/MAY audit too.
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Running, startApp } from '../helpers/server.ts';

let server: Running;
beforeAll(async () => {
  server = await startApp();
});
afterAll(() => server.close());

describe('graphql-http server audits', () => {
  for (const audit of serverAudits({ url: () => `${server.url}/graphql`, fetchFn: fetch })) {
    it(audit.name, async () => {
      const result = await audit.fn();
      expect(result, 'response' in result ? `${result.status}: ${result.reason}` : '').toMatchObject({
        status: 'ok',
      });
    });
  }
});
