import { brandWithType } from '@pothos/core';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { type FeedEntry, keyColumnOf } from '../../resolvers/changes.ts';
import { builder } from '../builder.ts';

export const ChangeOperationEnum = builder.enumType('ChangeOperation', {
  description: 'What happened to an entity.',
  values: {
    CREATE: { description: 'It was created (or, in a full sync, it exists).' },
    UPDATE: { description: 'It or one of its facts (links, claims, statuses, citations) changed.' },
    DELETE: { description: 'It was deleted: a tombstone, so a mirror can remove it.' },
    RESET: { description: 'The whole knowledge base was reloaded: start a full sync again (no cursor).' },
  } as const,
});

export const Change = builder.objectRef<FeedEntry>('Change').implement({
  description: 'One entry of the change feed: an entity that exists (full sync), or a change to one.',
  fields: (t) => ({
    seq: t.int({
      nullable: true,
      description: 'Position in the change log (monotonic, in commit order); null in a full sync.',
      resolve: (e) => e.seq,
    }),
    operation: t.field({
      type: ChangeOperationEnum,
      description: 'What happened.',
      resolve: (e) => e.operation,
    }),
    kind: t.exposeString('kind', {
      description:
        'The GraphQL type of the entity: Treatment, Contraindication, Source… ("Knowledge" for RESET).',
    }),
    slug: t.exposeString('key', { description: 'Its slug (its code, for a jurisdiction).' }),
    id: t.id({
      nullable: true,
      description: 'Its global id, also for a deleted entity; null for RESET.',
      resolve: (e) => (e.operation === 'RESET' ? null : encodeGlobalID(e.kind, e.key)),
    }),
    version: t.exposeInt('version', {
      description: 'Its version after this change (its last one, for DELETE).',
    }),
    at: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the change was committed (its last change, in a full sync).',
      resolve: (e) => e.at,
    }),
    node: t.field({
      type: builder.nodeInterfaceRef(),
      nullable: true,
      description:
        'The entity as it is now (null when it no longer exists): select its fields here to sync in one round trip.',
      resolve: async (e, _args, ctx) => {
        if (e.operation === 'RESET') return null;
        const row = await ctx.loaders.byKey(e.kind, keyColumnOf(e.kind)).load(e.key);
        if (!row) return null;
        brandWithType(row, e.kind as never);
        return row as never;
      },
    }),
  }),
});

export const ChangeFeed = builder
  .objectRef<{ entries: FeedEntry[]; cursor: string; hasMore: boolean; fullSync: boolean }>('ChangeFeed')
  .implement({
    description: 'A page of the change feed.',
    fields: (t) => ({
      changes: t.field({ type: [Change], description: 'In order.', resolve: (p) => p.entries }),
      cursor: t.exposeString('cursor', {
        description: 'Pass as `after` to get what follows: keep it, and resume from it next time.',
      }),
      hasMore: t.exposeBoolean('hasMore', {
        description: 'Whether more entries are available right now (else poll later with `cursor`).',
      }),
      fullSync: t.exposeBoolean('fullSync', {
        description: 'Whether this page is part of a full sync (entities as they are), not the change log.',
      }),
    }),
  });
