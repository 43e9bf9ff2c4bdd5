import { vocabularyKind } from '../../model/kinds.ts';
import { builder } from '../builder.ts';
import { vocabularyFields, vocabularyNodeId } from '../vocabulary.ts';

export const SideEffect = builder.prismaNode('SideEffect', {
  description:
    'An adverse effect a treatment may cause: bleeding, redness, hematoma, swelling, infection risk…',
  id: vocabularyNodeId,
  fields: (t) =>
    vocabularyFields(
      t,
      vocabularyKind('SideEffect'),
      'Treatments that may cause it, with frequency, duration and citations on each edge.',
    ),
});
