import { builder } from '../builder.ts';
import { localizedFields } from '../localized.ts';
import { citationsField } from './Citation.ts';

export const RegulatoryStatusKindEnum = builder.enumType('RegulatoryStatusKind', {
  description: 'Legal status of a treatment in a jurisdiction.',
  values: {
    PERMITTED: { description: 'Allowed.' },
    RESTRICTED: { description: 'Allowed under conditions (setting, practitioner…).' },
    SUSPENDED: { description: 'Temporarily not allowed by an authority.' },
    PROHIBITED: { description: 'Not allowed.' },
  } as const,
});

export const RegulatoryStatus = builder.prismaObject('RegulatoryStatus', {
  description: 'The status of a treatment in one jurisdiction, who decided it and why, with citations.',
  fields: (t) => ({
    jurisdiction: t.relation('jurisdiction', { description: 'Where the status applies.' }),
    status: t.expose('status', { type: RegulatoryStatusKindEnum, description: 'The status.' }),
    authority: t.relation('authority', { nullable: true, description: 'The authority behind it.' }),
    ...localizedFields(t, 'reason', 'reason', 'Why, as the sources explain it.'),
    ...localizedFields(
      t,
      'settingRestrictions',
      'settingRestrictions',
      'Where it may still be done, if stated.',
      {
        nullable: true,
      },
    ),
    citations: citationsField(t, 'The source(s) stating it.'),
  }),
});
