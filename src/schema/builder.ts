// The one SchemaBuilder: its type parameters, plugins and their options, the root types. Nothing else.
import SchemaBuilder from '@pothos/core';
// Prisma plugin: declares object types over Prisma models and loads nested relations in the
// root query (no N+1). https://pothos-graphql.dev/docs/plugins/prisma
import PrismaPlugin from '@pothos/plugin-prisma';
// Relay plugin: Node interface, global ids, connections. https://pothos-graphql.dev/docs/plugins/relay
import RelayPlugin from '@pothos/plugin-relay';
// Scope auth: fields declare the scopes they need (read, write, admin); checked before resolvers.
// https://pothos-graphql.dev/docs/plugins/scope-auth
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { config } from '../config.ts';
import type { Context } from '../context.ts';
import { db } from '../db.ts';
import { ForbiddenError } from '../errors.ts';
import type PrismaTypes from '../generated/pothos-types.ts';
import { getDatamodel } from '../generated/pothos-types.ts';

export const builder = new SchemaBuilder<{
  PrismaTypes: PrismaTypes;
  Context: Context;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
  };
  DefaultFieldNullability: false;
  AuthScopes: { read: boolean; write: boolean; admin: boolean };
}>({
  defaultFieldNullability: false,
  // Relay first, so scope checks on node fields see parsed global ids.
  plugins: [RelayPlugin, ScopeAuthPlugin, PrismaPlugin],
  scopeAuth: {
    authScopes: (ctx) => ({
      read: ctx.auth.scopes.has('read'),
      write: ctx.auth.scopes.has('write'),
      admin: ctx.auth.scopes.has('admin'),
    }),
    unauthorizedError: (_parent, ctx, info) => {
      const held = [...ctx.auth.scopes].join(', ') || 'none';
      return new ForbiddenError(
        `\`${info.parentType.name}.${info.fieldName}\` needs a scope this client does not hold (it holds: ${held}).`,
      );
    },
  },
  prisma: {
    client: db,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    // A resolver that forgets to spread `query` would silently issue N+1 queries.
    onUnusedQuery: config.NODE_ENV === 'production' ? null : 'warn',
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodesOnConnection: true,
    nodeTypeOptions: { description: 'An object with a stable global id, fetchable with `node(id:)`.' },
    idFieldOptions: { description: 'Global id, stable across releases (derived from the slug or code).' },
    nodeQueryOptions: { description: 'Fetches any object by its global id.', authScopes: { read: true } },
    nodesQueryOptions: {
      description: 'Fetches objects by their global ids, in order (null for unknown ids).',
      authScopes: { read: true },
    },
    pageInfoTypeOptions: { description: 'Where a page sits in its connection.' },
  },
});

builder.queryType({ description: 'Read access to the aesthetic-treatment knowledge graph.' });
builder.mutationType({
  description:
    'Curation: changes to the knowledge, each one transaction with an audit entry and a change-feed entry. Needs the `write` scope.',
});

builder.subscriptionType({
  description:
    'Pushed over Server-Sent Events (send `Accept: text/event-stream`): the change feed as it commits.',
});

/** What every read field of Query requires (`authScopes: readScope`). */
export const readScope = { read: true } as const;
/** What curation mutations require. */
export const writeScope = { write: true } as const;
/** What deletes of shared things and the audit trail require. */
export const adminScope = { admin: true } as const;
