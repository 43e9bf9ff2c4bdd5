// Connections over join rows: the edge is the link (with its citations, note, severity…) and the
// node is the entity at the other end. Every link kind of the registry (src/model/kinds.ts) gets
// the same connection in both directions; its edge fields come from the join model's own columns.
// Pages are cut in SQL, one statement per link kind and page for every parent of a level
// (src/resolvers/linkRows.ts); cursors and page info are Prisma cursor pagination's
// (src/schema/pages.ts), so clients' cursors keep working.
// https://pothos-graphql.dev/docs/plugins/prisma/connections
import { getConnectionPageSize } from '@pothos/core';
import { parsePrismaCursor } from '@pothos/plugin-prisma';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context, LocaleCode } from '../context.ts';
import type { LinkKind } from '../model/kinds.ts';
import type { LinkPage, LinkSide, OwnedSide, PageColumns, PagedSide } from '../resolvers/linkRows.ts';
import { pageColumns, sideColumns } from '../resolvers/linkRows.ts';
import { localizedKeys, localizedText } from '../resolvers/locale.ts';
import { connectionSize } from './connections.ts';
import { SeverityEnum } from './enums.ts';
import { i18nField, localeArg } from './localized.ts';
import { checkPageArgs, wrapPage } from './pages.ts';
import { type ConnectionFields, connectionFields } from './selection.ts';
import { Citation } from './types/Citation.ts';

type Row = Record<string, unknown>;

/** A localised text field on an edge, read from `<prefix>Fr` / `<prefix>En` of the link. */
// biome-ignore lint/suspicious/noExplicitAny: the edge field builder of a generated edge type
export const edgeText = (edge: any, prefix: string, description: string) => {
  const keys = localizedKeys(prefix);
  return edge.string({
    description,
    nullable: true,
    args: localeArg(),
    resolve: (link: Row, args: { locale?: LocaleCode | null }, ctx: Context) =>
      localizedText(link, keys, args.locale ?? ctx.locale),
  });
};

/** What each data column of a join model means on an edge; a new column needs a line here. */
const edgeTexts: Record<string, string> = {
  note: 'What the sources say about this link.',
  frequency: 'How often, in the source’s words.',
  typicalDuration: 'How long it lasts, in the source’s words.',
};

/** The edge fields of a link kind: one per data column (localised pairs become `<prefix>` and `<prefix>I18n`). */
// biome-ignore lint/suspicious/noExplicitAny: the edge field builder of a generated edge type
function dataFields(edge: any, kind: LinkKind): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const column of kind.dataColumns) {
    if (column === 'severity') {
      fields.severity = edge.field({
        type: SeverityEnum,
        description:
          'How strongly the condition speaks against this treatment: the strictest severity its ' +
          'sources state (each citation carries its own source’s `severity`).',
        resolve: (link: { severity: string }) => link.severity,
      });
      continue;
    }
    const prefix = column.replace(/(Fr|En)$/, '');
    if (prefix === column || fields[prefix]) continue;
    const description = edgeTexts[prefix];
    if (!description) throw new Error(`links: no edge description for ${kind.joinModel}.${prefix}`);
    fields[prefix] = edgeText(edge, prefix, description);
    fields[`${prefix}I18n`] = i18nField(edge, prefix, prefix);
  }
  return fields;
}

export interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

/** The page Prisma cursor pagination (`cursor: { id }`, `skip: 1`, `take: ±(size + 1)`) returns. */
export function pageOf(args: PageArgs): LinkPage {
  const { limit } = getConnectionPageSize({ args, ...connectionSize });
  const cursor = args.after ?? args.before;
  return {
    limit,
    cursor: cursor == null ? null : Number(parsePrismaCursor(cursor)),
    backward: args.before != null || args.last != null,
  };
}

interface ConnectionOptions {
  type: string;
  description: string;
}

/**
 * A connection paged in SQL over a side (src/resolvers/linkRows.ts): the page for every parent of
 * a level in one statement, totalCount counted only when asked.
 */
function pagedConnection(
  // biome-ignore lint/suspicious/noExplicitAny: the field builder of any Prisma object type
  t: any,
  side: PagedSide,
  options: ConnectionOptions & {
    model: string;
    node: (row: Row) => unknown;
    /** The columns a selection needs (link sides); owned rows are their own nodes, read whole. */
    columns?: (info: GraphQLResolveInfo) => PageColumns;
  },
  // biome-ignore lint/suspicious/noExplicitAny: edge field builder
  edgeFields: (edge: any) => Record<string, unknown>,
) {
  return t.connection(
    {
      type: options.type,
      description: options.description,
      // No `select`: the parent's id is always loaded, and the rows come from the page loader.
      resolve: async (parent: Row, args: PageArgs, ctx: Context, info: GraphQLResolveInfo) => {
        checkPageArgs(args);
        const parentId = parent.id as number;
        const columns = options.columns?.(info) ?? null;
        const page = pageOf(args);
        const rows = await ctx.loaders.linkPage(side, page, columns).load(parentId);
        return { ...wrapPage(rows, args, page.limit, options.node), parentId };
      },
    },
    {
      // biome-ignore lint/suspicious/noExplicitAny: connection field builder
      fields: (c: any) => ({
        totalCount: c.int({
          description: 'Number of items in the whole connection, across all pages.',
          // Counted only when asked, one grouped statement per side for the whole level.
          resolve: (conn: { parentId: number }, _args: unknown, ctx: Context) =>
            ctx.loaders.linkCount(side).load(conn.parentId),
        }),
      }),
    },
    { fields: edgeFields },
  );
}

/** Column lists by selection, memoised: a selection belongs to one connection field, so one side. */
const columnLists = new WeakMap<ConnectionFields, PageColumns>();
function columnsFor(side: LinkSide, fields: ConnectionFields): PageColumns {
  let columns = columnLists.get(fields);
  if (columns === undefined) {
    columns = pageColumns(side, fields.edge, fields.node);
    columnLists.set(fields, columns);
  }
  return columns;
}

/** The connection field for one side of a link kind, with citations on every edge. */
// biome-ignore lint/suspicious/noExplicitAny: the field builder of any Prisma object type
export function linkConnection(t: any, side: LinkSide, options: ConnectionOptions) {
  const { relation } = sideColumns(side);
  return pagedConnection(
    t,
    side,
    {
      ...options,
      model: side.kind.joinModel,
      node: (link) => link[relation],
      columns: (info) => columnsFor(side, connectionFields(info)),
    },
    // biome-ignore lint/suspicious/noExplicitAny: edge field builder
    (edge: any) => ({
      citations: edge.field({
        type: [Citation],
        description: 'Where the sources state this link.',
        // Loaded only when asked for, in one batch per level (not with every page of links).
        resolve: (link: Row, _args: unknown, ctx: Context) =>
          ctx.loaders.citationsOf(side.kind.citationColumn).load(link.id as number),
      }),
      ...dataFields(edge, side.kind),
    }),
  );
}

/** The connection field over rows a parent owns (`table.parentColumn`), in (rank,) id order. */
export function ownedConnection(
  // biome-ignore lint/suspicious/noExplicitAny: the field builder of any Prisma object type
  t: any,
  owned: OwnedSide,
  options: ConnectionOptions,
) {
  return pagedConnection(t, owned, { ...options, model: owned.table, node: (row) => row }, () => ({}));
}
