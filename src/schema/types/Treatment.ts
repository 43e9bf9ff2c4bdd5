import type { LocaleCode } from '../../context.ts';
import { type LinkKind, linkKinds } from '../../model/kinds.ts';
import { builder } from '../builder.ts';
import { INFORMATIONAL, LocaleEnum } from '../enums.ts';
import { linkConnection, ownedConnection } from '../links.ts';
import { localizedFields } from '../localized.ts';
import { citationsField } from './Citation.ts';

/** One connection per link kind of the registry, in its order, from the treatment's side. */
// biome-ignore lint/suspicious/noExplicitAny: the field builder of the Treatment Prisma object
const linkFields = (t: any) =>
  Object.fromEntries(
    linkKinds.map((kind) => [
      kind.field,
      linkConnection(
        t,
        { kind, reverse: false },
        {
          type: kind.nodeModel,
          description: kind.informational ? `${kind.description} ${INFORMATIONAL}` : kind.description,
        },
      ),
    ]),
  ) as Record<LinkKind['field'], unknown>;

export const Treatment = builder.prismaNode('Treatment', {
  description:
    'An aesthetic treatment (PRP, microneedling, mesotherapy…) with everything the sources say about it. ' +
    INFORMATIONAL,
  id: { field: 'slug', description: 'Global id (stable: derived from the slug).' },
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable English kebab-case identifier.' }),
    ...localizedFields(t, 'name', 'name', 'Name of the treatment.'),
    aliases: t.stringList({
      description: 'Other names the sources use ("vampire lift", "Vampire Facial", "mésolift"…).',
      args: {
        locale: t.arg({ type: LocaleEnum, required: false, description: 'Only aliases in this language.' }),
      },
      resolve: async (row, args: { locale?: LocaleCode | null }, ctx) => {
        const aliases = await ctx.loaders.children('TreatmentAlias', 'treatmentId', '"id"').load(row.id);
        return aliases.filter((a) => !args.locale || a.locale === args.locale).map((a) => a.value as string);
      },
    }),
    ...localizedFields(
      t,
      'summary',
      'summary',
      'Short summary, in our own words, of what the sources say it is.',
    ),
    ...localizedFields(t, 'mechanism', 'mechanism', 'How it works, according to the sources.', {
      nullable: true,
    }),
    ...linkFields(t),
    protocol: ownedConnection(
      t,
      { table: 'ProtocolClaim', parentColumn: 'treatmentId', rankBy: 'kind' },
      {
        type: 'ProtocolClaim',
        description:
          'Cited protocol claims, by kind in the order ProtocolKind declares them (session count, interval, ' +
          'maintenance, session duration, aftercare…), then in the order they were recorded. Claims from ' +
          'sources that disagree are listed side by side, each with its own citations.',
      },
    ),
    limitations: ownedConnection(
      t,
      { table: 'Limitation', parentColumn: 'treatmentId' },
      { type: 'Limitation', description: 'What it does not do, as the sources warn.' },
    ),
    settings: ownedConnection(
      t,
      { table: 'TreatmentSetting', parentColumn: 'treatmentId' },
      {
        type: 'TreatmentSetting',
        description: 'Where it may or may not be performed (office, clinic operating room).',
      },
    ),
    anaesthesiaOptions: ownedConnection(
      t,
      { table: 'AnaesthesiaOption', parentColumn: 'treatmentId' },
      { type: 'AnaesthesiaOption', description: 'Anaesthesia and comfort options the sources mention.' },
    ),
    regulatoryStatuses: ownedConnection(
      t,
      { table: 'RegulatoryStatus', parentColumn: 'treatmentId' },
      {
        type: 'RegulatoryStatus',
        description: 'Legal status per jurisdiction (e.g. PRP injection suspended in France by the ANSM).',
      },
    ),
    citations: citationsField(t, 'The sources describing this treatment (name, summary, mechanism).'),
    version: t.exposeInt('version', {
      description:
        'Bumped by every change to the treatment or to one of its facts (links, claims, settings, statuses, citations); an update sends the version it read (optimistic concurrency).',
    }),
    updatedAt: t.expose('updatedAt', {
      type: 'DateTime',
      description: 'When this treatment or one of its facts last changed.',
    }),
  }),
});
