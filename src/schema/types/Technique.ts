import { builder } from '../builder.ts';
import { edgeText } from '../links.ts';
import { treatmentSide, vocabularyFields, vocabularyNodeId } from '../vocabulary.ts';

export const Technique = builder.prismaNode('Technique', {
  description: 'How a treatment is delivered: needle, roller, pen, derma-roller, micro-filling, LED…',
  id: vocabularyNodeId,
  fields: (t) =>
    vocabularyFields(t, {
      noun: 'technique',
      treatments: treatmentSide('TreatmentTechnique'),
      treatmentsDescription: 'Treatments delivered with this technique; each edge carries its citations.',
      edgeFields: (edge) => ({ note: edgeText(edge, 'note', 'What the sources say about this use.') }),
    }),
});
