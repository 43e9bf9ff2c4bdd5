import {
  contraindicationsById,
  sharedContraindicationIds,
  sharedContraindicationItems,
} from '../../resolvers/analytics.ts';
import { builder, readScope } from '../builder.ts';
import { INFORMATIONAL } from '../enums.ts';
import { Contraindication } from '../types/Contraindication.ts';
import { SharedContraindication } from '../types/SharedContraindication.ts';

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

builder.queryField('sharedContraindicationDetails', (t) =>
  t.field({
    authScopes: readScope,
    type: [SharedContraindication],
    description:
      'The contraindications common to all the given treatments, by slug, each with its severity, note ' +
      "and citations on each treatment's side (a condition can be ABSOLUTE for one and a PRECAUTION for " +
      `another), and whether every side cites the same source section. ${INFORMATIONAL}`,
    args: {
      treatments: t.arg.stringList({
        required: true,
        description: 'Treatment slugs (at least one). Unknown slugs are an error listing them.',
      }),
    },
    resolve: (_root, args) => sharedContraindicationItems(args.treatments),
  }),
);
