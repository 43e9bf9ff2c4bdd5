// Root lists (treatments, vocabularies) read in plain SQL (src/resolvers/listPage.ts), one page
// per statement, with the cursors and page info of Prisma cursor pagination so clients' cursors
// keep working. totalCount is counted only when asked.
import type { Context } from '../context.ts';
import type { ListPage } from '../resolvers/listPage.ts';
import type { SqlRow } from '../resolvers/sql.ts';
import { type PageArgs, pageOf } from './links.ts';
import { checkPageArgs, wrapPage } from './pages.ts';

interface ListOptions<Args> {
  rows: (args: Args, ctx: Context, page: ListPage) => Promise<SqlRow[]>;
  count: (args: Args) => Promise<number>;
}

/** Resolvers for a root connection field: pass to `t.connection` with its type and arguments. */
export function listResolvers<Args extends PageArgs>(options: ListOptions<Args>) {
  return {
    resolve: async (_root: unknown, args: Args, ctx: Context) => {
      checkPageArgs(args);
      const page = pageOf(args);
      return { ...wrapPage(await options.rows(args, ctx, page), args, page.limit, (row) => row), args };
    },
    totalCount: (connection: { args: Args }) => options.count(connection.args),
  };
}
