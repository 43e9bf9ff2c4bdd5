import { builder } from '../builder.ts';
import { edgeText } from '../links.ts';
import { treatmentSide, vocabularyFields, vocabularyNodeId } from '../vocabulary.ts';

export const INFORMATIONAL =
  'Informational data drawn from clinic documents; no substitute for a practitioner’s judgement.';

export const SeverityEnum = builder.enumType('Severity', {
  description: `How strongly a condition speaks against a treatment, as the source words it. ${INFORMATIONAL}`,
  values: {
    ABSOLUTE: { description: 'The treatment must not be done ("ne doit pas être faite").' },
    RELATIVE: { description: 'Advised against, or a contraindication in principle ("de principe").' },
    PRECAUTION: {
      description: 'Tell the practitioner; may call for a precaution (e.g. preventive treatment).',
    },
  } as const,
});

export const ContraindicationCategoryEnum = builder.enumType('ContraindicationCategory', {
  description: 'Broad family of a contraindication.',
  values: {
    PHYSIOLOGICAL: { description: 'Pregnancy, breastfeeding.' },
    MEDICATION: { description: 'Medicines taken (anticoagulants, antiplatelet agents).' },
    HAEMATOLOGICAL: { description: 'Blood and coagulation disorders.' },
    IMMUNOLOGICAL: { description: 'Immune deficiency, autoimmune disease.' },
    INFECTIOUS: { description: 'Infections, herpes.' },
    DERMATOLOGICAL: { description: 'Skin disease.' },
    ALLERGIC: { description: 'Allergy to a component.' },
    ONCOLOGICAL: { description: 'Cancer.' },
  } as const,
});

export const Contraindication = builder.prismaNode('Contraindication', {
  description: `A condition that speaks against a treatment (pregnancy, anticoagulants…). ${INFORMATIONAL}`,
  id: vocabularyNodeId,
  fields: (t) => ({
    ...vocabularyFields(t, {
      noun: 'contraindication',
      codes: true,
      treatments: treatmentSide('TreatmentContraindication'),
      treatmentsDescription: `Treatments this condition contraindicates, with severity and citations on each edge. ${INFORMATIONAL}`,
      edgeFields: (edge) => ({
        severity: edge.field({
          type: SeverityEnum,
          description: 'How strongly the condition speaks against this treatment.',
          resolve: (link: { severity: string }) => link.severity,
        }),
        note: edgeText(edge, 'note', 'What the sources say about it.'),
      }),
    }),
    // Read from the row (always loaded with every column); no `select`, which would make the
    // Prisma plugin reload link nodes that plain SQL loaded.
    category: t.field({
      type: ContraindicationCategoryEnum,
      description: 'Broad family of the contraindication.',
      resolve: (row) => row.category,
    }),
  }),
});
