import { type ScreeningMatch, type ScreeningRow, screen } from '../../resolvers/screening.ts';
import { builder, readScope } from '../builder.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../connections.ts';
import { contraindicationLinkFields } from '../contraindicationLink.ts';
import { INFORMATIONAL, SeverityEnum } from '../enums.ts';
import { objectFields } from '../selection.ts';
import { Contraindication } from '../types/Contraindication.ts';
import { Treatment } from '../types/Treatment.ts';

const ScreeningMatchRef = builder.objectRef<ScreeningMatch>('ScreeningMatch').implement({
  description: `A given condition that contraindicates a treatment. ${INFORMATIONAL}`,
  fields: (t) => ({
    contraindication: t.field({
      type: Contraindication,
      description: 'The condition.',
      resolve: (m, _args, ctx, info) =>
        ctx.loaders.byId('Contraindication').load(m.contraindicationId, objectFields(info)) as never,
    }),
  }),
});
contraindicationLinkFields(ScreeningMatchRef, 'How strongly it speaks against the treatment.');

const ScreeningStatus = builder.enumType('ScreeningStatus', {
  description: `What screening can say about one treatment for the given conditions. ${INFORMATIONAL}`,
  values: {
    CONTRAINDICATED: {
      description: 'Its sources list at least one of the given conditions as a contraindication.',
    },
    NONE_OF_THESE_DOCUMENTED: {
      description:
        'Its sources list contraindications, none of them among the given conditions. Not a clearance: ' +
        'sources can be incomplete.',
    },
    NO_CONTRAINDICATIONS_DOCUMENTED: {
      description:
        'Its sources list no contraindication at all, so the absence of a match says nothing about safety.',
    },
  } as const,
});

const TreatmentScreening = builder.objectRef<ScreeningRow>('TreatmentScreening').implement({
  description: `One treatment screened against the given conditions. ${INFORMATIONAL}`,
  fields: (t) => ({
    treatment: t.field({
      type: Treatment,
      description: 'The treatment.',
      resolve: (r) => r.treatment as never,
    }),
    status: t.field({
      type: ScreeningStatus,
      description: 'Contraindicated, not among the documented contraindications, or nothing documented.',
      resolve: (r) =>
        r.matches.length > 0
          ? 'CONTRAINDICATED'
          : r.documented > 0
            ? 'NONE_OF_THESE_DOCUMENTED'
            : 'NO_CONTRAINDICATIONS_DOCUMENTED',
    }),
    contraindicated: t.boolean({
      nullable: true,
      description:
        'True when at least one given condition contraindicates it (at any severity); false when its ' +
        'sources list contraindications but none of these; null when they list none at all (see `status`).',
      resolve: (r) => (r.matches.length > 0 ? true : r.documented > 0 ? false : null),
    }),
    documentedContraindications: t.int({
      description: 'How many contraindications its sources list, whatever the given conditions.',
      resolve: (r) => r.documented,
    }),
    worstSeverity: t.field({
      type: SeverityEnum,
      nullable: true,
      description: 'The most severe of the matches (null when none).',
      resolve: (r) => r.worst,
    }),
    matches: t.field({
      type: [ScreeningMatchRef],
      description: 'The given conditions that contraindicate it, most severe first.',
      resolve: (r) => r.matches,
    }),
    cursor: t.string({
      description: 'Pass as `after` to get the treatments that follow this one.',
      resolve: (r) => r.cursor,
    }),
  }),
});

builder.queryField('screenTreatments', (t) =>
  t.field({
    authScopes: readScope,
    type: [TreatmentScreening],
    description:
      'Screens the treatments against patient conditions (contraindication slugs, e.g. "pregnancy"): each ' +
      'treatment with the conditions that contraindicate it, severity and citations; contraindicated treatments ' +
      'first, most severe first (ABSOLUTE, RELATIVE, PRECAUTION, then none), then by slug. One page of `first` ' +
      `treatments; pass the last one's \`cursor\` as \`after\` for the next. ${INFORMATIONAL}`,
    args: {
      conditions: t.arg.stringList({
        required: true,
        description: 'Contraindication slugs. Unknown slugs are an error listing them.',
      }),
      first: t.arg.int({
        required: false,
        defaultValue: DEFAULT_PAGE_SIZE,
        description: `How many treatments (default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}).`,
      }),
      after: t.arg.string({
        required: false,
        description: 'The `cursor` of the last treatment of the previous page.',
      }),
    },
    resolve: (_root, args) => screen(args.conditions, args.first ?? DEFAULT_PAGE_SIZE, args.after),
  }),
);
