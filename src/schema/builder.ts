// The one SchemaBuilder: its type parameters, plugins and their options, the root types. Nothing else.
import SchemaBuilder from '@pothos/core';
// Prisma plugin: declares object types over Prisma models and loads nested relations in the
// root query (no N+1). https://pothos-graphql.dev/docs/plugins/prisma
import PrismaPlugin from '@pothos/plugin-prisma';
// Relay plugin: Node interface, global ids, connections. https://pothos-graphql.dev/docs/plugins/relay
import RelayPlugin from '@pothos/plugin-relay';
import { config } from '../config.ts';
import type { Context } from '../context.ts';
import { db } from '../db.ts';
import type PrismaTypes from '../generated/pothos-types.ts';
import { getDatamodel } from '../generated/pothos-types.ts';

export const builder = new SchemaBuilder<{
  PrismaTypes: PrismaTypes;
  Context: Context;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
  };
  DefaultFieldNullability: false;
}>({
  defaultFieldNullability: false,
  plugins: [PrismaPlugin, RelayPlugin],
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
    nodeQueryOptions: { description: 'Fetches any object by its global id.' },
    nodesQueryOptions: {
      description: 'Fetches objects by their global ids, in order (null for unknown ids).',
    },
    pageInfoTypeOptions: { description: 'Where a page sits in its connection.' },
  },
});

builder.queryType({ description: 'Read access to the aesthetic-treatment knowledge graph.' });
