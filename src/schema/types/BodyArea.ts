import { builder } from '../builder.ts';
import { edgeText } from '../links.ts';
import { treatmentSide, vocabularyFields, vocabularyNodeId } from '../vocabulary.ts';

export const BodyArea = builder.prismaNode('BodyArea', {
  description: 'A treated area: face, neck, décolleté, hands, scalp, joints, body.',
  id: vocabularyNodeId,
  fields: (t) =>
    vocabularyFields(t, {
      noun: 'body area',
      treatments: treatmentSide('TreatmentBodyArea'),
      treatmentsDescription: 'Treatments done on this area; each edge carries its citations.',
      edgeFields: (edge) => ({ note: edgeText(edge, 'note', 'What the sources say about it.') }),
    }),
});
