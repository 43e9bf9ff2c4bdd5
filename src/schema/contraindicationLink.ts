// The fields every view of one treatment–contraindication link shares (a screening match, one side
// of a shared contraindication): its severity, its note and its citations, read the same way.
import type { LocaleCode } from '../context.ts';
import { pickLocalized } from '../resolvers/locale.ts';
import type { ScreeningMatch } from '../resolvers/screening.ts';
import { builder } from './builder.ts';
import { SeverityEnum } from './enums.ts';
import { i18nField, localeArg } from './localized.ts';
import { Citation } from './types/Citation.ts';

type LinkRef = ReturnType<ReturnType<typeof builder.objectRef<ScreeningMatch>>['implement']>;

/** Adds `severity`, `note` and `citations` of the link to an object type over link rows. */
export function contraindicationLinkFields(ref: LinkRef, severityDescription: string) {
  builder.objectFields(ref, (t) => ({
    severity: t.field({
      type: SeverityEnum,
      description: severityDescription,
      resolve: (l) => l.severity,
    }),
    note: t.string({
      nullable: true,
      description: 'What the sources say about it.',
      args: localeArg(),
      resolve: (l, args, ctx) =>
        pickLocalized(l, 'note', (args.locale as LocaleCode | null) ?? ctx.locale).text,
    }),
    noteI18n: i18nField(t, 'note', 'note'),
    citations: t.field({
      type: [Citation],
      description: 'The sources stating it for this treatment.',
      resolve: (l, _args, ctx) => ctx.loaders.citationsOf('treatmentContraindicationId').load(l.id) as never,
    }),
  }));
}
