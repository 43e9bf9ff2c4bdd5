import { builder } from '../builder.ts';
import { localizedFields } from '../localized.ts';

export const Treatment = builder.prismaNode('Treatment', {
  description:
    'An aesthetic treatment (PRP, microneedling, mesotherapy…) with everything the sources say about it. ' +
    'Informational content drawn from clinic documents: no substitute for a practitioner’s judgement.',
  id: { field: 'slug', description: 'Global id (stable: derived from the slug).' },
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable English kebab-case identifier.' }),
    ...localizedFields(t, 'name', 'name', 'Name of the treatment.'),
    ...localizedFields(
      t,
      'summary',
      'summary',
      'Short summary, in our own words, of what the sources say it is.',
    ),
    ...localizedFields(t, 'mechanism', 'mechanism', 'How it works, according to the sources.', {
      nullable: true,
    }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When this treatment last changed.' }),
  }),
});
