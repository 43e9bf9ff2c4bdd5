// Lookups by slug and filtered lists for every vocabulary kind, sources and jurisdictions.
import { db } from '../../db.ts';
import { NotFoundError } from '../../errors.ts';
import { type VocabularyModel, vocabularyKinds } from '../../model/kinds.ts';
import { vocabularyOrder, vocabularyWhere } from '../../resolvers/vocabulary.ts';
import { builder, readScope } from '../builder.ts';
import { connectionSize } from '../connections.ts';
import { VocabularyFilterInput, VocabularyOrderInput } from '../inputs/TreatmentFilter.ts';
import { ActiveIngredient } from '../types/ActiveIngredient.ts';
import { BodyArea } from '../types/BodyArea.ts';
import { Contraindication } from '../types/Contraindication.ts';
import { Indication } from '../types/Indication.ts';
import { Jurisdiction } from '../types/Jurisdiction.ts';
import { SideEffect } from '../types/SideEffect.ts';
import { Source } from '../types/Source.ts';
import { Technique } from '../types/Technique.ts';

interface Delegate {
  findUnique(args: object): Promise<unknown>;
  findMany(args: object): Promise<unknown[]>;
  count(args: object): Promise<number>;
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
  const delegate = (db as unknown as Record<string, Delegate>)[one] as Delegate;
  builder.queryFields((t) => ({
    [one]: t.field({
      authScopes: readScope,
      type: vocabularyRefs[model],
      description: `One ${noun} by its slug. Errors with NOT_FOUND when unknown.${note}`,
      args: { slug: t.arg.string({ required: true, description: `The ${noun} slug.` }) },
      // A plain row, like every node: its relations come from the request's loaders.
      resolve: async (_root, { slug }, ctx) => {
        const found = await ctx.loaders.byKey(model, 'slug').load(slug);
        if (!found) throw new NotFoundError(noun, `slug "${slug}"`);
        return found as never;
      },
    }),
    [many]: t.prismaConnection({
      authScopes: readScope,
      type: model as 'Technique',
      cursor: 'id',
      ...connectionSize,
      description: `Every ${noun}, filtered and ordered (by slug unless told otherwise).${note}`,
      args: {
        filter: t.arg({ type: VocabularyFilterInput, required: false, description: 'Conditions to meet.' }),
        orderBy: t.arg({ type: VocabularyOrderInput, required: false, description: 'Sort order.' }),
      },
      resolve: async (query, _root, args, ctx) =>
        (await delegate.findMany({
          ...query,
          where: vocabularyWhere(args.filter),
          orderBy: vocabularyOrder(args.orderBy as never, ctx.locale),
        })) as never,
      totalCount: (_root, args) => delegate.count({ where: vocabularyWhere(args.filter) }),
    }),
  }));
}

builder.queryFields((t) => ({
  source: t.field({
    authScopes: readScope,
    type: Source,
    description: 'One source document by its slug. Errors with NOT_FOUND when unknown.',
    args: { slug: t.arg.string({ required: true, description: 'The source slug.' }) },
    resolve: async (_root, { slug }, ctx) => {
      const found = await ctx.loaders.byKey('Source', 'slug').load(slug);
      if (!found) throw new NotFoundError('source', `slug "${slug}"`);
      return found as never;
    },
  }),
  sources: t.prismaConnection({
    authScopes: readScope,
    type: 'Source',
    cursor: 'id',
    ...connectionSize,
    description: 'Every source document, by file name.',
    resolve: (query) => db.source.findMany({ ...query, orderBy: [{ fileName: 'asc' }, { id: 'asc' }] }),
    totalCount: () => db.source.count(),
  }),
  jurisdiction: t.field({
    authScopes: readScope,
    type: Jurisdiction,
    description:
      'One jurisdiction by its ISO 3166-1 alpha-2 code (e.g. "FR"). Errors with NOT_FOUND when unknown.',
    args: { code: t.arg.string({ required: true, description: 'ISO 3166-1 alpha-2 code.' }) },
    resolve: async (_root, { code }, ctx) => {
      const found = await ctx.loaders.byKey('Jurisdiction', 'code').load(code.toUpperCase());
      if (!found) throw new NotFoundError('jurisdiction', `code "${code}"`);
      return found as never;
    },
  }),
  jurisdictions: t.prismaConnection({
    authScopes: readScope,
    type: 'Jurisdiction',
    cursor: 'id',
    ...connectionSize,
    description: 'Every jurisdiction, by code.',
    resolve: (query) => db.jurisdiction.findMany({ ...query, orderBy: [{ code: 'asc' }, { id: 'asc' }] }),
    totalCount: () => db.jurisdiction.count(),
  }),
  authorities: t.prismaConnection({
    authScopes: readScope,
    type: 'Authority',
    cursor: 'id',
    ...connectionSize,
    description: 'Every regulator, by slug.',
    resolve: (query) => db.authority.findMany({ ...query, orderBy: [{ slug: 'asc' }, { id: 'asc' }] }),
    totalCount: () => db.authority.count(),
  }),
}));
