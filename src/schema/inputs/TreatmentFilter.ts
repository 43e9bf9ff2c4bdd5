import type { InputFieldRef, SchemaTypes } from '@pothos/core';
import { type VocabularyKind, vocabularyKinds } from '../../model/kinds.ts';
import type { SlugSet } from '../../resolvers/treatments.ts';
import { builder } from '../builder.ts';
import { RegulatoryStatusKindEnum } from '../types/RegulatoryStatus.ts';

export const SlugSetInput = builder.inputType('SlugSet', {
  description: 'Match on linked slugs: any of them, all of them, and/or none of them.',
  fields: (t) => ({
    any: t.stringList({ required: false, description: 'Linked to at least one of these slugs.' }),
    all: t.stringList({ required: false, description: 'Linked to every one of these slugs.' }),
    none: t.stringList({ required: false, description: 'Linked to none of these slugs.' }),
  }),
});

export const RegulatoryStatusFilterInput = builder.inputType('RegulatoryStatusFilter', {
  description: 'Treatments with a regulatory status in a jurisdiction.',
  fields: (t) => ({
    jurisdiction: t.string({ required: true, description: 'ISO 3166-1 alpha-2 code, e.g. "FR".' }),
    status: t.field({
      type: RegulatoryStatusKindEnum,
      required: false,
      description: 'Only this status (any status when omitted).',
    }),
  }),
});

type SchemaTypesOf<B> = B extends PothosSchemaTypes.SchemaBuilder<infer T extends SchemaTypes> ? T : never;

/** One `SlugSet` field per filterable vocabulary kind of the registry. */
// biome-ignore lint/suspicious/noExplicitAny: the input field builder of TreatmentFilter
const slugFilters = (t: any) =>
  Object.fromEntries(
    vocabularyKinds
      .filter((kind) => kind.filterable)
      .map((kind) => [
        kind.many,
        t.field({
          type: SlugSetInput,
          required: false,
          description: kind.link.informational
            ? `By ${kind.noun} slugs (use \`none\` to exclude treatments a condition contraindicates).`
            : `By ${kind.noun} slugs.`,
        }),
      ]),
    // Typed over every kind's name: all are optional, and the ones not filterable are never set.
  ) as Record<
    VocabularyKind['many'],
    InputFieldRef<SchemaTypesOf<typeof builder>, SlugSet | null | undefined>
  >;

export const TreatmentFilterInput = builder.inputType('TreatmentFilter', {
  description: 'Conditions a treatment must all meet. Unknown slugs are an error that lists them.',
  fields: (t) => ({
    ...slugFilters(t),
    regulatoryStatus: t.field({
      type: RegulatoryStatusFilterInput,
      required: false,
      description: 'By status in a jurisdiction.',
    }),
    updatedSince: t.field({
      type: 'DateTime',
      required: false,
      description: 'Changed at or after this instant (incremental sync).',
    }),
    search: t.string({
      required: false,
      description: 'Text in names, aliases or summaries, either language; ignores case and accents.',
    }),
  }),
});

export const OrderDirectionEnum = builder.enumType('OrderDirection', {
  description: 'Sort direction.',
  values: { ASC: { description: 'Ascending.' }, DESC: { description: 'Descending.' } } as const,
});

export const TreatmentOrderFieldEnum = builder.enumType('TreatmentOrderField', {
  description: 'What to sort treatments by (ties are broken by id, so pages are stable).',
  values: {
    NAME: { description: 'Name in the request’s locale.' },
    SLUG: { description: 'Slug.' },
    UPDATED_AT: { description: 'Last change.' },
  } as const,
});

export const TreatmentOrderInput = builder.inputType('TreatmentOrder', {
  description: 'Sort order of a treatment list.',
  fields: (t) => ({
    field: t.field({ type: TreatmentOrderFieldEnum, required: true, description: 'What to sort by.' }),
    direction: t.field({
      type: OrderDirectionEnum,
      required: false,
      defaultValue: 'ASC',
      description: 'Direction (ASC by default).',
    }),
  }),
});

export const VocabularyFilterInput = builder.inputType('VocabularyFilter', {
  description: 'Conditions on a vocabulary list.',
  fields: (t) => ({
    slugs: t.stringList({ required: false, description: 'Only these slugs.' }),
    search: t.string({
      required: false,
      description: 'Text in names or descriptions; ignores case and accents.',
    }),
    updatedSince: t.field({
      type: 'DateTime',
      required: false,
      description: 'Changed at or after this instant.',
    }),
  }),
});

export const VocabularyOrderFieldEnum = builder.enumType('VocabularyOrderField', {
  description: 'What to sort a vocabulary list by (ties broken by id).',
  values: { NAME: { description: 'Name in the request’s locale.' }, SLUG: { description: 'Slug.' } } as const,
});

export const VocabularyOrderInput = builder.inputType('VocabularyOrder', {
  description: 'Sort order of a vocabulary list.',
  fields: (t) => ({
    field: t.field({ type: VocabularyOrderFieldEnum, required: true, description: 'What to sort by.' }),
    direction: t.field({
      type: OrderDirectionEnum,
      required: false,
      defaultValue: 'ASC',
      description: 'Direction (ASC by default).',
    }),
  }),
});
