import { vocabularyKind } from '../../model/kinds.ts';
import { builder } from '../builder.ts';
import { vocabularyFields, vocabularyNodeId } from '../vocabulary.ts';

export const Technique = builder.prismaNode('Technique', {
  description: 'How a treatment is delivered: needle, roller, pen, derma-roller, micro-filling, LED…',
  id: vocabularyNodeId,
  fields: (t) =>
    vocabularyFields(
      t,
      vocabularyKind('Technique'),
      'Treatments delivered with this technique; each edge carries its citations.',
    ),
});
