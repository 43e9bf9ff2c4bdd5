import { vocabularyKind } from '../../model/kinds.ts';
import { builder } from '../builder.ts';
import { vocabularyFields, vocabularyNodeId } from '../vocabulary.ts';

export const ActiveIngredient = builder.prismaNode('ActiveIngredient', {
  description: 'What a treatment delivers: platelet-rich plasma, non-crosslinked hyaluronic acid, vitamins…',
  id: vocabularyNodeId,
  fields: (t) =>
    vocabularyFields(
      t,
      vocabularyKind('ActiveIngredient'),
      'Treatments that deliver this ingredient; each edge carries its citations.',
    ),
});
