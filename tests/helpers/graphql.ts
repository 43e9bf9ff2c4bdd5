// Talks to the API the way clients do: HTTP semantics through yoga.fetch, no port.
import { createApiKey } from '../../src/auth/keys.ts';
import type { Scope } from '../../src/auth/scopes.ts';
import { config } from '../../src/config.ts';
import { db } from '../../src/db.ts';
import { createApp } from '../../src/server.ts';

/** The API as configured by the environment, without a port. */
export const app = createApp(config);
export const yoga = app.yoga;

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }>;
  /** `meta`: data version, last updated, disclaimer, licence (src/http/plugins/responseMetadata.ts). */
  extensions?: Record<string, unknown>;
  headers: Headers;
}

export async function gql<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await yoga.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Pick<GraphQLResponse<T>, 'data' | 'errors' | 'extensions'>;
  return { status: response.status, headers: response.headers, ...body };
}

/** The data of a query that must succeed; fails the test with the errors otherwise. */
export async function data<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<T> {
  const result = await gql<T>(query, variables, headers);
  if (result.errors?.length || !result.data) {
    throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
  }
  return result.data;
}

/** Headers of a new API key named `name` with `read` and `scopes` (created in this file's database). */
export async function keyHeaders(name: string, ...scopes: Scope[]): Promise<Record<string, string>> {
  const { key } = await createApiKey(db, name, ['read', ...scopes]);
  return { authorization: `Bearer ${key}` };
}
