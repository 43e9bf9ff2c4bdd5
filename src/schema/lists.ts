// Root lists (treatments, vocabularies) read in plain SQL (src/resolvers/listPage.ts), one page
// per statement, with the cursors and page info of Prisma cursor pagination so clients' cursors
// keep working. totalCount is counted only when asked.
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.ts';
import type { ListPage } from '../resolvers/listPage.ts';
import type { SqlRow } from '../resolvers/sql.ts';
import { type PageArgs, pageOf } from './links.ts';
import { checkPageArgs, wrapPage } from './pages.ts';
import { connectionFields } from './selection.ts';

interface ListOptions<Args> {
  /** `fields`: what the page's nodes select, so a row carries only the texts asked for. */
  rows: (args: Args, ctx: Context, page: ListPage, fields: ReadonlySet<string>) => Promise<SqlRow[]>;
  count: (args: Args) => Promise<number>;
}

/** Resolvers for a root connection field: pass to `t.connection` with its type and arguments. */
export function listResolvers<Args extends PageArgs>(options: ListOptions<Args>) {
  return {
    resolve: async (_root: unknown, args: Args, ctx: Context, info: GraphQLResolveInfo) => {
      checkPageArgs(args);
      const page = pageOf(args);
      const rows = await options.rows(args, ctx, page, connectionFields(info).node);
      return { ...wrapPage(rows, args, page.limit, (row) => row), args };
    },
    totalCount: (connection: { args: Args }) => options.count(connection.args),
  };
}
