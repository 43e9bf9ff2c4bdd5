import { builder } from '../builder.ts';
import { edgeText } from '../links.ts';
import { treatmentSide, vocabularyFields, vocabularyNodeId } from '../vocabulary.ts';

export const ActiveIngredient = builder.prismaNode('ActiveIngredient', {
  description: 'What a treatment delivers: platelet-rich plasma, non-crosslinked hyaluronic acid, vitamins…',
  id: vocabularyNodeId,
  fields: (t) =>
    vocabularyFields(t, {
      noun: 'active ingredient',
      codes: true,
      treatments: treatmentSide('TreatmentActiveIngredient'),
      treatmentsDescription: 'Treatments that deliver this ingredient; each edge carries its citations.',
      edgeFields: (edge) => ({ note: edgeText(edge, 'note', 'What the sources say about this use.') }),
    }),
});
