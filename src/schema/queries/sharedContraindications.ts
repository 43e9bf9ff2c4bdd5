import { contraindicationsById, sharedContraindicationIds } from '../../resolvers/analytics.ts';
import { builder, readScope } from '../builder.ts';
import { INFORMATIONAL } from '../enums.ts';
import { Contraindication } from '../types/Contraindication.ts';

builder.queryField('sharedContraindications', (t) =>
  t.field({
    authScopes: readScope,
    type: [Contraindication],
    description: `The contraindications common to all the given treatments, by slug. ${INFORMATIONAL}`,
    args: {
      treatments: t.arg.stringList({
        required: true,
        description: 'Treatment slugs (at least one). Unknown slugs are an error listing them.',
      }),
    },
    resolve: async (_root, args) =>
      (await contraindicationsById(await sharedContraindicationIds(args.treatments))) as never,
  }),
);
