import { builder } from '../builder.ts';
import { localizedFields } from '../localized.ts';
import { citationsField } from './Citation.ts';

export const Limitation = builder.prismaObject('Limitation', {
  description:
    'What a treatment does not do, as the sources warn (e.g. PRP does not re-tension skin like a facelift).',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Identifier of the limitation, unique within its treatment.' }),
    ...localizedFields(t, 'text', 'text', 'The limitation, in our words.'),
    citations: citationsField(t, 'The source(s) stating it.'),
  }),
});
