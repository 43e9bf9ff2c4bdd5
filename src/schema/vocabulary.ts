// Fields every vocabulary entry (technique, ingredient, indication, contraindication, side effect,
// body area) shares: slug, localised name and description, citations, codes, and its treatments.
import { builder } from './builder.ts';
import { type LinkHelpers, linkConnection, linkHelpers } from './links.ts';
import { localizedFields } from './localized.ts';
import { citationsField } from './types/Citation.ts';
import { TerminologyCode } from './types/TerminologyCode.ts';

interface VocabularyOptions {
  noun: string;
  /** Join model whose `treatment` side lists the treatments using this entry. */
  treatments: LinkHelpers;
  treatmentsDescription: string;
  codes?: boolean;
  // biome-ignore lint/suspicious/noExplicitAny: edge field builder of the generated edge type
  edgeFields?: (edge: any) => Record<string, unknown>;
}

export const treatmentSide = (joinModel: Parameters<typeof linkHelpers>[0]) =>
  linkHelpers(joinModel, 'treatment');

// biome-ignore lint/suspicious/noExplicitAny: the field builder of any vocabulary Prisma object type
export function vocabularyFields(t: any, options: VocabularyOptions) {
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
          codes: t.relation('codes', {
            type: TerminologyCode,
            description: 'Codes in standard terminologies (SNOMED CT, ATC, ICD-10), where verified.',
            query: { orderBy: [{ system: 'asc' }, { code: 'asc' }] },
          }),
        }
      : {}),
    treatments: linkConnection(t, {
      helpers: options.treatments,
      type: 'Treatment',
      description: options.treatmentsDescription,
      edgeFields: options.edgeFields,
    }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When this entry last changed.' }),
  };
}

export const vocabularyNodeId = {
  field: 'slug',
  description: 'Global id (stable: derived from the slug).',
} as const;
export { builder };
