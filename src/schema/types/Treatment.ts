import type { LocaleCode } from '../../context.ts';
import { builder } from '../builder.ts';
import { connectionSize } from '../connections.ts';
import { LocaleEnum } from '../enums.ts';
import { edgeText, linkConnection, linkHelpers } from '../links.ts';
import { localizedFields } from '../localized.ts';
import { citationsField } from './Citation.ts';
import { INFORMATIONAL, SeverityEnum } from './Contraindication.ts';

const links = {
  techniques: linkHelpers('TreatmentTechnique', 'technique'),
  activeIngredients: linkHelpers('TreatmentActiveIngredient', 'activeIngredient'),
  indications: linkHelpers('TreatmentIndication', 'indication'),
  contraindications: linkHelpers('TreatmentContraindication', 'contraindication'),
  sideEffects: linkHelpers('TreatmentSideEffect', 'sideEffect'),
  bodyAreas: linkHelpers('TreatmentBodyArea', 'bodyArea'),
  components: linkHelpers('TreatmentComponent', 'component'),
  combinableWith: linkHelpers('TreatmentCombination', 'other'),
};

const noteField = (edge: unknown) => ({
  note: edgeText(edge, 'note', 'What the sources say about this link.'),
});

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
      select: { aliases: { select: { value: true, locale: true }, orderBy: { id: 'asc' } } },
      resolve: (row, args: { locale?: LocaleCode | null }) =>
        row.aliases.filter((a) => !args.locale || a.locale === args.locale).map((a) => a.value),
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
    techniques: linkConnection(t, {
      helpers: links.techniques,
      type: 'Technique',
      description: 'How it is delivered; each edge carries its citations.',
      edgeFields: noteField,
    }),
    activeIngredients: linkConnection(t, {
      helpers: links.activeIngredients,
      type: 'ActiveIngredient',
      description: 'What it delivers; each edge carries its citations.',
      edgeFields: noteField,
    }),
    indications: linkConnection(t, {
      helpers: links.indications,
      type: 'Indication',
      description: 'What it is used for; each edge carries its citations.',
      edgeFields: noteField,
    }),
    contraindications: linkConnection(t, {
      helpers: links.contraindications,
      type: 'Contraindication',
      description: `Conditions that speak against it, with severity and citations on each edge. ${INFORMATIONAL}`,
      edgeFields: (edge) => ({
        severity: edge.field({
          type: SeverityEnum,
          description: 'How strongly the condition speaks against this treatment.',
          resolve: (link: { severity: string }) => link.severity,
        }),
        ...noteField(edge),
      }),
    }),
    sideEffects: linkConnection(t, {
      helpers: links.sideEffects,
      type: 'SideEffect',
      description: 'Adverse effects, with frequency and duration as the sources word them, and citations.',
      edgeFields: (edge) => ({
        frequency: edgeText(edge, 'frequency', 'How often, in the source’s words.'),
        typicalDuration: edgeText(edge, 'typicalDuration', 'How long it lasts, in the source’s words.'),
        ...noteField(edge),
      }),
    }),
    bodyAreas: linkConnection(t, {
      helpers: links.bodyAreas,
      type: 'BodyArea',
      description: 'Where on the body it is done; each edge carries its citations.',
      edgeFields: noteField,
    }),
    components: linkConnection(t, {
      helpers: links.components,
      type: 'Treatment',
      description: 'For a combined treatment (e.g. microneedling with PRP): the treatments it combines.',
    }),
    combinableWith: linkConnection(t, {
      helpers: links.combinableWith,
      type: 'Treatment',
      description: 'Treatments the sources say it can be associated with.',
      edgeFields: noteField,
    }),
    protocol: t.relatedConnection('protocol', {
      cursor: 'id',
      ...connectionSize,
      totalCount: true,
      query: { orderBy: [{ kind: 'asc' }, { id: 'asc' }] },
      description:
        'Cited protocol claims (sessions, interval, maintenance, duration, aftercare…). Claims from sources that ' +
        'disagree are listed side by side, each with its own citations.',
    }),
    limitations: t.relatedConnection('limitations', {
      cursor: 'id',
      ...connectionSize,
      totalCount: true,
      query: { orderBy: { id: 'asc' } },
      description: 'What it does not do, as the sources warn.',
    }),
    settings: t.relatedConnection('settings', {
      cursor: 'id',
      ...connectionSize,
      totalCount: true,
      query: { orderBy: { id: 'asc' } },
      description: 'Where it may or may not be performed (office, clinic operating room).',
    }),
    anaesthesiaOptions: t.relatedConnection('anaesthesiaOptions', {
      cursor: 'id',
      ...connectionSize,
      totalCount: true,
      query: { orderBy: { id: 'asc' } },
      description: 'Anaesthesia and comfort options the sources mention.',
    }),
    regulatoryStatuses: t.relatedConnection('regulatoryStatuses', {
      cursor: 'id',
      ...connectionSize,
      totalCount: true,
      query: { orderBy: { id: 'asc' } },
      description: 'Legal status per jurisdiction (e.g. PRP injection suspended in France by the ANSM).',
    }),
    citations: citationsField(t, 'The sources describing this treatment (name, summary, mechanism).'),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When this treatment last changed.' }),
  }),
});
