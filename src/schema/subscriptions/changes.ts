// `subscription { changes(after:) }`: the change feed pushed as it commits, over Server-Sent Events
// (`Accept: text/event-stream`, Yoga's built-in transport); across API processes through Redis.
import { config } from '../../config.ts';
import { changeStream } from '../../resolvers/changeStream.ts';
import type { FeedPage } from '../../resolvers/changes.ts';
import { builder, readScope } from '../builder.ts';
import { ChangeFeed } from '../types/Change.ts';

builder.subscriptionFields((t) => ({
  changes: t.field({
    authScopes: readScope,
    type: ChangeFeed,
    description:
      'The change feed as it happens: each event is the entries committed since the previous one (at most 500; a burst comes as several events), in commit order, with the `cursor` to resume from (with this subscription or the `changes` query). Without `after`, from now on; pass the last cursor of a full sync to miss nothing.',
    args: {
      after: t.arg.string({
        required: false,
        description: 'A `cursor` of `changes` once its full sync is done.',
      }),
    },
    subscribe: (_root, { after }) => changeStream(after, config.CHANGES_POLL_MS),
    resolve: (page: FeedPage) => page,
  }),
}));
