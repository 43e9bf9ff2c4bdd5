import { builder } from '../builder.ts';
import { localizedFields } from '../localized.ts';
import { objectFields } from '../selection.ts';
import { Authority } from './Authority.ts';
import { citationsField } from './Citation.ts';
import { Jurisdiction } from './Jurisdiction.ts';

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
    jurisdiction: t.field({
      type: Jurisdiction,
      description: 'Where the status applies.',
      resolve: (row, _args, ctx, info) =>
        ctx.loaders.byId('Jurisdiction').load(row.jurisdictionId, objectFields(info)) as never,
    }),
    status: t.expose('status', { type: RegulatoryStatusKindEnum, description: 'The status.' }),
    authority: t.field({
      type: Authority,
      nullable: true,
      description: 'The authority behind it.',
      resolve: (row, _args, ctx, info) =>
        (row.authorityId == null
          ? null
          : ctx.loaders.byId('Authority').load(row.authorityId, objectFields(info))) as never,
    }),
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
