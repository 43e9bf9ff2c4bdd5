import { db } from '../../db.ts';
import { NotFoundError } from '../../errors.ts';
import { builder } from '../builder.ts';
import { connectionSize } from '../connections.ts';

builder.queryFields((t) => ({
  treatment: t.prismaField({
    type: 'Treatment',
    description: 'One treatment by its slug (e.g. "prp-injection"). Errors with NOT_FOUND when unknown.',
    args: { slug: t.arg.string({ required: true, description: 'The treatment slug.' }) },
    resolve: async (query, _root, { slug }) => {
      const found = await db.treatment.findUnique({ ...query, where: { slug } });
      if (!found) throw new NotFoundError('treatment', `slug "${slug}"`);
      return found;
    },
  }),
  treatments: t.prismaConnection({
    type: 'Treatment',
    cursor: 'slug',
    ...connectionSize,
    description: 'All treatments, ordered by slug.',
    totalCount: () => db.treatment.count(),
    resolve: (query) => db.treatment.findMany({ ...query, orderBy: { slug: 'asc' } }),
  }),
}));
