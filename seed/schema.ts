// The shape of the seed files (seed/FORMAT.md), as zod schemas. Cross-file references (slugs,
// locators) are checked afterwards in seed/validate.ts, once every file is parsed.
import { z } from 'zod';

export const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be an English kebab-case slug (a-z, 0-9, single hyphens)');

const text = z.string().trim().min(1, 'must not be empty');

/**
 * `{ fr, en }`, at least one of them: French is the source language, but text curated through the
 * API may be English only (src/write/curation/inputs.ts), and an export must load back.
 */
export const localized = z
  .strictObject({ fr: text.optional(), en: text.optional() })
  .refine((v) => v.fr !== undefined || v.en !== undefined, {
    message: 'needs a text in at least one language (fr or en)',
  });

/** Strictest first: a link's severity is the strictest its citations state (seed/FORMAT.md). */
export const SEVERITIES = ['ABSOLUTE', 'RELATIVE', 'PRECAUTION'] as const;
const severity = z.enum(SEVERITIES);

export const citation = z.strictObject({
  source: slug,
  locator: text,
  note: text.optional(),
  /** Only on a contraindication link, when this source's wording gives another severity. */
  severity: severity.optional(),
});
export const citations = z.array(citation).min(1, 'every fact needs at least one citation');

export const source = z.strictObject({
  slug,
  file: z.string().regex(/^[\w.-]+\.txt$/, 'must be the .txt file name of the source document'),
  title: text,
  language: z.enum(['fr', 'en']),
  kind: z.enum(['CLINIC_PAGE', 'PATIENT_INFORMATION_SHEET', 'ARTICLE']),
  lastUpdated: z.coerce.date().optional(),
  sections: z.array(text).min(1),
});

export const code = z.strictObject({
  system: z.enum(['SNOMED-CT', 'ATC', 'ICD-10']),
  code: text,
  display: text,
});

const vocabularyBase = {
  slug,
  name: localized,
  description: localized.optional(),
  citations,
};

export const technique = z.strictObject(vocabularyBase);
export const bodyArea = z.strictObject(vocabularyBase);
export const activeIngredient = z.strictObject({ ...vocabularyBase, codes: z.array(code).optional() });
export const sideEffect = z.strictObject({ ...vocabularyBase, codes: z.array(code).optional() });
export const indication = z.strictObject({
  ...vocabularyBase,
  category: z.enum([
    'SKIN_AGEING',
    'SKIN_QUALITY',
    'SCARRING',
    'PIGMENTATION',
    'HAIR',
    'BODY_CONTOURING',
    'MUSCULOSKELETAL',
    'WOUND_HEALING',
  ]),
  codes: z.array(code).optional(),
});
export const contraindication = z.strictObject({
  ...vocabularyBase,
  category: z.enum([
    'PHYSIOLOGICAL',
    'MEDICATION',
    'HAEMATOLOGICAL',
    'IMMUNOLOGICAL',
    'INFECTIOUS',
    'DERMATOLOGICAL',
    'ALLERGIC',
    'ONCOLOGICAL',
  ]),
  codes: z.array(code).optional(),
});

export const jurisdiction = z.strictObject({
  code: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code (two capital letters)'),
  name: localized,
});

export const authority = z.strictObject({
  slug,
  name: localized,
  acronym: text.optional(),
  jurisdiction: jurisdiction.shape.code,
  citations,
});

const link = { slug, note: localized.optional(), citations };
const keyed = { key: slug, text: localized, citations };

export const treatment = z.strictObject({
  slug,
  name: localized,
  summary: localized,
  mechanism: localized.optional(),
  citations,
  aliases: z.array(z.strictObject({ value: text, locale: z.enum(['fr', 'en']), citations })).default([]),
  components: z.array(z.strictObject({ treatment: slug, citations })).default([]),
  combinableWith: z
    .array(z.strictObject({ treatment: slug, note: localized.optional(), citations }))
    .default([]),
  techniques: z.array(z.strictObject(link)).default([]),
  activeIngredients: z.array(z.strictObject(link)).default([]),
  indications: z.array(z.strictObject(link)).default([]),
  contraindications: z.array(z.strictObject({ ...link, severity })).default([]),
  sideEffects: z
    .array(
      z.strictObject({
        ...link,
        frequency: localized.optional(),
        typicalDuration: localized.optional(),
      }),
    )
    .default([]),
  bodyAreas: z.array(z.strictObject(link)).default([]),
  protocol: z
    .array(
      z.strictObject({
        ...keyed,
        kind: z.enum([
          'SESSION_COUNT',
          'INTERVAL',
          'MAINTENANCE',
          'SESSION_DURATION',
          'AFTERCARE',
          'PREPARATION',
          'RESULT_ONSET',
          'RECOVERY',
          'PROCEDURE_STEP',
        ]),
        min: z.number().nonnegative().optional(),
        max: z.number().nonnegative().optional(),
        unit: z.enum(['SESSION', 'MINUTE', 'HOUR', 'DAY', 'WEEK', 'MONTH', 'YEAR', 'PER_YEAR']).optional(),
      }),
    )
    .default([]),
  limitations: z.array(z.strictObject(keyed)).default([]),
  settings: z
    .array(
      z.strictObject({
        ...keyed,
        setting: z.enum(['OFFICE', 'CLINIC_OPERATING_ROOM']),
        allowed: z.boolean(),
      }),
    )
    .default([]),
  anaesthesia: z
    .array(
      z.strictObject({
        ...keyed,
        kind: z.enum([
          'TOPICAL_ANAESTHETIC_CREAM',
          'CONTACT_LOCAL_ANAESTHESIA',
          'NITROUS_OXIDE_SEDATION',
          'NONE_REQUIRED',
        ]),
      }),
    )
    .default([]),
  regulatoryStatuses: z
    .array(
      z.strictObject({
        jurisdiction: jurisdiction.shape.code,
        status: z.enum(['PERMITTED', 'RESTRICTED', 'SUSPENDED', 'PROHIBITED']),
        authority: slug.optional(),
        reason: localized,
        settingRestrictions: localized.optional(),
        citations,
      }),
    )
    .default([]),
});

export type Localized = z.infer<typeof localized>;
export type CitationInput = z.infer<typeof citation>;
export type SourceInput = z.infer<typeof source>;
export type TreatmentInput = z.infer<typeof treatment>;
export type JurisdictionInput = z.infer<typeof jurisdiction>;
export type AuthorityInput = z.infer<typeof authority>;

/** The vocabulary files, each with its schema. */
export const vocabularies = {
  techniques: technique,
  'active-ingredients': activeIngredient,
  indications: indication,
  contraindications: contraindication,
  'side-effects': sideEffect,
  'body-areas': bodyArea,
} as const;
export type VocabularyKind = keyof typeof vocabularies;
export type VocabularyInput = {
  slug: string;
  name: Localized;
  description?: Localized;
  category?: string;
  codes?: z.infer<typeof code>[];
  citations: CitationInput[];
};
