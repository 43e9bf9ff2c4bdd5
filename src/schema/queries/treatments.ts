import { NotFoundError } from '../../errors.ts';
import { closestKeys } from '../../resolvers/suggest.ts';
import {
  type TreatmentFilterInput,
  type TreatmentOrderField,
  treatmentCount,
  treatmentOrder,
  treatmentRows,
} from '../../resolvers/treatments.ts';
import { builder, readScope } from '../builder.ts';
import {
  TreatmentFilterInput as TreatmentFilterRef,
  TreatmentOrderInput,
} from '../inputs/TreatmentFilter.ts';
import type { PageArgs } from '../links.ts';
import { listResolvers } from '../lists.ts';
import { objectFields } from '../selection.ts';
import { Treatment } from '../types/Treatment.ts';

interface TreatmentListArgs extends PageArgs {
  filter?: TreatmentFilterInput | null;
  orderBy?: { field: TreatmentOrderField; direction?: 'ASC' | 'DESC' | null } | null;
}

const list = listResolvers<TreatmentListArgs>({
  rows: (args, ctx, page, fields) =>
    treatmentRows(args.filter, treatmentOrder(args.orderBy, ctx.locale), page, fields),
  count: (args) => treatmentCount(args.filter),
});

builder.queryFields((t) => ({
  treatment: t.field({
    authScopes: readScope,
    type: Treatment,
    description: 'One treatment by its slug (e.g. "prp-injection"). Errors with NOT_FOUND when unknown.',
    args: { slug: t.arg.string({ required: true, description: 'The treatment slug.' }) },
    // A plain row, like every node: its relations come from the request's loaders.
    resolve: async (_root, { slug }, ctx, info) => {
      const found = await ctx.loaders.byKey('Treatment', 'slug').load(slug, objectFields(info));
      if (!found)
        throw new NotFoundError('treatment', `slug "${slug}"`, await closestKeys('Treatment', slug));
      return found as never;
    },
  }),
  treatments: t.connection(
    {
      authScopes: readScope,
      type: Treatment,
      description:
        'Treatments, filtered and ordered (by slug unless told otherwise). 20 per page, at most 100.',
      args: {
        filter: t.arg({ type: TreatmentFilterRef, required: false, description: 'Conditions to meet.' }),
        orderBy: t.arg({ type: TreatmentOrderInput, required: false, description: 'Sort order.' }),
      },
      resolve: list.resolve as never,
    },
    {
      description: 'A page of treatments.',
      fields: (c) => ({
        totalCount: c.int({
          description: 'Number of items in the whole connection, across all pages.',
          resolve: list.totalCount as never,
        }),
      }),
    },
  ),
}));
