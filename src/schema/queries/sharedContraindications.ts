import { db } from '../../db.ts';
import { sharedContraindicationIds } from '../../resolvers/analytics.ts';
import { builder, readScope } from '../builder.ts';
import { INFORMATIONAL } from '../enums.ts';

builder.queryField('sharedContraindications', (t) =>
  t.prismaField({
    authScopes: readScope,
    type: ['Contraindication'],
    description: `The contraindications common to all the given treatments, by slug. ${INFORMATIONAL}`,
    args: {
      treatments: t.arg.stringList({
        required: true,
        description: 'Treatment slugs (at least one). Unknown slugs are an error listing them.',
      }),
    },
    resolve: async (query, _root, args) => {
      const ids = await sharedContraindicationIds(args.treatments);
      return db.contraindication.findMany({ ...query, where: { id: { in: ids } }, orderBy: { slug: 'asc' } });
    },
  }),
);
