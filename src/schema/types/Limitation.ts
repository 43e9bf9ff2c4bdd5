import { builder } from '../builder.ts';
import { localizedFields } from '../localized.ts';
import { Citation, citationSelect } from './Citation.ts';

export const Limitation = builder.prismaObject('Limitation', {
  description:
    'What a treatment does not do, as the sources warn (e.g. PRP does not re-tension skin like a facelift).',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Identifier of the limitation, unique within its treatment.' }),
    ...localizedFields(t, 'text', 'text', 'The limitation, in our words.'),
    citations: t.field({
      type: [Citation],
      description: 'The source(s) stating it.',
      select: { citations: citationSelect },
      resolve: (row) => row.citations,
    }),
  }),
});
