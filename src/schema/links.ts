// Connections over join rows: the edge is the link (with its citations, note, severity…) and the
// node is the entity at the other end. Built on prismaConnectionHelpers so each relation level is
// one statement whatever the page size. https://pothos-graphql.dev/docs/plugins/prisma/connections
import { prismaConnectionHelpers } from '@pothos/plugin-prisma';
import type { Context, LocaleCode } from '../context.ts';
import { getDatamodel } from '../generated/pothos-types.ts';
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

/**
 * Every scalar column of the model at the other end of `joinModel.relation`: nodes reached through
 * a link are loaded with `select`, and fields exposed from columns must find them there.
 */
function nodeColumns(joinModel: JoinModel, relation: string): Record<string, true> {
  const target = datamodel[joinModel]?.fields.find((f) => f.name === relation)?.type;
  const fields = (target && datamodel[target]?.fields) || [];
  return Object.fromEntries(
    fields.filter((f) => f.kind === 'scalar' || f.kind === 'enum').map((f) => [f.name, true]),
  );
}

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

export function linkHelpers(joinModel: JoinModel, node: string, extra: Record<string, true> = {}) {
  const columns = nodeColumns(joinModel, node);
  // The generic join model defeats Pothos' per-model typing; the shapes are checked by the tests.
  const helpers = prismaConnectionHelpers(builder, joinModel as 'TreatmentTechnique', {
    cursor: 'id',
    ...connectionSize,
    query: { orderBy: { id: 'asc' } },
    select: (nodeSelection) =>
      ({ ...extra, [node]: nodeSelection({ select: columns }) }) as unknown as {
        technique: true;
      },
    resolveNode: (link) => (link as unknown as Row)[node] as never,
  });
  // The join row's foreign key to the other side: the parent of the connection.
  const parentColumn = datamodel[joinModel]?.fields.find(
    (f) => f.kind === 'object' && f.name !== node && f.name !== 'citations',
  )?.relationFromFields?.[0] as string;
  const model = joinModel.charAt(0).toLowerCase() + joinModel.slice(1);
  return Object.assign(helpers, { citationColumn: citationColumn[joinModel], parentColumn, model });
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

/** The nested-selection callback Pothos hands a field's `select` (path or explicit include). */
type NestedSelection = (
  selection: unknown,
  include: { getType: () => string; paths: Array<Array<{ name: string }>> },
) => unknown;

/** Where a connection's nodes appear in a query: `nodes` and `edges.node`. */
const connectionNodePaths = [[{ name: 'nodes' }], [{ name: 'edges' }, { name: 'node' }]];

interface LinkFieldOptions {
  relation: string;
  helpers: LinkHelpers;
  type: unknown;
  description: string;
  // biome-ignore lint/suspicious/noExplicitAny: see above
  edgeFields?: (edge: any) => Record<string, unknown>;
}

/** The connection field for one relation of a Prisma object, with citations on every edge. */
// biome-ignore lint/suspicious/noExplicitAny: the field builder of any Prisma object type
export function linkConnection(t: any, options: LinkFieldOptions) {
  const { relation, helpers } = options;
  return t.connection(
    {
      type: options.type,
      description: options.description,
      // No `_count` here: Prisma computes it by aggregating the whole join table on every query.
      // The helper asks for the node's selection under `edges.node` only; a client reading
      // `nodes` would then get nodes the plugin does not know are loaded, and it would reload
      // each of them by slug (one more statement per link kind). Asking for both paths maps the
      // node selection of `nodes` and `edges.node` onto the same join-row select.
      select: (args: never, ctx: never, nested: NestedSelection) => ({
        id: true,
        [relation]: helpers.getQuery(args, ctx, ((selection: unknown) =>
          nested(selection, { getType: () => options.type as string, paths: connectionNodePaths })) as never),
      }),
      resolve: (parent: Row, args: never, ctx: never) => ({
        ...helpers.resolve(parent[relation] as never, args, ctx),
        parentId: parent.id,
      }),
    },
    {
      // biome-ignore lint/suspicious/noExplicitAny: connection field builder
      fields: (c: any) => ({
        totalCount: c.int({
          description: 'Number of items in the whole connection, across all pages.',
          resolve: (conn: { parentId: number }, _args: unknown, ctx: Context) =>
            ctx.loaders.linkCount(helpers.model, helpers.parentColumn).load(conn.parentId),
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
