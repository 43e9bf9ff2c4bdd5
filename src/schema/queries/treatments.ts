import { db } from '../../db.ts';
import { NotFoundError } from '../../errors.ts';
import { treatmentOrder, treatmentWhere } from '../../resolvers/treatments.ts';
import { builder, readScope } from '../builder.ts';
import { connectionSize } from '../connections.ts';
import { TreatmentFilterInput, TreatmentOrderInput } from '../inputs/TreatmentFilter.ts';
import { Treatment } from '../types/Treatment.ts';

builder.queryFields((t) => ({
  treatment: t.field({
    authScopes: readScope,
    type: Treatment,
    description: 'One treatment by its slug (e.g. "prp-injection"). Errors with NOT_FOUND when unknown.',
    args: { slug: t.arg.string({ required: true, description: 'The treatment slug.' }) },
    // A plain row, like every node: its relations come from the request's loaders.
    resolve: async (_root, { slug }, ctx) => {
      const found = await ctx.loaders.byKey('Treatment', 'slug').load(slug);
      if (!found) throw new NotFoundError('treatment', `slug "${slug}"`);
      return found as never;
    },
  }),
  treatments: t.prismaConnection(
    {
      authScopes: readScope,
      type: 'Treatment',
      cursor: 'id',
      ...connectionSize,
      description:
        'Treatments, filtered and ordered (by slug unless told otherwise). 20 per page, at most 100.',
      args: {
        filter: t.arg({ type: TreatmentFilterInput, required: false, description: 'Conditions to meet.' }),
        orderBy: t.arg({ type: TreatmentOrderInput, required: false, description: 'Sort order.' }),
      },
      resolve: async (query, _root, args, ctx) =>
        db.treatment.findMany({
          ...query,
          where: await treatmentWhere(args.filter),
          orderBy: treatmentOrder(args.orderBy as never, ctx.locale),
        }),
      totalCount: async (_root, args) => db.treatment.count({ where: await treatmentWhere(args.filter) }),
    },
    {
      description: 'A page of treatments.',
    },
  ),
}));
