// Root lists (treatments, vocabularies) read in plain SQL (src/resolvers/listPage.ts), one page
// per statement, with the cursors and page info of Prisma cursor pagination so clients' cursors
// keep working. totalCount is counted only when asked.
import { prismaConnectionHelpers } from '@pothos/plugin-prisma';
import type { Context } from '../context.ts';
import type { ListPage } from '../resolvers/listPage.ts';
import type { SqlRow } from '../resolvers/sql.ts';
import { builder } from './builder.ts';
import { connectionSize } from './connections.ts';
import { type PageArgs, pageOf } from './links.ts';

interface ListOptions<Args> {
  /** Prisma model (for the cursor format) and GraphQL type of the nodes. */
  model: string;
  rows: (args: Args, ctx: Context, page: ListPage) => Promise<SqlRow[]>;
  count: (args: Args) => Promise<number>;
}

/** Resolvers for a root connection field: pass to `t.connection` with its type and arguments. */
export function listResolvers<Args extends PageArgs>(options: ListOptions<Args>) {
  // The generic model defeats Pothos' per-model typing; the shapes are checked by the tests.
  const helpers = prismaConnectionHelpers(builder, options.model as 'Treatment', {
    cursor: 'id',
    ...connectionSize,
    resolveNode: (row) => row,
  });
  return {
    resolve: async (_root: unknown, args: Args, ctx: Context) => ({
      ...helpers.resolve((await options.rows(args, ctx, pageOf(args))) as never, args as never, ctx as never),
      args,
    }),
    totalCount: (connection: { args: Args }) => options.count(connection.args),
  };
}
