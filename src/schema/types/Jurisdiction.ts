import { builder } from '../builder.ts';
import { localizedFields } from '../localized.ts';

export const Jurisdiction = builder.prismaNode('Jurisdiction', {
  description: 'A country whose rules apply to treatments.',
  id: { field: 'code', description: 'Global id (stable: derived from the ISO code).' },
  fields: (t) => ({
    code: t.exposeString('code', { description: 'ISO 3166-1 alpha-2 code (e.g. `FR`).' }),
    ...localizedFields(t, 'name', 'name', 'Name of the country.'),
    version: t.exposeInt('version', {
      description:
        'Bumped by every change to this jurisdiction; an update sends the version it read (optimistic concurrency).',
    }),
  }),
});
