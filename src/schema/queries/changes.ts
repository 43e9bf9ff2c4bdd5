import { PageSizeError } from '../../errors.ts';
import { changesPage } from '../../resolvers/changes.ts';
import { builder, readScope } from '../builder.ts';
import { ChangeFeed } from '../types/Change.ts';

const MAX_CHANGES = 500;

builder.queryFields((t) => ({
  changes: t.field({
    authScopes: readScope,
    type: ChangeFeed,
    description:
      'The change feed, for mirrors (CMSs): without `after`, a full sync of every entity; then, from the returned `cursor`, every create, update and delete (tombstones included) in commit order. Poll with the last cursor; on a RESET entry, start again without one.',
    args: {
      after: t.arg.string({ required: false, description: 'The `cursor` of the previous page.' }),
      first: t.arg.int({
        required: false,
        defaultValue: 100,
        description: `How many entries (default 100, at most ${MAX_CHANGES}).`,
      }),
    },
    resolve: (_root, { after, first }) => {
      const size = first ?? 100;
      if (size < 0 || size > MAX_CHANGES) throw new PageSizeError('first', size, MAX_CHANGES);
      return changesPage(after, size);
    },
  }),
}));
