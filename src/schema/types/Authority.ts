import { builder } from '../builder.ts';
import { localizedFields } from '../localized.ts';
import { objectFields } from '../selection.ts';
import { citationsField } from './Citation.ts';
import { Jurisdiction } from './Jurisdiction.ts';

export const Authority = builder.prismaNode('Authority', {
  description: 'A regulator (e.g. the ANSM in France).',
  id: { field: 'slug', description: 'Global id (stable: derived from the slug).' },
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable identifier of the authority.' }),
    acronym: t.exposeString('acronym', { nullable: true, description: 'Usual acronym (e.g. `ANSM`).' }),
    ...localizedFields(t, 'name', 'name', 'Full name of the authority.'),
    version: t.exposeInt('version', {
      description:
        'Bumped by every change to this authority; an update sends the version it read (optimistic concurrency).',
    }),
    jurisdiction: t.field({
      type: Jurisdiction,
      description: 'Where it regulates.',
      resolve: (row, _args, ctx, info) =>
        ctx.loaders.byId('Jurisdiction').load(row.jurisdictionId, objectFields(info)) as never,
    }),
    citations: citationsField(t, 'Where the sources mention it.'),
  }),
});
