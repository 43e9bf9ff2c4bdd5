import { vocabularyKind } from '../../model/kinds.ts';
import { builder } from '../builder.ts';
import { INFORMATIONAL } from '../enums.ts';
import { vocabularyFields, vocabularyNodeId } from '../vocabulary.ts';

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
    ...vocabularyFields(
      t,
      vocabularyKind('Contraindication'),
      `Treatments this condition contraindicates, with severity and citations on each edge.`,
    ),
    // Read from the row (always loaded with every column); no `select`, which would make the
    // Prisma plugin reload link nodes that plain SQL loaded.
    category: t.field({
      type: ContraindicationCategoryEnum,
      description: 'Broad family of the contraindication.',
      resolve: (row) => row.category,
    }),
  }),
});
