import { builder } from '../builder.ts';
import { localizedFields } from '../localized.ts';
import { citationsField } from './Citation.ts';

export const CareSettingEnum = builder.enumType('CareSetting', {
  description: 'Where a treatment is performed.',
  values: {
    OFFICE: { description: 'A practitioner’s office.' },
    CLINIC_OPERATING_ROOM: { description: 'An operating room in a clinic.' },
  } as const,
});

export const TreatmentSetting = builder.prismaObject('TreatmentSetting', {
  description: 'Whether a treatment may be performed in a given setting, and why.',
  fields: (t) => ({
    setting: t.expose('setting', { type: CareSettingEnum, description: 'The setting.' }),
    allowed: t.exposeBoolean('allowed', { description: 'True when the sources say it is done there.' }),
    ...localizedFields(t, 'text', 'text', 'Why, in our words.'),
    citations: citationsField(t, 'The source(s) stating it.'),
  }),
});
