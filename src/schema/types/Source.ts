import { builder } from '../builder.ts';
import { ownedConnection } from '../links.ts';
import { SourceSection } from './SourceSection.ts';

export const SourceKindEnum = builder.enumType('SourceKind', {
  description: 'What kind of document a source is.',
  values: {
    CLINIC_PAGE: { description: 'A clinic’s web page about a treatment.' },
    PATIENT_INFORMATION_SHEET: { description: 'An information sheet handed to patients.' },
    ARTICLE: { description: 'An editorial article.' },
  } as const,
});

export const Source = builder.prismaNode('Source', {
  description:
    'One source document. Every fact in the knowledge base is a claim made by at least one source.',
  id: { field: 'slug', description: 'Global id (stable: derived from the slug).' },
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable identifier of the document.' }),
    title: t.exposeString('title', { description: 'Title, in the document’s language.' }),
    language: t.exposeString('language', { description: 'ISO 639-1 language of the document (e.g. `fr`).' }),
    kind: t.expose('kind', { type: SourceKindEnum, description: 'What kind of document it is.' }),
    fileName: t.exposeString('fileName', { description: 'File name of the document in the source corpus.' }),
    lastUpdated: t.expose('lastUpdated', {
      type: 'DateTime',
      nullable: true,
      description: 'Last update date the document states, when it states one.',
    }),
    sections: t.field({
      type: [SourceSection],
      description: 'The document’s sections in reading order: what its citations can point at.',
      resolve: (row, _args, ctx) =>
        ctx.loaders.children('SourceSection', 'sourceId', '"position", "id"').load(row.id) as never,
    }),
    claims: ownedConnection(
      t,
      { table: 'Citation', parentColumn: 'sourceId' },
      {
        type: 'Citation',
        description: 'Every claim this document supports (one citation per cited fact), in a stable order.',
      },
    ),
    version: t.exposeInt('version', {
      description:
        'Bumped by every change to the document or its sections; an update sends the version it read (optimistic concurrency).',
    }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When this record last changed.' }),
  }),
});
