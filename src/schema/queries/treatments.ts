import { db } from '../../db.ts';
import { NotFoundError } from '../../errors.ts';
import { treatmentOrder, treatmentWhere } from '../../resolvers/treatments.ts';
import { builder, readScope } from '../builder.ts';
import { connectionSize } from '../connections.ts';
import { TreatmentFilterInput, TreatmentOrderInput } from '../inputs/TreatmentFilter.ts';

builder.queryFields((t) => ({
  treatment: t.prismaField({
    authScopes: readScope,
    type: 'Treatment',
    description: 'One treatment by its slug (e.g. "prp-injection"). Errors with NOT_FOUND when unknown.',
    args: { slug: t.arg.string({ required: true, description: 'The treatment slug.' }) },
    resolve: async (query, _root, { slug }) => {
      const found = await db.treatment.findUnique({ ...query, where: { slug } });
      if (!found) throw new NotFoundError('treatment', `slug "${slug}"`);
      return found;
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
