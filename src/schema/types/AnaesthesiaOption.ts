import { builder } from '../builder.ts';
import { localizedFields } from '../localized.ts';
import { citationsField } from './Citation.ts';

export const AnaesthesiaKindEnum = builder.enumType('AnaesthesiaKind', {
  description: 'A way of making a session comfortable.',
  values: {
    TOPICAL_ANAESTHETIC_CREAM: { description: 'Anaesthetic cream applied before the session.' },
    CONTACT_LOCAL_ANAESTHESIA: { description: 'Local contact anaesthesia.' },
    NITROUS_OXIDE_SEDATION: { description: 'Relaxing gas (MEOPA, nitrous oxide/oxygen) through a mask.' },
    NONE_REQUIRED: { description: 'No anaesthesia needed.' },
  } as const,
});

export const AnaesthesiaOption = builder.prismaObject('AnaesthesiaOption', {
  description: 'An anaesthesia or comfort option the sources mention for a treatment.',
  fields: (t) => ({
    kind: t.expose('kind', { type: AnaesthesiaKindEnum, description: 'The option.' }),
    ...localizedFields(t, 'text', 'text', 'How it is used, in our words.'),
    citations: citationsField(t, 'The source(s) stating it.'),
  }),
});
