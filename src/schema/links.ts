// Connections over join rows: the edge is the link (with its citations, note, severity…) and the
// node is the entity at the other end. The links of every parent on a level come from one plain SQL
// statement per link kind (src/resolvers/linkRows.ts, batched per request), with the node's columns
// joined in; prismaConnectionHelpers still gives the cursors and page info, so pages and cursors
// are the ones Prisma cursor pagination gave. https://pothos-graphql.dev/docs/plugins/prisma/connections
import { getConnectionPageSize } from '@pothos/core';
import { parsePrismaCursor, prismaConnectionHelpers } from '@pothos/plugin-prisma';
import type { Context, LocaleCode } from '../context.ts';
import { getDatamodel } from '../generated/pothos-types.ts';
import type { LinkRow, LinkSide } from '../resolvers/linkRows.ts';
import type { CitationOwnerColumn } from '../resolvers/loaders.ts';
import { pickLocalized } from '../resolvers/locale.ts';
import { builder } from './builder.ts';
import { connectionSize } from './connections.ts';
import { localeArg } from './localized.ts';
import { Citation } from './types/Citation.ts';

type JoinModel =
  | 'TreatmentTechnique'
  | 'TreatmentActiveIngredient'
  | 'TreatmentIndication'
  | 'TreatmentContraindication'
  | 'TreatmentSideEffect'
  | 'TreatmentBodyArea'
  | 'TreatmentComponent'
  | 'TreatmentCombination';

type Row = Record<string, unknown>;

const datamodel = getDatamodel().datamodel.models;

/** Helpers for one join model seen from one side: `node` is the relation to the other end. */
/** Join model → the citation column pointing at its rows. */
const citationColumn: Record<JoinModel, CitationOwnerColumn> = {
  TreatmentTechnique: 'treatmentTechniqueId',
  TreatmentActiveIngredient: 'treatmentActiveIngredientId',
  TreatmentIndication: 'treatmentIndicationId',
  TreatmentContraindication: 'treatmentContraindicationId',
  TreatmentSideEffect: 'treatmentSideEffectId',
  TreatmentBodyArea: 'treatmentBodyAreaId',
  TreatmentComponent: 'componentId',
  TreatmentCombination: 'combinationId',
};

export function linkHelpers(joinModel: JoinModel, node: string) {
  // Only the cursor format and the page wrapping are used: the rows come from the link loader.
  // The generic join model defeats Pothos' per-model typing; the shapes are checked by the tests.
  const helpers = prismaConnectionHelpers(builder, joinModel as 'TreatmentTechnique', {
    cursor: 'id',
    ...connectionSize,
    resolveNode: (link) => (link as unknown as Row)[node] as never,
  });
  // The join row's foreign key to the other side: the parent of the connection.
  const parentColumn = datamodel[joinModel]?.fields.find(
    (f) => f.kind === 'object' && f.name !== node && f.name !== 'citations',
  )?.relationFromFields?.[0] as string;
  const side: LinkSide = { joinModel, parentColumn, nodeRelation: node };
  return Object.assign(helpers, { citationColumn: citationColumn[joinModel], side });
}

export type LinkHelpers = ReturnType<typeof linkHelpers>;

/** A localised text field on an edge, read from `<prefix>Fr` / `<prefix>En` of the link. */
// biome-ignore lint/suspicious/noExplicitAny: the edge field builder of a generated edge type
export const edgeText = (edge: any, prefix: string, description: string) =>
  edge.string({
    description,
    nullable: true,
    args: localeArg(),
    resolve: (link: Row, args: { locale?: LocaleCode | null }, ctx: Context) =>
      pickLocalized(link as never, prefix, args.locale ?? ctx.locale).text,
  });

interface LinkFieldOptions {
  helpers: LinkHelpers;
  type: unknown;
  description: string;
  // biome-ignore lint/suspicious/noExplicitAny: see above
  edgeFields?: (edge: any) => Record<string, unknown>;
}

interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

/**
 * The page Prisma cursor pagination (`cursor: { id }`, `skip: 1`, `take: ±(size + 1)`) returns,
 * cut from every link of the parent in id order: the extra row tells the helper there is more.
 */
function pageOf(links: LinkRow[], args: PageArgs): LinkRow[] {
  const { limit } = getConnectionPageSize({ args, ...connectionSize });
  const cursor = args.after ?? args.before;
  const after = cursor == null ? null : Number(parsePrismaCursor(cursor));
  if (args.before == null && args.last == null) {
    const start = after == null ? 0 : links.findIndex((l) => l.id > after);
    return start < 0 ? [] : links.slice(start, start + limit);
  }
  const end = after == null ? links.length : links.filter((l) => l.id < after).length;
  return links.slice(Math.max(0, end - limit), end);
}

/** The connection field for one side of a link, with citations on every edge. */
// biome-ignore lint/suspicious/noExplicitAny: the field builder of any Prisma object type
export function linkConnection(t: any, options: LinkFieldOptions) {
  const { helpers } = options;
  return t.connection(
    {
      type: options.type,
      description: options.description,
      // No `select`: the parent's id is always loaded, and the links come from the batch loader.
      resolve: async (parent: Row, args: PageArgs, ctx: Context) => {
        const links = await ctx.loaders.links(helpers.side).load(parent.id as number);
        return {
          ...helpers.resolve(pageOf(links, args) as never, args as never, ctx as never),
          totalCount: links.length,
        };
      },
    },
    {
      // biome-ignore lint/suspicious/noExplicitAny: connection field builder
      fields: (c: any) => ({
        totalCount: c.int({
          description: 'Number of items in the whole connection, across all pages.',
          resolve: (conn: { totalCount: number }) => conn.totalCount,
        }),
      }),
    },
    {
      // biome-ignore lint/suspicious/noExplicitAny: edge field builder
      fields: (edge: any) => ({
        citations: edge.field({
          type: [Citation],
          description: 'Where the sources state this link.',
          // Loaded only when asked for, in one batch per link kind (not with every page of links).
          resolve: (link: Row, _args: unknown, ctx: Context) =>
            ctx.loaders.citationsOf(helpers.citationColumn).load(link.id as number),
        }),
        ...(options.edgeFields?.(edge) ?? {}),
      }),
    },
  );
}
