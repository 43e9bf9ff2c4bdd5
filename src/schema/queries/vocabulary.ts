// Lookups by slug and filtered lists for every vocabulary kind, sources and jurisdictions.
import { NotFoundError } from '../../errors.ts';
import { type VocabularyModel, vocabularyKinds } from '../../model/kinds.ts';
import { listCount, listRows } from '../../resolvers/listPage.ts';
import { ident } from '../../resolvers/sql.ts';
import { closestKeys } from '../../resolvers/suggest.ts';
import { type VocabularyFilter, vocabularyOrder, vocabularyWhere } from '../../resolvers/vocabulary.ts';
import { builder, readScope } from '../builder.ts';
import { VocabularyFilterInput, VocabularyOrderInput } from '../inputs/TreatmentFilter.ts';
import type { PageArgs } from '../links.ts';
import { listResolvers } from '../lists.ts';
import { objectFields } from '../selection.ts';
import { ActiveIngredient } from '../types/ActiveIngredient.ts';
import { Authority } from '../types/Authority.ts';
import { BodyArea } from '../types/BodyArea.ts';
import { Contraindication } from '../types/Contraindication.ts';
import { Indication } from '../types/Indication.ts';
import { Jurisdiction } from '../types/Jurisdiction.ts';
import { SideEffect } from '../types/SideEffect.ts';
import { Source } from '../types/Source.ts';
import { Technique } from '../types/Technique.ts';

interface VocabularyListArgs extends PageArgs {
  filter?: VocabularyFilter | null;
  orderBy?: { field: 'NAME' | 'SLUG'; direction?: 'ASC' | 'DESC' | null } | null;
}

/** The GraphQL type of each vocabulary model. */
const vocabularyRefs = {
  Technique,
  ActiveIngredient,
  Indication,
  Contraindication,
  SideEffect,
  BodyArea,
} satisfies Record<VocabularyModel, unknown>;

/** Short notice on safety-relevant lists and lookups. */
const notice = ' Informational data; no substitute for a practitioner’s judgement.';

for (const { model, one, many, noun, link } of vocabularyKinds) {
  const note = link.informational ? notice : '';
  const list = listResolvers<VocabularyListArgs>({
    rows: (args, ctx, page, fields) =>
      listRows(model, vocabularyWhere(args.filter), vocabularyOrder(args.orderBy, ctx.locale), page, fields),
    count: (args) => listCount(model, vocabularyWhere(args.filter)),
  });
  builder.queryFields((t) => ({
    [one]: t.field({
      authScopes: readScope,
      type: vocabularyRefs[model],
      description: `One ${noun} by its slug. Errors with NOT_FOUND when unknown.${note}`,
      args: { slug: t.arg.string({ required: true, description: `The ${noun} slug.` }) },
      // A plain row, like every node: its relations come from the request's loaders.
      resolve: async (_root, { slug }, ctx, info) => {
        const found = await ctx.loaders.byKey(model, 'slug').load(slug, objectFields(info));
        if (!found) throw new NotFoundError(noun, `slug "${slug}"`, await closestKeys(model, slug));
        return found as never;
      },
    }),
    [many]: t.connection(
      {
        authScopes: readScope,
        type: vocabularyRefs[model],
        description: `Every ${noun}, filtered and ordered (by slug unless told otherwise).${note}`,
        args: {
          filter: t.arg({ type: VocabularyFilterInput, required: false, description: 'Conditions to meet.' }),
          orderBy: t.arg({ type: VocabularyOrderInput, required: false, description: 'Sort order.' }),
        },
        resolve: list.resolve as never,
      },
      {
        fields: (c) => ({
          totalCount: c.int({
            description: 'Number of items in the whole connection, across all pages.',
            resolve: list.totalCount as never,
          }),
        }),
      },
    ),
  }));
}

const plainLists = new Map<string, ReturnType<typeof listResolvers<PageArgs>>>();

/** A short unfiltered list of `model` by one column, then id (one resolver pair per model). */
function plainList(model: string, column: string) {
  let list = plainLists.get(model);
  if (!list) {
    const order = { descending: false, sortValue: (alias: string) => `${alias}.${ident(column)}` };
    const all = { conditions: [], params: [] };
    list = listResolvers<PageArgs>({
      rows: (_args, _ctx, page, fields) => listRows(model, all, order, page, fields),
      count: () => listCount(model, all),
    });
    plainLists.set(model, list);
  }
  return list;
}

builder.queryFields((t) => ({
  source: t.field({
    authScopes: readScope,
    type: Source,
    description: 'One source document by its slug. Errors with NOT_FOUND when unknown.',
    args: { slug: t.arg.string({ required: true, description: 'The source slug.' }) },
    resolve: async (_root, { slug }, ctx, info) => {
      const found = await ctx.loaders.byKey('Source', 'slug').load(slug, objectFields(info));
      if (!found) throw new NotFoundError('source', `slug "${slug}"`, await closestKeys('Source', slug));
      return found as never;
    },
  }),
  sources: t.connection(
    {
      authScopes: readScope,
      type: Source,
      description: 'Every source document, by file name.',
      resolve: plainList('Source', 'fileName').resolve as never,
    },
    {
      fields: (c) => ({
        totalCount: c.int({
          description: 'Number of items in the whole connection, across all pages.',
          resolve: plainList('Source', 'fileName').totalCount as never,
        }),
      }),
    },
  ),
  jurisdiction: t.field({
    authScopes: readScope,
    type: Jurisdiction,
    description:
      'One jurisdiction by its ISO 3166-1 alpha-2 code (e.g. "FR"). Errors with NOT_FOUND when unknown.',
    args: { code: t.arg.string({ required: true, description: 'ISO 3166-1 alpha-2 code.' }) },
    resolve: async (_root, { code }, ctx, info) => {
      const found = await ctx.loaders
        .byKey('Jurisdiction', 'code')
        .load(code.toUpperCase(), objectFields(info));
      if (!found) {
        throw new NotFoundError(
          'jurisdiction',
          `code "${code}"`,
          await closestKeys('Jurisdiction', code, 'code'),
        );
      }
      return found as never;
    },
  }),
  jurisdictions: t.connection(
    {
      authScopes: readScope,
      type: Jurisdiction,
      description: 'Every jurisdiction, by code.',
      resolve: plainList('Jurisdiction', 'code').resolve as never,
    },
    {
      fields: (c) => ({
        totalCount: c.int({
          description: 'Number of items in the whole connection, across all pages.',
          resolve: plainList('Jurisdiction', 'code').totalCount as never,
        }),
      }),
    },
  ),
  authorities: t.connection(
    {
      authScopes: readScope,
      type: Authority,
      description: 'Every regulator, by slug.',
      resolve: plainList('Authority', 'slug').resolve as never,
    },
    {
      fields: (c) => ({
        totalCount: c.int({
          description: 'Number of items in the whole connection, across all pages.',
          resolve: plainList('Authority', 'slug').totalCount as never,
        }),
      }),
    },
  ),
}));
