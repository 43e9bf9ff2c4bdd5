// Fields every vocabulary entry (technique, ingredient, indication, contraindication, side effect,
// body area) shares: slug, localised name and description, citations, codes, and its treatments.
import type { Context } from '../context.ts';
import { ownerColumn, type VocabularyKind } from '../model/kinds.ts';
import { builder } from './builder.ts';
import { INFORMATIONAL } from './enums.ts';
import { linkConnection } from './links.ts';
import { localizedFields } from './localized.ts';
import { citationsField } from './types/Citation.ts';
import { TerminologyCode } from './types/TerminologyCode.ts';

/**
 * The shared fields of a vocabulary kind of the registry; `treatmentsDescription` describes its
 * reverse connection (the treatments linked to the entry).
 */
// biome-ignore lint/suspicious/noExplicitAny: the field builder of any vocabulary Prisma object type
export function vocabularyFields(t: any, kind: VocabularyKind, treatmentsDescription: string) {
  const options = { noun: kind.noun, codes: kind.codes };
  const notice = kind.link.informational ? ` ${INFORMATIONAL}` : '';
  return {
    slug: t.exposeString('slug', {
      description: `Stable English kebab-case identifier of the ${options.noun}.`,
    }),
    ...localizedFields(t, 'name', 'name', `Name of the ${options.noun}.`),
    ...localizedFields(t, 'description', 'description', `Short description of the ${options.noun}.`, {
      nullable: true,
    }),
    citations: citationsField(t, `Where the sources mention this ${options.noun}.`),
    ...(options.codes
      ? {
          codes: t.field({
            type: [TerminologyCode],
            description: 'Codes in standard terminologies (SNOMED CT, ATC, ICD-10), where verified.',
            resolve: (row: { id: number }, _args: unknown, ctx: Context) =>
              ctx.loaders
                .children(
                  'TerminologyCode',
                  ownerColumn(kind.model, 'TerminologyCode'),
                  '"system", "code", "id"',
                )
                .load(row.id),
          }),
        }
      : {}),
    treatments: linkConnection(
      t,
      { kind: kind.link, reverse: true },
      { type: 'Treatment', description: treatmentsDescription + notice },
    ),
    version: t.exposeInt('version', {
      description:
        'Bumped by every change to the entry, its codes or its citations; an update sends the version it read (optimistic concurrency).',
    }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When this entry last changed.' }),
  };
}

export const vocabularyNodeId = {
  field: 'slug',
  description: 'Global id (stable: derived from the slug).',
} as const;
export { builder };
