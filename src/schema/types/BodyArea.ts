import { vocabularyKind } from '../../model/kinds.ts';
import { builder } from '../builder.ts';
import { vocabularyFields, vocabularyNodeId } from '../vocabulary.ts';

export const BodyArea = builder.prismaNode('BodyArea', {
  description: 'A treated area: face, neck, décolleté, hands, scalp, joints, body.',
  id: vocabularyNodeId,
  fields: (t) =>
    vocabularyFields(
      t,
      vocabularyKind('BodyArea'),
      'Treatments done on this area; each edge carries its citations.',
    ),
});
