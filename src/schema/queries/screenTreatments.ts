import type { LocaleCode } from '../../context.ts';
import { pickLocalized } from '../../resolvers/locale.ts';
import { type ScreeningMatch, type ScreeningRow, screen } from '../../resolvers/screening.ts';
import { builder, readScope } from '../builder.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../connections.ts';
import { INFORMATIONAL, SeverityEnum } from '../enums.ts';
import { localeArg } from '../localized.ts';
import { Citation } from '../types/Citation.ts';
import { Contraindication } from '../types/Contraindication.ts';
import { Treatment } from '../types/Treatment.ts';

const ScreeningMatchRef = builder.objectRef<ScreeningMatch>('ScreeningMatch').implement({
  description: `A given condition that contraindicates a treatment. ${INFORMATIONAL}`,
  fields: (t) => ({
    contraindication: t.field({
      type: Contraindication,
      description: 'The condition.',
      resolve: (m, _args, ctx) => ctx.loaders.byId('Contraindication').load(m.contraindicationId) as never,
    }),
    severity: t.field({
      type: SeverityEnum,
      description: 'How strongly it speaks against the treatment.',
      resolve: (m) => m.severity,
    }),
    note: t.string({
      nullable: true,
      description: 'What the sources say about it.',
      args: localeArg(),
      resolve: (m, args, ctx) =>
        pickLocalized(m, 'note', (args.locale as LocaleCode | null) ?? ctx.locale).text,
    }),
    citations: t.field({
      type: [Citation],
      description: 'The sources stating it.',
      resolve: (m, _args, ctx) => ctx.loaders.citationsOf('treatmentContraindicationId').load(m.id) as never,
    }),
  }),
});

const TreatmentScreening = builder.objectRef<ScreeningRow>('TreatmentScreening').implement({
  description: `One treatment screened against the given conditions. ${INFORMATIONAL}`,
  fields: (t) => ({
    treatment: t.field({
      type: Treatment,
      description: 'The treatment.',
      resolve: (r) => r.treatment as never,
    }),
    contraindicated: t.boolean({
      description: 'True when at least one given condition contraindicates it (at any severity).',
      resolve: (r) => r.matches.length > 0,
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
