import type { LocaleCode } from '../../context.ts';
import { pickLocalized } from '../../resolvers/locale.ts';
import { type ScreeningMatch, type ScreeningRow, screen } from '../../resolvers/screening.ts';
import { builder, readScope } from '../builder.ts';
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
      resolve: (m) => m.contraindication,
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
      resolve: (m) => m.citations,
    }),
  }),
});

const TreatmentScreening = builder.objectRef<ScreeningRow>('TreatmentScreening').implement({
  description: `One treatment screened against the given conditions. ${INFORMATIONAL}`,
  fields: (t) => ({
    treatment: t.field({ type: Treatment, description: 'The treatment.', resolve: (r) => r.treatment }),
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
  }),
});

builder.queryField('screenTreatments', (t) =>
  t.field({
    authScopes: readScope,
    type: [TreatmentScreening],
    description:
      'Screens every treatment against patient conditions (contraindication slugs, e.g. "pregnancy"): each ' +
      'treatment with the conditions that contraindicate it, severity and citations; contraindicated treatments ' +
      `first, most severe first. ${INFORMATIONAL}`,
    args: {
      conditions: t.arg.stringList({
        required: true,
        description: 'Contraindication slugs. Unknown slugs are an error listing them.',
      }),
    },
    resolve: (_root, args) => screen(args.conditions),
  }),
);
