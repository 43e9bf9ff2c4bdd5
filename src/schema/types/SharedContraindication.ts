import type { ContraindicationLink, SharedItem } from '../../resolvers/analytics.ts';
import { builder } from '../builder.ts';
import { contraindicationLinkFields } from '../contraindicationLink.ts';
import { INFORMATIONAL, SeverityEnum } from '../enums.ts';
import { objectFields } from '../selection.ts';
import { Contraindication } from './Contraindication.ts';
import { Treatment } from './Treatment.ts';

/** One treatment's side of a shared contraindication: its own link, severity and sources. */
const ContraindicationSide = builder.objectRef<ContraindicationLink>('ContraindicationSide').implement({
  description: `How one treatment's sources state a contraindication it shares with others. ${INFORMATIONAL}`,
  fields: (t) => ({
    treatment: t.field({
      type: Treatment,
      description: 'The treatment.',
      resolve: (l, _args, ctx, info) =>
        ctx.loaders.byId('Treatment').load(l.treatmentId, objectFields(info)) as never,
    }),
  }),
});
contraindicationLinkFields(
  ContraindicationSide,
  'The severity on this side (the strictest its sources state).',
);

export const SharedContraindication = builder.objectRef<SharedItem>('SharedContraindication').implement({
  description:
    'A contraindication several treatments have, with each side as its own sources state it: the same ' +
    `condition can be ABSOLUTE for one and a PRECAUTION for the other. ${INFORMATIONAL}`,
  fields: (t) => ({
    contraindication: t.field({
      type: Contraindication,
      description: 'The condition.',
      resolve: (s, _args, ctx, info) =>
        ctx.loaders.byId('Contraindication').load(s.contraindicationId, objectFields(info)) as never,
    }),
    sides: t.field({
      type: [ContraindicationSide],
      description: 'One entry per treatment, in the order the treatments were given (A then B for a pair).',
      resolve: (s) => s.sides,
    }),
    strictestSeverity: t.field({
      type: SeverityEnum,
      description: 'The strictest severity of the sides.',
      resolve: (s) => s.strictest,
    }),
    sameSourceSection: t.boolean({
      description:
        'True when every side cites the same source section for it: the overlap then repeats one ' +
        'paragraph (e.g. a fact copied onto variants), not independent sources agreeing.',
      // Through the request's citation loader: batched with the sides' `citations`, and no
      // statement at all for the overlap pages that do not ask.
      resolve: async (s, _args, ctx) => {
        const cited = await Promise.all(
          s.sides.map(async (side) => {
            const citations = await ctx.loaders.citationsOf('treatmentContraindicationId').load(side.id);
            return [...new Set(citations.map((c) => Number(c.sectionId)))].sort((a, b) => a - b).join(',');
          }),
        );
        return cited.every((c) => c === cited[0]);
      },
    }),
  }),
});
